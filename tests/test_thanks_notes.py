"""What ``thanks`` tells the student about a note: what to cut, what repeats, what is late.

``compose`` is called as the command calls it; the messages are the ones printed (a card
that does not fit ends its warning with ``Note.shorten``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from infoview.lint import context
from infoview.lint.context import Context
from infoview.thanks import Note, compose
from infoview.workspace import Workspace, open_workspace

TODAY = dt.date(2026, 12, 4)  # the day after the meeting
WORDS = [
    *["the", "state", "paralegal", "association", "and", "read", "every", "local", "court", "rule"],
    *["before", "the", "first", "day", "of", "the", "summer", "term", "ends"],
]


def text(
    *,
    notes: str = "- **Takeaway:** Join the state association.\n",
    organization: str | None = None,
    referrals: int = 0,
    extra: str = "",
) -> str:
    lines = ["---", "interviewer:", "  name: Dana Whitfield", "  email: dana@example.com"]
    lines.append("  salutation: Ms. Whitfield")  # no hint on how to greet her
    if organization is not None:
        lines.append(f"  organization: {organization}")
    lines += ["meeting:", "  date: 2026-12-03T10:00", "  duration: 30", "formality: formal"]
    if referrals:
        lines.append("referrals:")
        lines += [f"  - name: Person {n}" for n in range(referrals)]
    return "\n".join(lines) + "\n" + extra + "---\n\n## Notes\n" + notes


@pytest.fixture
def ws(workspace: Path) -> Workspace:
    return open_workspace(workspace)


@pytest.fixture
def ctx(ws: Workspace) -> Context:
    return context(ws.config, TODAY)


def note_for(ws: Workspace, ctx: Context, body: str, fmt: str = "auto") -> Note:
    path = ws.interviews_dir / "dana.md"
    path.write_text(body, encoding="utf-8")
    return compose(ws, ws.read(path), ctx, fmt=fmt)


DEFAULT = "shorten the takeaway, or copy templates/thanks.txt.j2 and cut it down"


@pytest.mark.parametrize(
    ("words", "shorten"),
    [
        # the takeaway's sentence in the note is 24 words, 25, 26 (the opening here is 23)
        (17, DEFAULT),
        (18, "shorten the takeaway at line 13 (19 words) to a sentence or two"),
        (19, "shorten the takeaway at line 13 (20 words) to a sentence or two"),
    ],
)
def test_a_takeaway_of_25_words_or_more_is_what_to_shorten(
    ws: Workspace, ctx: Context, words: int, shorten: str
) -> None:
    first = "Join " + " ".join(WORDS[:words]) + "."
    notes = f"- **Takeaway:** {first}\n- **Takeaway:** Call me.\n"  # the first one counts
    note = note_for(ws, ctx, text(notes=notes))
    assert len(note.text.split("\n\n")[2].split()) == words + 7
    assert note.shorten == shorten


@pytest.mark.parametrize(
    ("referrals", "shorten"),
    [
        (2, DEFAULT),
        (3, "name fewer referrals on the card (it names 3)"),
        (4, "name fewer referrals on the card (it names 3)"),  # the card names three
    ],
)
def test_more_than_two_referrals_are_what_to_shorten(
    ws: Workspace, ctx: Context, referrals: int, shorten: str
) -> None:
    note = note_for(ws, ctx, text(referrals=referrals))
    assert note.shorten == shorten


@pytest.mark.parametrize(
    ("organization", "shorten"),
    [
        ("Oregon Office of Public Defense Services", DEFAULT),  # six words
        (
            "The Oregon Office of Public Defense Services",
            "shorten interviewer.organization, or write the card's text yourself",
        ),
    ],
)
def test_an_organization_of_more_than_six_words_is_what_to_shorten(
    ws: Workspace, ctx: Context, organization: str, shorten: str
) -> None:
    note = note_for(ws, ctx, text(organization=organization))
    assert note.shorten == shorten


def test_a_note_without_a_takeaway_is_told_the_default(ws: Workspace, ctx: Context) -> None:
    note = note_for(ws, ctx, text(notes="- They were kind.\n"))
    assert note.shorten == DEFAULT


# -- a takeaway that repeats itself --------------------------------------------------------------


def test_repeated_phrases_are_quoted_two_at_most_and_clipped_to_eight_words(
    ws: Workspace, ctx: Context
) -> None:
    nine = "read every local court rule before the first day"
    eight = "the county clerk keeps the forms I need"
    notes = (
        f"- **Takeaway:** Always {nine}, and then {nine}. Remember that {eight}; {eight}. "
        "Ask the clerk, ask the clerk.\n"  # a third repeat, not quoted
    )
    note = note_for(ws, ctx, text(notes=notes))
    assert note.warnings == [
        "interviews/dana.md: the note says 'read every local court rule before the first ...'; "
        "'the county clerk keeps the forms i need' twice (your takeaway, line 13); reword it"
    ]


def test_a_late_note_already_recorded_as_sent_is_not_called_late(
    ws: Workspace, ctx: Context
) -> None:
    late = context(ws.config, dt.date(2026, 12, 20))
    sent = "follow_up:\n  thank_you_sent: 2026-12-04\n"
    assert note_for(ws, late, text(extra=sent)).warnings == []
    warnings = note_for(ws, late, text()).warnings
    assert warnings == [
        "interviews/dana.md: this thank-you is late (the meeting was 17 days ago; the guide "
        "says within 2); send it today anyway"
    ]


# -- the card: its envelope and its type ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "address", "lines"),
    [
        (
            "Dana Whitfield",
            "100 SW Main St\nPortland, OR",
            ["Dana Whitfield", "100 SW Main St", "Portland, OR"],
        ),
        # blank lines and runs of spaces go; a first line naming them is not repeated
        (
            "Dana Whitfield",
            "  dana   whitfield \n\n 100 SW  Main St \n",
            ["dana whitfield", "100 SW Main St"],
        ),
        ("Dr. Ana Cruz, PhD", "Ana Cruz\nClinic", ["Ana Cruz", "Clinic"]),  # by full name
        ("Dr. Ana Cruz", "Attn: Dr. Ana Cruz\nClinic", ["Attn: Dr. Ana Cruz", "Clinic"]),
        ("", "100 SW Main St", ["100 SW Main St"]),
        ("Dana Whitfield", "  \n \n", []),  # no address: no envelope
        ("Dana Whitfield", None, []),
    ],
)
def test_the_envelope_names_the_person_once_above_the_address(
    name: str, address: str | None, lines: list[str]
) -> None:
    from infoview.thanks import envelope_lines

    assert envelope_lines(name, address) == lines


@pytest.mark.parametrize(
    ("width", "kind"),
    [(42, ""), (43, " long"), (56, " long"), (57, " longest")],
)
def test_long_address_lines_get_smaller_type_on_the_envelope(
    ws: Workspace, ctx: Context, width: int, kind: str
) -> None:
    from infoview.thanks import card_job

    street = "1" + " Main Street, Suite 400, Building B, North Campus, Room-12345"[: width - 1]
    assert len(street) == width
    body = text(extra="").replace(
        "  email: dana@example.com\n",
        f"  email: dana@example.com\n  address: |\n    {street}\n    Portland\n",
    )
    note = note_for(ws, ctx, body, fmt="card")
    html = card_job(note, ws).html
    assert f'<div class="to{kind}">Dana Whitfield<br>{street}<br>Portland<br></div>' in html


def test_the_card_is_fitted_roomiest_first_down_to_9_pt(ws: Workspace, ctx: Context) -> None:
    from infoview.thanks import card_job

    note = note_for(ws, ctx, text(), fmt="card")
    fit = card_job(note, ws).fit
    assert fit[0] == ""  # the stylesheet's own type first
    assert fit[1] == (
        "html { font-size: 10.5pt; } .draft { line-height: 1.5; margin-bottom: 0.5em; } "
        ".hint { margin-bottom: 0.3em; }"
    )
    sizes = [float(step.split("font-size: ")[1].split("pt")[0]) for step in fit[1:]]
    assert sizes == sorted(sizes, reverse=True) and len(set(sizes)) == len(sizes)
    assert sizes[-1] == 9
    assert "@page" not in fit[1] + fit[2]
    assert fit[3].endswith(" @page { margin: 0.3in 0.4in; }")
    assert fit[4].endswith(" @page { margin: 0.25in 0.35in; }")


# -- a workspace's own template ------------------------------------------------------------------


def test_a_workspace_template_receives_every_documented_value(ws: Workspace, ctx: Context) -> None:
    (ws.root / "templates").mkdir()
    (ws.root / "templates" / "thanks.txt.j2").write_text(
        "{{ name }}|{{ organization }}|{{ channel }}|{{ signature }}|{{ profile.name }}|"
        "{{ interview.path.name }}\n{{ takeaway }}\n{{ takeaways | join(' / ') }}\n"
        "{{ takeaway_as_written }}\n{{ greeting }} {{ salutation_name }}|{{ when_phrase }}\n"
        "{{ closing }}\n",
        encoding="utf-8",
    )
    notes = "- **Takeaway:** Call *your* clerk.\n- **Takeaway:** She said you should read.\n"
    note = note_for(ws, ctx, text(notes=notes, organization="Marlow & Reyes LLP"))
    assert note.text == (
        "Dana Whitfield|Marlow & Reyes LLP|email|Alex Rivera|Alex Rivera|dana.md\n"
        "Call my clerk.\n"
        "Call my clerk. / Read.\n"
        "Call your clerk.\n"
        "Dear Ms. Whitfield|yesterday\n"
        "With thanks\n"
    )


def test_a_template_that_repeats_itself_is_reported_without_a_takeaway_line(
    ws: Workspace, ctx: Context
) -> None:
    (ws.root / "templates").mkdir()
    (ws.root / "templates" / "thanks.txt.j2").write_text(
        "Thank you so much. Thank you so much.\n", encoding="utf-8"
    )
    note = note_for(ws, ctx, text(notes="- They were kind.\n"))
    assert note.warnings == [
        "interviews/dana.md: nothing specific to thank them for; add '- **Takeaway:** ...' "
        "under ## Notes so the note names something they said",
        "interviews/dana.md: the note says 'thank you so much' twice; reword it",
    ]


def test_the_signature_falls_back_to_a_placeholder_without_a_profile_name(
    ws: Workspace, ctx: Context
) -> None:
    config = ws.root / "infoview.toml"
    config.write_text(config.read_text().replace('name = "Alex Rivera"', 'name = ""'))
    anonymous = open_workspace(ws.root)
    note = note_for(anonymous, context(anonymous.config, TODAY), text(), fmt="card")
    assert note.text.endswith("With thanks,\nYour name\n")


def test_an_interview_without_formality_gets_the_formal_note(ws: Workspace, ctx: Context) -> None:
    note = note_for(ws, ctx, text().replace("formality: formal\n", ""))
    assert note.subject == "Thank you for the informational interview on December 3"
    assert note.text.startswith("Dear Ms. Whitfield,\n")


def test_an_informal_note_to_a_one_word_name_needs_no_title_hint(
    ws: Workspace, ctx: Context
) -> None:
    body = text().replace("  name: Dana Whitfield\n", "  name: Dana\n")
    body = body.replace("  salutation: Ms. Whitfield\n", "").replace("formal\n", "informal\n")
    note = note_for(ws, ctx, body, fmt="email")
    assert note.text.startswith("Hi Dana,\n")
    assert note.warnings == []


def test_a_meeting_ahead_without_a_time_is_named_by_its_day(ws: Workspace, ctx: Context) -> None:
    from infoview.thanks import NoteError

    body = text().replace("  date: 2026-12-03T10:00\n", "  date: 2026-12-15\n")
    with pytest.raises(NoteError) as caught:
        note_for(ws, ctx, body)
    assert caught.value.message == (
        "the meeting is on Tuesday 15 December 2026, after today (2026-12-04); write the "
        "thank-you once it has happened, or use --early for a draft now"
    )


def test_a_meeting_without_a_date_gets_no_note_yet(ws: Workspace, ctx: Context) -> None:
    from infoview.thanks import NoteError

    with pytest.raises(NoteError) as caught:
        note_for(ws, ctx, text().replace("  date: 2026-12-03T10:00\n", ""))
    assert caught.value.message == (
        "the meeting has no date yet (meeting.date); a thank-you follows the meeting"
    )


@pytest.mark.parametrize("key", ["salutation", "organization"])
def test_a_value_the_note_names_must_be_one_line(ws: Workspace, ctx: Context, key: str) -> None:
    from infoview.thanks import NoteError

    # the value becomes "Line<U+2028>Break"; what was there stays, as a comment
    body = text(organization="Marlow & Reyes LLP")
    body = body.replace(f"  {key}: ", f'  {key}: "Line\\u2028Break" # ')
    with pytest.raises(NoteError) as caught:
        note_for(ws, ctx, body)
    assert caught.value.message == (
        f"interviewer.{key} contains a line break (U+2028); make it one line of plain text"
    )


def test_the_repeat_warning_names_the_line_of_the_takeaway_the_note_uses(
    ws: Workspace, ctx: Context
) -> None:
    notes = "- **Takeaway:** Ask the clerk first, ask the clerk first.\n- **Takeaway:** Call me.\n"
    note = note_for(ws, ctx, text(notes=notes))
    assert note.warnings == [
        "interviews/dana.md: the note says 'ask the clerk first' twice (your takeaway, "
        "line 13); reword it"
    ]


def test_a_template_without_a_takeaway_gets_empty_values(ws: Workspace, ctx: Context) -> None:
    (ws.root / "templates").mkdir()
    (ws.root / "templates" / "thanks.txt.j2").write_text(
        "[{{ takeaway }}][{{ takeaway_as_written }}][{{ takeaways | length }}]\n",
        encoding="utf-8",
    )
    note = note_for(ws, ctx, text(notes="- They were kind.\n"))
    assert note.text == "[][][0]\n"


def test_write_notes_writes_no_early_draft_unless_asked(ws: Workspace, ctx: Context) -> None:
    from infoview.thanks import write_notes

    path = ws.interviews_dir / "dana.md"
    path.write_text(text().replace("2026-12-03T10:00", "2026-12-15T10:00"), encoding="utf-8")
    done = write_notes(ws, [ws.read(path)], ctx, fmt="email", report=lambda w: None)
    assert [(w.path, w.error is not None) for w in done] == [(None, True)]
    assert done[0].error is not None and "after today (2026-12-04)" in done[0].error
    early = write_notes(ws, [ws.read(path)], ctx, fmt="email", report=lambda w: None, early=True)
    assert [w.path for w in early] == [ws.build_dir / "thanks" / "dana.eml"]


def test_a_card_stylesheet_that_cannot_be_used_is_named_and_the_default_used(
    ws: Workspace, ctx: Context
) -> None:
    import os

    from infoview.thanks import card_job

    (ws.root / "styles").mkdir()
    os.mkfifo(ws.root / "styles" / "card.css")  # reading it would block
    note = note_for(ws, ctx, text(), fmt="card")
    job = card_job(note, ws)
    (warning,) = note.warnings
    assert warning.startswith("interviews/dana.md: not included: styles/card.css: ")
    assert warning.endswith("; the packaged default stylesheet is used instead")
    assert job.css[0][1].endswith("/card.css") and "styles/card.css" not in job.css[0][1]


def test_a_card_that_cannot_be_written_is_an_io_error(ws: Workspace, ctx: Context) -> None:
    from infoview.thanks import write_notes

    (ws.root / "build").mkdir()
    (ws.root / "build" / "thanks").write_text("a file where the folder goes")
    path = ws.interviews_dir / "dana.md"
    path.write_text(text(), encoding="utf-8")
    (done,) = write_notes(ws, [ws.read(path)], ctx, fmt="card", report=lambda w: None)
    assert (done.path, done.io_error) == (None, True)
    assert done.error is not None and done.error.startswith("build/thanks")
