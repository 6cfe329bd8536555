"""Check that IV303 and IV304 keep their verdict when a question is only asked otherwise.

``make judge-invariance``. The labelled corpora say how the judge does on the questions
they hold; they cannot say how it does on the same questions written another way, and
users write them every way. This script takes the tuning splits' questions (``train`` and
every ``-dev``: ``tools/judge_report.py``) and rewrites each in ways that leave its label
as it is, then counts, per way:

- **lost**: questions the judge flags as written (rightly) and no longer flags rewritten;
- **new false**: fine questions the judge leaves alone as written and flags rewritten.

The ways: a polite lead-in ("Can you tell me ...", "I was wondering, ...", "Out of
curiosity, ..."), an opener ("Also, ", "And "), an aside (", if you don't mind me
asking?", ", by the way?", "Thanks so much!"), a fine question asked in the same item
("... What do you enjoy most?"), the same question as an embedded clause
("Do you know when the school opened?"), the organisation as a name or a template's
placeholder ("Harlow Partners's clients", "[Company]'s clients"), another field's noun for
it ("your museum", "your newsroom"), and marks that say little (curly apostrophes,
apostrophes left out, no question mark, all capitals). A way that loses or gains more than a
few per cent is a class of question the judge misreads, whatever the corpora say.

Only the tuning splits are read, so the held-out splits stay unread. It prints figures and
never fails: a test cannot say how many is too many (``tests/test_judge_asking.py`` holds
the cases that must not change).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable

from judge_report import CORPORA, TUNING, read  # a script beside this one (tools/)

from infoview import judge

Way = Callable[[str], "str | None"]  # a question rewritten, or None when it does not apply
_ORG = re.compile(
    r"\b(your|the|this) (firm|company|organi[sz]ation|hospital|agency|nonprofit|district|"
    r"school|clinic|lab|studio|startup|business)\b",
    re.IGNORECASE,
)
_COMPANY = re.compile(r"\b(your|the|this) (firm|company|organi[sz]ation)\b", re.IGNORECASE)
_FIELDS = ("museum", "newsroom", "council", "charity", "library", "university", "station")
_FIELDS += ("publisher", "bank", "union", "ministry", "brewery", "orchestra", "hotel", "gallery")
_FIELDS += ("mosque", "embassy", "distillery")


def _lower_first(question: str) -> str:
    return question[:1].lower() + question[1:]


def _bare(question: str) -> str:
    return question.rstrip().rstrip("?").rstrip()


def _lead_in(template: str) -> Way:
    return lambda question: template.format(_lower_first(question))


def _embedded(question: str) -> str | None:
    """A direct question as the clause a lead-in takes ("what the firm does"), or None."""
    text = _bare(question)
    found = re.match(r"(What|Who|Where|When|How \w+|Which \w+) (is|are|was|were) (.+)$", text)
    if found:
        return f"{found[1].lower()} {found[3]} {found[2]}"
    found = re.match(r"What does (.+) do$", text)
    if found:
        return f"what {found[1]} does"
    found = re.match(r"(How many \w+|What \w+) does (.+) (have|offer|serve|employ|sell)$", text)
    if found:
        third = "has" if found[3] == "have" else found[3] + "s"
        return f"{found[1].lower()} {found[2]} {third}"
    found = re.match(r"(Is|Are|Was|Were) ((?:the|your|this) \w+) (.+)$", text)
    if found:
        return f"if {found[2]} {found[1].lower()} {found[3]}"
    return None


def _embedded_after(template: str) -> Way:
    def way(question: str) -> str | None:
        clause = _embedded(question)
        return None if clause is None else template.format(clause)

    return way


def _swap(pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]) -> Way:
    return lambda question: (
        pattern.sub(replace, question, count=1) if pattern.search(question) else None
    )


def ways() -> dict[str, Way]:
    found: dict[str, Way] = {
        "Can you tell me ...?": lambda q: f"Can you tell me {_lower_first(_bare(q))}?",
        "Could you please tell me ...?": lambda q: f"Could you please tell me {_lower_first(q)}",
        "I was wondering, ...": _lead_in("I was wondering, {}"),
        "Out of curiosity, ...": _lead_in("Out of curiosity, {}"),
        "Quick question: ...": _lead_in("Quick question: {}"),
        "Also, ...": _lead_in("Also, {}"),
        "Roughly, ...": _lead_in("Roughly, {}"),
        "..., if you don't mind me asking?": lambda q: f"{_bare(q)}, if you don't mind me asking?",
        "..., by the way?": lambda q: f"{_bare(q)}, by the way?",
        "... Thanks so much!": lambda q: f"{q.rstrip()} Thanks so much!",
        "... What do you enjoy most?": lambda q: f"{q.rstrip()} What do you enjoy most?",
        "What do you enjoy most? ...": lambda q: f"What do you enjoy most? {q.strip()}",
        "And ...": _lead_in("And {}"),
        "Can you tell me <clause>?": _embedded_after("Can you tell me {}?"),
        "I was wondering <clause>.": _embedded_after("I was wondering {}."),
        "Do you know <clause>?": _embedded_after("Do you know {}?"),
        "a name for it": _swap(_COMPANY, lambda m: "Harlow Partners"),
        "a placeholder for it": _swap(_COMPANY, lambda m: "[Company]"),
        "curly apostrophes": lambda q: q.replace("'", "\u2019") if "'" in q else None,
        "apostrophes left out": lambda q: q.replace("'", "") if "'" in q else None,
        "no question mark": lambda q: _bare(q) if q.rstrip().endswith("?") else None,
        "all capitals": lambda q: q.upper(),
    }
    for noun in _FIELDS:
        found[f"'{noun}' for it"] = _swap(_ORG, lambda m, noun=noun: f"{m[1]} {noun}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=0, help="list this many of each way")
    args = parser.parse_args(argv)
    paths = [path for path in CORPORA if path.name != "fresh.csv"]  # never read
    rows = [row for path in paths for row in read(path) if row["split"] in TUNING]
    judges = {"IV303": ("online", judge.online), "IV304": ("job", judge.job)}
    print(f"{len(rows)} questions of the tuning splits ({', '.join(TUNING)})")
    for code, (label, verdict) in judges.items():
        caught = [row["question"] for row in rows if row["label"] == label]
        caught = [question for question in caught if verdict(question)]
        fine = [row["question"] for row in rows if row["label"] == "ok"]
        fine = [question for question in fine if not verdict(question)]
        print(f"\n{code}: {len(caught)} flagged rightly, {len(fine)} fine left alone")
        print(f"  {'way':36} {'lost':>13}   {'new false':>13}")
        for name, way in ways().items():
            lost = [w for w in map(way, caught) if w is not None and not verdict(w)]
            applied = sum(way(question) is not None for question in caught)
            false = [w for w in map(way, fine) if w is not None and verdict(w)]
            tried = sum(way(question) is not None for question in fine)
            print(
                f"  {name:36} {len(lost):4} of {applied:4}   {len(false):4} of {tried:4}"
                f"{'   <-' if len(lost) > 0.03 * applied or len(false) > 0.03 * tried else ''}"
            )
            for question in lost[: args.examples]:
                print(f"      lost: {question}")
            for question in false[: args.examples]:
                print(f"      false: {question}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
