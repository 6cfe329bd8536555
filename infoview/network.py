"""``infoview network``: who referred whom, from ``referrals`` and ``referred_by``.

The guide says to ask each person for names of others to meet; this shows where that led.
A person is one node however many interview files they have (names match case- and
accent-insensitively, or by email). A referral is resolved by its ``file``, else by name,
else by ``contact`` email; one that resolves to nobody, or to an interview without a date,
is a person still to contact. ``graph`` is pure; ``tree`` and ``dot`` render it. Nothing
here depends on the clock: people are described by their meeting dates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePath

from infoview.escape import printable
from infoview.model import Interview, Interviewer, Status
from infoview.people import fold, fold_email, keys


@dataclass
class Person:
    key: str  # the first interview's stem, or "referral:<folded name>" for the others
    name: str
    interviews: list[Interview] = field(default_factory=list)
    contact: str | None = None  # from a referral, for people not interviewed yet
    notes: list[str] = field(default_factory=list)  # what the referrals said about them

    @property
    def organization(self) -> str | None:
        return next(
            (iv.interviewer.organization for iv in self.interviews if iv.interviewer.organization),
            None,
        )

    def dates(self) -> list[str]:
        """Their meeting dates, oldest first."""
        # By date, then file: two files for one person on one day must not compare as
        # Interviews (which have no order).
        dated = sorted(
            (iv.meeting.date, str(iv.path), iv) for iv in self.interviews if iv.meeting.date
        )
        return [
            day.isoformat() + (" (cancelled)" if iv.status_override is Status.CANCELLED else "")
            for day, _, iv in dated
        ]

    def sort_key(self) -> tuple[bool, str, str]:
        dates = sorted(iv.meeting.date.isoformat() for iv in self.interviews if iv.meeting.date)
        return (not dates, dates[0] if dates else "", fold(self.name))


@dataclass
class Graph:
    people: dict[str, Person]
    edges: dict[str, list[str]]  # referrer -> the people they referred, in file order

    @cached_property
    def referred(self) -> set[str]:
        return {key for targets in self.edges.values() for key in targets}

    def next_to_contact(self, key: str) -> bool:
        """Referred, and not interviewed: no file yet, or none with a date."""
        person = self.people[key]
        return key in self.referred and not person.dates()

    def children(self, key: str) -> list[str]:
        return sorted(self.edges.get(key, []), key=lambda k: self.people[k].sort_key())

    def ordered(self) -> list[str]:
        return sorted(self.people, key=lambda k: self.people[k].sort_key())


def graph(interviews: Sequence[Interview]) -> Graph:
    """The referral graph of ``interviews`` (pure: values in, a graph out)."""
    people: dict[str, Person] = {}
    owner: dict[int, str] = {}  # id(interview) -> person key
    who: dict[str, str] = {}  # "name:<folded>" or "email:<address>" -> person key
    by_file: dict[str, str] = {}  # file name and stem -> person key
    ordered = sorted(interviews, key=lambda iv: str(iv.path))
    for interview in ordered:
        ids = keys(interview.interviewer)
        key = next((who[k] for k in sorted(ids) if k in who), None)
        if key is None:
            key, n = interview.stem, 1
            while key in people:  # the same stem in two sub-folders
                key, n = f"{interview.stem}#{n + 1}", n + 1
            people[key] = Person(key, interview.display_name)
        people[key].interviews.append(interview)
        owner[id(interview)] = key
        for k in ids:
            who.setdefault(k, key)
        by_file.setdefault(interview.path.name, key)
        by_file.setdefault(interview.stem, key)

    def lookup(name: str, email: str | None) -> str | None:
        folded, address = fold(name), fold_email(email)
        found = who.get(f"name:{folded}") if folded else None
        return found or (who.get(f"email:{address}") if address else None)

    def resolve(name: str, file: str | None, email: str | None) -> str | None:
        if file and PurePath(file).name in by_file:
            return by_file[PurePath(file).name]
        return lookup(name, email)

    def outsider(name: str, email: str | None) -> Person:
        key = f"referral:{fold(name) or fold_email(email)}"
        person = people.setdefault(key, Person(key, " ".join(name.split())))
        for k in keys(Interviewer(name=name, email=email)):
            who.setdefault(k, key)
        return person

    edges: dict[str, list[str]] = {}

    def link(source: str, target: str) -> None:
        targets = edges.setdefault(source, [])
        if target != source and target not in targets:
            targets.append(target)

    for interview in ordered:
        me = owner[id(interview)]
        for referral in interview.referrals:
            target = resolve(referral.name, referral.file, referral.contact)
            if target is None:
                person = outsider(referral.name, referral.contact)
                person.contact = person.contact or referral.contact
                target = person.key
            if referral.note and target.startswith("referral:"):
                people[target].notes.append(referral.note)
            link(me, target)
        if interview.referred_by:
            text = interview.referred_by
            source = resolve(text, text, text) or outsider(text, text).key
            link(source, me)
    return Graph(people, {k: v for k, v in edges.items() if v})


# -- rendering -----------------------------------------------------------------------------


def _state(g: Graph, key: str) -> list[str]:
    """What a person without a meeting date is: planned, or known only by name."""
    person = g.people[key]
    if person.dates():
        return []
    if person.interviews:
        return ["no date yet"]
    return [] if key in g.referred else ["no interview file"]


def describe(g: Graph, key: str) -> str:
    """One line about a person: name, organisation, meeting dates, and what to do."""
    person = g.people[key]
    text = person.name + (f", {person.organization}" if person.organization else "")
    dates = person.dates()
    if dates:
        text += f" · {'meetings' if len(dates) > 1 else 'meeting'} {', '.join(dates)}"
    text += "".join(f" · {state}" for state in _state(g, key))
    if g.next_to_contact(key):
        text += " · next to contact"
        details = ([person.contact] if person.contact else []) + person.notes
        if details:
            text += f": {'; '.join(details)}"
    return printable(" ".join(text.split()))


def tree(g: Graph) -> str:
    """An indented tree from the people nobody referred; a cycle ends at a back-reference."""
    lines: list[str] = []
    shown: set[str] = set()
    roots = [k for k in g.ordered() if k not in g.referred]
    for root in roots + g.ordered():  # then whoever sits only on a cycle
        if root in shown:
            continue
        shown.add(root)
        lines.append(describe(g, root))
        # Depth-first with an explicit stack: (key, indent, is_last, ancestors).
        stack: list[tuple[str, str, bool, tuple[str, ...]]] = [
            (c, "", i == 0, (root,)) for i, c in enumerate(reversed(g.children(root)))
        ]
        while stack:
            key, indent, last, ancestors = stack.pop()
            branch = indent + ("└── " if last else "├── ")
            name = printable(" ".join(g.people[key].name.split()))
            if key in ancestors:
                lines.append(f"{branch}↩ {name} (referred back: a cycle, see above)")
                continue
            if key in shown:
                lines.append(f"{branch}{name} (see above)")
                continue
            shown.add(key)
            lines.append(branch + describe(g, key))
            below = indent + ("    " if last else "│   ")
            children = g.children(key)
            stack += [
                (c, below, i == 0, (*ancestors, key)) for i, c in enumerate(reversed(children))
            ]
    waiting = [printable(g.people[k].name) for k in g.ordered() if g.next_to_contact(k)]
    count = sum(len(v) for v in g.edges.values())
    summary = f"{len(g.people)} {'person' if len(g.people) == 1 else 'people'}, "
    summary += f"{count} referral{'' if count == 1 else 's'}; "
    summary += (
        f"next to contact: {', '.join(waiting)}" if waiting else "nobody waiting to be contacted"
    )
    return "\n".join([*lines, summary])


def _quote(text: str) -> str:
    """A DOT double-quoted string: controls, backslashes and quotes escaped, one line."""
    one_line = printable(" ".join(text.split()))
    return '"' + one_line.replace("\\", "\\\\").replace('"', '\\"') + '"'


def dot(g: Graph) -> str:
    """Graphviz DOT: a box per person, dashed for the people still to contact."""
    lines = [
        "digraph referrals {",
        '  graph [rankdir="LR"];',
        '  node [shape="box", style="rounded"];',
    ]
    for key in g.ordered():
        person = g.people[key]
        parts = [person.name] + ([person.organization] if person.organization else [])
        parts += [f"meeting {d}" for d in person.dates()] or _state(g, key)
        attrs = ""
        if g.next_to_contact(key):
            parts.append("next to contact" + (f": {person.contact}" if person.contact else ""))
            attrs = ', style="rounded,dashed,bold", color="#9a3b00"'
        label = "\\n".join(_quote(part)[1:-1] for part in parts)
        lines.append(f'  {_quote(key)} [label="{label}"{attrs}];')
    for source in g.ordered():
        for target in g.children(source):
            lines.append(f"  {_quote(source)} -> {_quote(target)};")
    lines.append("}")
    return "\n".join(lines)
