"""IV101-IV104: the Research section and its facets, one line per case."""

# One case per table line (yamllint's style), so table lines run long.
# ruff: noqa: E501

from __future__ import annotations

import pytest

from .helpers import QUESTIONS, RESEARCH_LINE, Row, cases, diagnostics, doc, run

H = RESEARCH_LINE  # the '## Research' heading
WORK = "- **Work history:** twelve years at Marlow & Reyes."
EDU = "- **Education:** paralegal certificate, PCC."
CRED = "- **Credentials:** Oregon Certified Paralegal."
COMMON = "- **In common:** we both came through the PCC programme."
SOURCES = "- **Sources:** the firm's team page."
ALL = (WORK, EDU, CRED, COMMON, SOURCES)


def research(*lines: str) -> str:
    """An interview whose Research section holds ``lines`` (the heading is on line H)."""
    section = "".join(f"{line}\n" for line in lines)
    return doc(body=f"## Research\n{section}\n{QUESTIONS}")


def but(*dropped: str, add: tuple[str, ...] = ()) -> str:
    """Complete research without ``dropped`` items, plus ``add``."""
    return research(*(line for line in ALL if line not in dropped), *add)


def iv(code: str, severity: str, count: int = 1) -> list[Row]:
    return [(code, H, 1, severity)] * count


@pytest.mark.parametrize(
    "text, expected",
    cases(
        ("complete", research(*ALL), []),
        ("absent", doc(body=QUESTIONS), [("IV101", 1, 1, "error")]),
        ("heading-only", research(), iv("IV101", "error")),
        ("labels-without-text", research("- **Work history:**", "- **Education:**", "- __Sources__:"), iv("IV101", "error")),
        ("only-a-comment", research("<!-- what did you find? -->"), iv("IV101", "error")),
        ("empty-h3-facets", research("### Work history", "### Education"), iv("IV101", "error")),
        ("setext-heading-empty", doc(body=f"Research\n--------\n\n{QUESTIONS}"), iv("IV101", "error")),
        ("one-unlabelled-note", research("- Twelve years at the firm."), []),
        ("a-paragraph", research("She has worked at the firm for twelve years."), []),
        ("heading-any-case", doc(body=f"## RESEARCH\n{WORK}\n\n{QUESTIONS}"), []),
    ),
)  # fmt: skip
def test_iv101_research_missing(text: str, expected: list[Row]) -> None:
    assert run(text, select=["IV101"]) == expected


@pytest.mark.parametrize(
    "text, expected",
    cases(
        ("complete", research(*ALL), []),
        ("no-education", but(EDU), iv("IV102", "warning")),
        ("no-credentials", but(CRED), iv("IV102", "warning")),
        ("only-work-history", research(WORK), iv("IV102", "warning", 2)),
        ("unlabelled-only", research("- Twelve years at the firm."), iv("IV102", "warning", 3)),
        ("education-label-empty", but(EDU, add=("- **Education:**",)), iv("IV102", "warning")),
        ("bold-colon-outside", research("- **Work history**: x", "- **Education**: y", "- **Credentials**: z"), []),
        ("plain-labels", research("- Work history: x", "- Education: y", "- Credentials: z"), []),
        ("experience-degrees-awards", research("- **Experience:** x", "- **Degrees:** y", "- **Awards:** z"), []),
        ("career-school-memberships", research("- **Career:** x", "- **School:** y", "- **Memberships:** z"), []),
        ("background-certifications", research("- **Background:** x", "- **Degree:** y", "- **Certifications:** z"), []),
        ("bar-admissions", research(WORK, EDU, "- **Bar admissions:** Oregon, 2014"), []),
        ("h3-facets", research("### Work history", "Twelve years.", "### Education", "- PCC", "### Awards", "OPA award"), []),
        ("h3-work-only", research("### Work history", "Twelve years."), iv("IV102", "warning", 2)),
        ("empty-is-IV101", research(), []),
        ("absent-is-IV101", doc(body=QUESTIONS), []),
    ),
)  # fmt: skip
def test_iv102_research_facet_missing(text: str, expected: list[Row]) -> None:
    assert run(text, select=["IV102"]) == expected


@pytest.mark.parametrize(
    "dropped, message",
    [
        (WORK, "no work history researched; add a '- **Work history:**' line (where they have worked and what they did)"),
        (EDU, "no education researched; add a '- **Education:**' line (their schools and degrees)"),
        (CRED, "no credentials researched; add a '- **Credentials:**' line (awards, certifications and memberships)"),
    ],
)  # fmt: skip
def test_iv102_names_the_missing_facet_its_label_and_what_it_covers(
    dropped: str, message: str
) -> None:
    (found,) = diagnostics(but(dropped), select=["IV102"])
    assert found.message == message


def test_iv102_reports_the_missing_facets_in_the_guide_s_order() -> None:
    found = diagnostics(research("- Twelve years at the firm."), select=["IV102"])
    assert [d.message.split(" researched")[0] for d in found] == [
        "no work history",
        "no education",
        "no credentials",
    ]


def test_iv102_educational_background_is_education() -> None:
    """The guide's own words: "educational background"."""
    assert run(but(EDU, add=("- **Educational background:** PCC",)), select=["IV102"]) == []


def test_research_written_as_sub_items_counts() -> None:
    text = research(*ALL[1:], "- **Work history:**", "  - Marlow & Reyes, twelve years")
    assert run(text, select=["IV101", "IV102"]) == []


@pytest.mark.parametrize(
    "text, expected",
    cases(
        ("in-common", research(*ALL), []),
        ("missing", but(COMMON), iv("IV103", "warning")),
        ("label-without-text", but(COMMON, add=("- **In common:**",)), iv("IV103", "warning")),
        ("common-ground", but(COMMON, add=("- **Common ground:** PCC",)), []),
        ("shared-interests", but(COMMON, add=("- Shared interests: hiking",)), []),
        ("h3", but(COMMON, add=("### In common", "We both studied at PCC.")), []),
        ("empty-is-IV101", research(), []),
        ("absent-is-IV101", doc(body=QUESTIONS), []),
    ),
)  # fmt: skip
def test_iv103_no_common_ground(text: str, expected: list[Row]) -> None:
    assert run(text, select=["IV103"]) == expected


@pytest.mark.parametrize(
    "text, expected",
    cases(
        ("sources", research(*ALL), []),
        ("missing", but(SOURCES), iv("IV104", "info")),
        ("label-without-text", but(SOURCES, add=("- **Sources:**",)), iv("IV104", "info")),
        ("source-singular", but(SOURCES, add=("- **Source:** firm website",)), []),
        ("references", but(SOURCES, add=("- References: LinkedIn",)), []),
        ("h3", but(SOURCES, add=("### Sources", "- the firm's team page")), []),
        ("empty-is-IV101", research(), []),
        ("absent-is-IV101", doc(body=QUESTIONS), []),
    ),
)  # fmt: skip
def test_iv104_research_sources_missing(text: str, expected: list[Row]) -> None:
    assert run(text, select=["IV104"]) == expected


def test_one_research_line_reports_each_gap_once() -> None:
    assert run(research(WORK), select=["IV101", "IV102", "IV103", "IV104"]) == [
        ("IV102", H, 1, "warning"),
        ("IV102", H, 1, "warning"),
        ("IV103", H, 1, "warning"),
        ("IV104", H, 1, "info"),
    ]
