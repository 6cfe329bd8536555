"""Navigation: the document's outline, go to a referred interview, a person's mentions.

- Symbols: Research with its facets, Questions with each goal and its questions, Notes
  with its items, Follow-up (a flat list for clients without hierarchical symbols).
- Definition: from ``referred_by`` or ``referrals[].file`` (or a referral's ``name``) to
  that interview, resolved as ``infoview network`` does (by file name, else by name or
  email, accents and case aside: ``people.py``).
- References: every place in the workspace's interviews that names the same person: as
  the interviewer, in a referral, or in ``referred_by``.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from lsprotocol import types

from infoview.lsp.frontmatter import place
from infoview.lsp.positions import Lines
from infoview.lsp.server import InfoviewServer, Known
from infoview.model import Interview, Interviewer, Span
from infoview.people import fold, fold_email, keys

_KINDS = {
    "research": types.SymbolKind.Namespace,
    "questions": types.SymbolKind.Namespace,
    "notes": types.SymbolKind.Namespace,
    "follow-up": types.SymbolKind.Namespace,
}


def _symbol(
    lines: Lines, name: str, kind: types.SymbolKind, span: Span, end: Span | None = None
) -> types.DocumentSymbol:
    rng = lines.range(span)
    whole = types.Range(rng.start, lines.range(end).end) if end is not None else rng
    return types.DocumentSymbol(" ".join(name.split())[:120] or "-", kind, whole, rng)


def outline(interview: Interview, lines: Lines) -> list[types.DocumentSymbol]:
    """The body's sections with their items, each spanning up to the next section."""
    heads = sorted(interview.sections.items(), key=lambda kv: kv[1].span.line)
    total = len(lines.lines)
    out = []
    for n, (name, section) in enumerate(heads):
        last_line = heads[n + 1][1].span.line - 1 if n + 1 < len(heads) else total
        last_line = max(last_line, section.span.line)
        end = Span(last_line, 1, last_line, len(lines.line(last_line - 1)) + 1)
        symbol = _symbol(lines, section.title, _KINDS[name], section.span, end)
        children: list[types.DocumentSymbol] = []
        if name == "research":
            for item in interview.research:
                label = item.label or item.text
                children.append(_symbol(lines, label, types.SymbolKind.Field, item.span))
        elif name == "questions":
            children = _goals(interview, lines)
        elif name == "notes":
            for note in interview.notes:
                what = f"Takeaway: {note.text}" if note.takeaway else note.text
                children.append(_symbol(lines, what, types.SymbolKind.String, note.span))
        symbol.children = children or None
        out.append(symbol)
    return out


def _goals(interview: Interview, lines: Lines) -> list[types.DocumentSymbol]:
    out: list[types.DocumentSymbol] = []
    loose = [q for q in interview.questions if q.heading is None]
    for q in loose:
        out.append(_symbol(lines, q.text, types.SymbolKind.String, q.span))
    headings = list(interview.goal_headings)
    for n, heading in enumerate(headings):
        stop = headings[n + 1].span.line if n + 1 < len(headings) else None
        mine = [
            q
            for q in interview.questions
            if q.span.line > heading.span.line and (stop is None or q.span.line < stop)
        ]
        end = mine[-1].span if mine else None
        goal = _symbol(lines, heading.text, types.SymbolKind.Class, heading.span, end)
        questions = [_symbol(lines, q.text, types.SymbolKind.String, q.span) for q in mine]
        goal.children = questions or None
        out.append(goal)
    return out


def symbols(
    ls: InfoviewServer, params: types.DocumentSymbolParams
) -> list[types.DocumentSymbol] | list[types.SymbolInformation] | None:
    uri = params.text_document.uri
    result = ls.results.get(uri)
    text = ls.text_of(uri)
    if text is not None and (result is None or result.text != text):
        result = ls.lint_uri(uri)
    if result is None or isinstance(result.interview, str):
        return None
    tree = outline(result.interview, Lines(result.text, ls.encoding))
    if ls.supports("text_document.document_symbol.hierarchical_document_symbol_support"):
        return tree
    flat: list[types.SymbolInformation] = []

    def walk(nodes: list[types.DocumentSymbol], parent: str | None) -> None:
        for node in nodes:
            where = types.Location(uri, node.selection_range)
            flat.append(types.SymbolInformation(where, node.name, node.kind, container_name=parent))
            walk(list(node.children or []), node.name)

    walk(tree, None)
    return flat


# -- who is who ---------------------------------------------------------------------------


