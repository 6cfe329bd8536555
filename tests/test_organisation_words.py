"""Organisation vocabulary: "organisation" in every field, "firm" only for a firm."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from infoview.cli import cli
from infoview.judge import organisation_noun


@pytest.mark.parametrize(
    ("name", "noun"),
    [
        ("Marlow & Reyes LLP", "firm"),
        ("Chen Law Group", "firm"),
        ("Ortiz & Associates", "firm"),
        ("Park CPAs", "firm"),
        ("Ridge Consulting", "firm"),
        ("Kessler Health", "organisation"),
        ("Columbia Legal Aid", "organisation"),
        ("Portland Public Schools", "organisation"),
        ("Oregon Department of Transportation", "organisation"),
        ("Bright Labs Inc.", "organisation"),
        ("", "organisation"),
        (None, "organisation"),
    ],
)
def test_the_noun_for_the_interviews_organisation(name: str | None, noun: str) -> None:
    assert organisation_noun(name) == noun


@pytest.mark.parametrize(
    ("org", "website", "research"),
    [
        (
            "Kessler Health",
            "their page on the organisation's website",
            "the organisation's website",
        ),
        ("Marlow & Reyes LLP", "their page on the firm's website", "the firm's website"),
    ],
)
def test_new_says_organisation_unless_the_organisation_is_a_firm(
    runner: CliRunner, workspace: Path, org: str, website: str, research: str
) -> None:
    args = ["new", "--org", org, "--date", "2027-01-05", "-w", str(workspace), "--", "Sam Lee"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    text = (workspace / "interviews" / "2027-01-05-sam-lee.md").read_text(encoding="utf-8")
    assert f"website:  # {website}: read it first" in text or f"# {website}: read it first" in text
    assert f"(LinkedIn, {research}, interviews or features" in text
    if not org.endswith("LLP"):
        assert "firm" not in text


def test_iv104_says_the_firms_page_only_for_a_firm(runner: CliRunner, workspace: Path) -> None:
    for org, expected in [("Kessler Health", "organisation"), ("Marlow & Reyes LLP", "firm")]:
        name = "Ann Poe" if expected == "firm" else "Bo Diaz"
        args = ["new", "--org", org, "--date", "2027-01-06", "-w", str(workspace), "--", name]
        assert runner.invoke(cli, args).exit_code == 0
    path = workspace / "interviews"
    for stem, noun in [("2027-01-06-bo-diaz", "organisation"), ("2027-01-06-ann-poe", "firm")]:
        file = path / f"{stem}.md"
        text = file.read_text(encoding="utf-8").replace(
            "- **Work history:**", "- **Work history:** ten years"
        )
        file.write_text(text.replace("- **Sources:**\n", ""), encoding="utf-8")
        result = runner.invoke(cli, ["lint", "-w", str(workspace), "--no-cache", str(file)])
        assert f"line (their page on the {noun}'s website, LinkedIn)" in result.output, (
            result.output
        )
