"""tools/judge_invariance.py: the rewrites keep a question's sense, and the counts are right."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))  # the tools import each other as scripts do

import judge_invariance  # noqa: E402


@pytest.mark.parametrize(
    ("way", "question", "rewritten"),
    [
        (
            "Can you tell me ...?",
            "What does the firm do?",
            "Can you tell me what does the firm do?",
        ),
        ("I was wondering, ...", "Who is the CEO?", "I was wondering, who is the CEO?"),
        (
            "Can you tell me <clause>?",
            "What does the firm do?",
            "Can you tell me what the firm does?",
        ),
        ("Do you know <clause>?", "Who is the CEO?", "Do you know who the CEO is?"),
        ("Do you know <clause>?", "Is the lab hiring?", "Do you know if the lab is hiring?"),
        (
            "I was wondering <clause>.",
            "How many beds does the hospital have?",
            "I was wondering how many beds the hospital has.",
        ),
        ("Do you know <clause>?", "How did you start?", None),
        ("a name for it", "Who are the company's clients?", "Who are Harlow Partners's clients?"),
        ("a placeholder for it", "What does your firm do?", "What does [Company] do?"),
        ("'museum' for it", "What does your agency do?", "What does your museum do?"),
        ("'museum' for it", "What do you do?", None),
        ("no question mark", "What do you do?", "What do you do"),
    ],
)
def test_each_way_rewrites_a_question(way: str, question: str, rewritten: str | None) -> None:
    assert judge_invariance.ways()[way](question) == rewritten


def test_the_counts_are_of_questions_whose_verdict_moved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "tiny.csv"
    with corpus.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["id", "question", "label", "split"])
        writer.writeheader()
        writer.writerow(
            {"id": "t1", "question": "What does the firm do?", "label": "online", "split": "train"}
        )
        writer.writerow({"id": "t2", "question": "Why law?", "label": "ok", "split": "train"})
        writer.writerow(
            {"id": "t3", "question": "Who owns it?", "label": "online", "split": "test"}
        )
    monkeypatch.setattr(judge_invariance, "CORPORA", (corpus,))
    # a judge that flags "firm" written in lower case, and "LAW" in capitals
    monkeypatch.setattr(judge_invariance.judge, "online", lambda q: "firm" in q or "LAW" in q)
    monkeypatch.setattr(judge_invariance.judge, "job", lambda q: False)
    assert judge_invariance.main(["--examples", "1"]) == 0
    out = capsys.readouterr().out
    assert "2 questions of the tuning splits" in out  # the test split is never read
    capitals = next(line for line in out.splitlines() if line.strip().startswith("all capitals"))
    assert capitals.split() == ["all", "capitals", "1", "of", "1", "1", "of", "1", "<-"]
    assert "      lost: WHAT DOES THE FIRM DO?" in out
    assert "      false: WHY LAW?" in out
    wondering = next(line for line in out.splitlines() if "I was wondering, ..." in line)
    assert wondering.split()[-6:] == ["0", "of", "1", "0", "of", "1"]