def _target(ls: InfoviewServer, uri: str, at: types.Position) -> tuple[str, int | None] | None:
    """What the cursor names: ("referred_by", None), ("referral", i) or ("interviewer", None)."""
    text = ls.text_of(uri)
    if text is None:
        return None
    lines = Lines(text, ls.encoding)
    line, column = lines.point(at)
    plain = re.split(r"\r\n|\r|\n", text.removeprefix("\ufeff"))
    where = place(plain, line - 1, column - 1)
    if where is None:
        return None
    path = where.path if not where.on_key else f"{where.parent}.{where.key}".lstrip(".")
    if path.startswith("referred_by"):
        return "referred_by", None
    if path.startswith("interviewer"):
        return "interviewer", None
    if path.startswith("referrals"):
        result = ls.results.get(uri)
        if result is None or isinstance(result.interview, str):
            return None
        for index, referral in enumerate(result.interview.referrals):
            span = result.interview.keys.get(f"referrals[{index}]", referral.span)
            if span.line <= line <= (span.end_line or span.line):
                return "referral", index
    return None


def _resolve_file(interviews: list[Known], name: str) -> Known | None:
    wanted = PurePath(name.strip()).name
    for known in interviews:
        if wanted in (known.path.name, known.path.stem):
            return known
    return None


def _person(interviews: list[Known], who: Interviewer) -> Known | None:
    mine = keys(who)
    return next((k for k in interviews if keys(k.interview.interviewer) & mine), None)


def definition(ls: InfoviewServer, params: types.DefinitionParams) -> types.Location | None:
    uri = params.text_document.uri
    found, target = ls.space_of(uri), _target(ls, uri, params.position)
    result = ls.results.get(uri)
    if found is None or target is None or result is None or isinstance(result.interview, str):
        return None
    interviews = [k for k in ls.interviews(found[1]) if k.uri != uri]
    what, index = target
    interview = result.interview
    known = None
    if what == "referred_by" and interview.referred_by:
        text = interview.referred_by
        known = _resolve_file(interviews, text) or _person(
            interviews, Interviewer(name=text, email=text)
        )
    elif what == "referral" and index is not None:
        referral = interview.referrals[index]
        if referral.file:
            known = _resolve_file(interviews, referral.file)
        known = known or _person(
            interviews, Interviewer(name=referral.name, email=referral.contact)
        )
    if known is None:
        return None
    lines = Lines(known.text, ls.encoding)
    return types.Location(known.uri, lines.range(known.interview.span("interviewer.name")))


def references(ls: InfoviewServer, params: types.ReferenceParams) -> list[types.Location] | None:
    uri = params.text_document.uri
    found, target = ls.space_of(uri), _target(ls, uri, params.position)
    result = ls.results.get(uri)
    if found is None or target is None or result is None or isinstance(result.interview, str):
        return None
    interviews = ls.interviews(found[1])
    me = result.interview
    what, index = target
    if what == "interviewer":
        who = me.interviewer
    elif what == "referral" and index is not None:
        referral = me.referrals[index]
        given = Interviewer(name=referral.name, email=referral.contact)
        # the person's own interview, found as definition finds it, so that mentions by
        # their other name or email count too
        linked = _resolve_file(interviews, referral.file) if referral.file else None
        linked = linked or _person(interviews, given)
        who = linked.interview.interviewer if linked else given
    else:
        text = me.referred_by or ""
        given = Interviewer(name=text, email=text)
        linked = _resolve_file(interviews, text) or _person(interviews, given)
        who = linked.interview.interviewer if linked else given
    person = keys(who)
    files = {k.path.name for k in interviews if keys(k.interview.interviewer) & person}
    stems = {PurePath(name).stem for name in files}
    out: list[types.Location] = []
    for known in interviews:
        iv, lines = known.interview, Lines(known.text, ls.encoding)
        spans: list[Span] = []
        declaration = params.context.include_declaration or known.uri != uri
        if keys(iv.interviewer) & person and declaration:
            spans.append(iv.span("interviewer.name"))
        for n, referral in enumerate(iv.referrals):
            named = keys(Interviewer(name=referral.name, email=referral.contact)) & person
            by_file = referral.file and PurePath(referral.file).name in files
            if named or by_file:
                spans.append(iv.keys.get(f"referrals[{n}]", referral.span))
        if iv.referred_by:
            text = iv.referred_by.strip()
            if (
                PurePath(text).name in files
                or PurePath(text).stem in stems
                or f"name:{fold(text)}" in person
                or f"email:{fold_email(text)}" in person
            ):
                spans.append(iv.span("referred_by"))
        out += [types.Location(known.uri, lines.range(span)) for span in spans]
    return out


def register(server: InfoviewServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def on_symbols(
        ls: InfoviewServer, params: types.DocumentSymbolParams
    ) -> list[types.DocumentSymbol] | list[types.SymbolInformation] | None:
        return symbols(ls, params)

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def on_definition(ls: InfoviewServer, params: types.DefinitionParams) -> types.Location | None:
        return definition(ls, params)

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    def on_references(
        ls: InfoviewServer, params: types.ReferenceParams
    ) -> list[types.Location] | None:
        return references(ls, params)
