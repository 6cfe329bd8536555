"""Print IV303/IV304 precision and recall on the labelled corpus (``make judge-report``).

The corpus is ``tests/data/questions.csv``; its ``split`` column holds some whole guides
out. Tune the grammar (``infoview/data/judge.yaml``) on ``train``: by default only the
train split's misses are listed, and the test split shows figures alone. ``--misses
test`` lists the test split's misses too, for the closing report, not for tuning.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from infoview import judge

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "questions.csv"
RULES: dict[str, tuple[str, Callable[[str], judge.Verdict | None]]] = {
    "IV303": ("online", lambda q: judge.online(q)),
    "IV304": ("job", lambda q: judge.job(q)),
}


class Score(NamedTuple):
    precision: float
    recall: float
    misses: list[tuple[str, str, str]]  # (what went wrong, id, question + why)


def score(
    rows: list[dict[str, str]], label: str, judge_one: Callable[[str], judge.Verdict | None]
) -> Score:
    tp = fp = fn = 0
    misses = []
    for row in rows:
        verdict = judge_one(row["question"])
        wanted = row["label"] == label
        if verdict and wanted:
            tp += 1
        elif verdict:
            fp += 1
            misses.append(("false alarm", row["id"], f"{row['question']}  <- {verdict.describe()}"))
        elif wanted:
            fn += 1
            misses.append(("missed", row["id"], row["question"]))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return Score(precision, recall, misses)


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--misses", choices=("train", "test", "both", "none"), default="train")
    args = parser.parse_args(argv)
    rows = read(args.corpus)
    show = {"train": {"train"}, "test": {"test"}, "both": {"train", "test"}, "none": set()}[
        args.misses
    ]
    print(f"{'rule':6} {'split':6} {'n':>4} {'precision':>9} {'recall':>7}")
    listed = []
    for code, (label, judge_one) in RULES.items():
        for split in ("train", "test"):
            part = [row for row in rows if row["split"] == split]
            result = score(part, label, judge_one)
            positives = sum(row["label"] == label for row in part)
            print(
                f"{code:6} {split:6} {positives:>4} {result.precision:>9.2f} {result.recall:>7.2f}"
            )
            if split in show:
                listed += [(code, split, *miss) for miss in result.misses]
    for code, split, what, ident, text in listed:
        print(f"{code} {split} {what:11} {ident}: {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
