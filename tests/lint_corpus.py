"""Interviews that between them make every lint rule fire on one of ``DAYS``.

The cache tests lint these fresh and through the cache and compare: the comparison covers
every rule only because something here triggers each (``test_the_corpus_covers_every_rule``
keeps it so). The meeting in ``samples.FRONT`` is 2026-12-03 10:00, 30 minutes, by video.
"""

from __future__ import annotations

from samples import FRONT

# Before the meeting; the meeting's day (not over at midnight); one, three days after it;
# half a year on (keep in touch).
DAYS = ("2026-11-25", "2026-12-03", "2026-12-04", "2026-12-06", "2027-06-01")

# No self-introduction in the profile: IV405 fires for meetings still to come.
CONFIG = """\
timezone = "America/Los_Angeles"

[profile]
name = "Alex Rivera"
"""

RESEARCH = """\
## Research
- **Work history:** twelve years at Marlow & Reyes, six in estate planning.
- **Education:** paralegal certificate, Portland Community College.
- **Credentials:** Oregon Certified Paralegal.
- **In common:** we both came through the PCC programme.
- **Sources:** the firm's team page and her LinkedIn profile.
"""
QUESTIONS = """\
## Questions
### Goal 1
- Which estate-planning tasks do paralegals here handle end to end?
### Goal 2
- What would you tell someone weighing law school against a senior paralegal career?
"""
BODY = f"{RESEARCH}\n{QUESTIONS}\n## Notes\n"


def doc(front: str = FRONT, body: str = BODY) -> str:
    return f"---\n{front}---\n{body}"


DONE_FOLLOW_UP = "follow_up:\n  thank_you_sent: 2026-12-04\n  thank_you_via: email\n"

CORPUS: dict[str, str | bytes] = {
    "clean": doc(),
    # IV001: the front matter is not YAML.
    "broken": "---\ninterviewer: [unclosed\nmeeting: {\n---\n# Broken\n",
    # IV001 about the body only: a byte that is not UTF-8, below valid front matter.
    "latin1": doc().encode("utf-8").replace(b"Portland", b"Portl\xe4nd", 1),
    # IV002: a bad value, an unknown key, unknown codes in lint.ignore and a disable.
    "schema": doc(
        FRONT.replace("duration: 30", "duration: half an hour")
        + "colour: blue\nlint:\n  ignore: [IV999, IV104]\n",
        BODY.replace("### Goal 2\n", "### Goal 2\n<!-- infoview-disable IV998 -->\n"),
    ),
    # IV003, IV101, IV201, IV301, IV401, IV402, IV403: nearly nothing there.
    "bare": "---\ninterviewer:\n  title: Paralegal\n---\n# Nothing yet\n",
    # IV102-IV104: research of one facet only; IV404: in person without an address.
    "thin": doc(
        FRONT.replace("mode: video", "mode: in-person").replace(
            "  location: https://meet.example.com/abc\n", ""
        ),
        "## Research\n- **Work history:** paralegal since 2014.\n\n" + QUESTIONS + "\n## Notes\n",
    ),
    # IV202-IV204, IV302-IV305: four goals, one a question, one without questions; a
    # question under no goal, one a website answers, one asking for a job, one twice.
    "questions": doc(
        FRONT.replace(
            "  - Learn about the career path from paralegal to lawyer.\n",
            "  - Learn about the career path from paralegal to lawyer.\n"
            "  - How many wills do you draft a week?\n"
            "  - Learn about continuing education.\n",
        ),
        RESEARCH + "\n## Questions\n- Where do you see the profession going?\n### Goal 1\n"
        "- What does your firm do?\n- Are you hiring paralegals right now?\n"
        "- Which tasks do paralegals handle end to end?\n"
        "- Which tasks do paralegals handle end to end?\n"
        "### Goal 2\n- How did you choose your path?\n### Goal 3\n- Why wills?\n\n## Notes\n",
    ),
    # Done from 2026-12-03 10:30 with nothing recorded: IV406-IV408, then IV502, IV501.
    "met": doc(FRONT + "tags: [estate]\n"),
    # Thanked by email after an informal meeting (IV503); half a year on, IV504.
    "thanked": doc(
        FRONT.replace("formality: formal", "formality: informal")
        + DONE_FOLLOW_UP
        + "  may_contact_again: true\nreferrals:\n  - name: Sam Ortiz\n",
        BODY.replace("## Notes\n", "## Notes\n- **Takeaway:** get certified early.\n"),
    ),
    # Cancelled: the logistics and follow-up rules keep quiet.
    "cancelled": doc(FRONT + "status: cancelled\n"),
    # Windows line ends and a byte-order mark.
    "crlf": "\ufeff" + doc().replace("\n", "\r\n"),
    # A NUL byte in the body.
    "nul": doc().replace("## Notes\n", "## Notes\n- a\x00b\n"),
}
