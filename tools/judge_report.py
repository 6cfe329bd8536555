"""Print IV303/IV304 precision and recall on the labelled corpora (``make judge-report``).

Two corpora, four splits (``tests/data/README.md``): ``questions.csv`` gives ``train`` and
``test`` (whole guides held out), ``probe.csv`` gives ``probe-dev`` and ``probe-holdout``
(whole sites held out, gathered before anyone read the grammar). Tune the grammar
(``infoview/data/judge.yaml``) on ``train`` and ``probe-dev`` only: by default only their
misses are listed, and the held-out splits show figures alone. ``--misses test`` or
``--misses probe-holdout`` lists a held-out split's misses too, for the closing report,
not for tuning.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from infoview import judge

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
CORPORA = (DATA / "questions.csv", DATA / "probe.csv")
SPLITS = ("train", "test", "probe-dev", "probe-holdout")
TUNING = ("train", "probe-dev")
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
    parser.add_argument(
        "--corpus", type=Path, action="append", help="a corpus CSV (default: both in tests/data)"
    )
    parser.add_argument(
        "--misses",
        choices=("tuning", *SPLITS, "all", "none"),
        default="tuning",
        help="whose misses to list (default: the tuning splits, train and probe-dev)",
    )
    args = parser.parse_args(argv)
    rows = [row for path in args.corpus or CORPORA for row in read(path)]
    show = {"tuning": set(TUNING), "all": set(SPLITS), "none": set()}.get(
        args.misses, {args.misses}
    )
    present = [split for split in SPLITS if any(row["split"] == split for row in rows)]
    print(f"{'rule':6} {'split':13} {'n':>4} {'precision':>9} {'recall':>7}")
    listed = []
    for code, (label, judge_one) in RULES.items():
        for split in present:
            part = [row for row in rows if row["split"] == split]
            result = score(part, label, judge_one)
            positives = sum(row["label"] == label for row in part)
            print(
                f"{code:6} {split:13} {positives:>4} {result.precision:>9.2f} {result.recall:>7.2f}"
            )
            if split in show:
                listed += [(code, split, *miss) for miss in result.misses]
    for code, split, what, ident, text in listed:
        print(f"{code} {split} {what:11} {ident}: {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
