"""Print IV303/IV304 precision and recall on the labelled corpora (``make judge-report``).

Twenty-four corpora, forty-eight splits (``tests/data/README.md``): ``questions.csv`` gives
``train``, ``test`` (whole guides held out) and ``test-new`` (guides added later, held out
the same way), ``probe.csv`` gives ``probe-dev`` and ``probe-holdout`` (whole sites held
out, gathered before anyone read the grammar), ``wide.csv``, ``reach.csv`` and ``span.csv``
give ``wide-dev`` / ``wide-holdout``, ``reach-dev`` / ``reach-holdout`` and ``span-dev`` /
``span-holdout`` (further sites, whole sites held out), ``asker.csv`` gives ``asker-dev`` /
``asker-holdout`` (questions in the asker's own voice), ``guide.csv``, ``org.csv`` and
``post.csv`` give ``guide-dev`` / ``guide-holdout`` (whole question lists of career-centre
guides), ``org-dev`` / ``org-holdout`` (questions about the organisation) and ``post-dev`` /
``post-holdout`` (questions that seek or presume the post), ``lists.csv`` gives
``lists-dev`` / ``lists-holdout`` (whole lists of four kinds of page), ``drafts.csv`` gives
``drafts-dev`` / ``drafts-holdout`` (the lists students draft from), ``voices.csv`` gives
``voices-dev`` / ``voices-holdout`` (questions written here in students' own words, in 29
fields), ``tail.csv`` gives ``tail-dev`` / ``tail-holdout`` (the long tail of public pages,
mostly fine questions), ``repos.csv`` gives ``repos-dev`` / ``repos-holdout`` (question
lists in public GitHub repositories; the grammar is tuned on these three sets' ``-dev``, as
on the next two sets', and the model trained on none of them), ``harvest.csv`` gives
``harvest-dev`` / ``harvest-holdout`` (whole pages chosen for the questions a student should
not bring: research checklists, "what not to ask" pages, questions for a job interview or an
offer), ``afield.csv`` gives ``afield-dev`` / ``afield-holdout`` (pages from outside the
United States and of single professions), ``scout.csv`` gives ``scout-dev`` /
``scout-holdout`` (mostly questions from outside an informational interview),
``blind.csv`` gives ``blind-dev`` / ``blind-holdout`` (career guides and students' own
drafts gathered by two hands that never read the judge, half the sites held out),
``unseen.csv`` gives ``unseen-dev`` / ``unseen-holdout`` (the ninth round: pages no
corpus cited and a hand's drafts in 18 more fields, by two more hands that never read the
judge), ``core.csv`` gives ``core-dev`` / ``core-holdout`` (the ninth round's drafts in the
issue's own fields, by a third hand that never read the judge), ``tenth.csv`` gives
``tenth-dev`` / ``tenth-holdout`` (the tenth round: two hands' drafts in 39 kinds of
organisation and a third hand's pages, by three more hands that never read the judge),
``eleventh.csv`` gives ``eleventh-dev`` / ``eleventh-holdout`` (the eleventh round: drafts in
a career guide's register, students' messy notes and the organisation's facts in many
forms, by three more hands that never read the judge), ``twelfth.csv`` gives
``twelfth-dev`` / ``twelfth-holdout`` (the twelfth round: questions that slip into a job
interview, and long questions whose deciding part is buried, by two more hands), and
``fresh.csv`` gives ``fresh``: pages no other corpus cites, labelled by a third hand that
never read the judge, and never trained or tuned on.

Three judges per split: the phrase grammar alone (``infoview/data/judge.yaml``), the linear
model alone (``infoview/data/judge_model.json``) and the two together, as lint runs them
(the grammar's verdict, else the model's, on the row whole and then on each question of
it read alone, as lint reads an item that asks two or asks after a preamble,
``infoview.judge.questions``; the grammar and the model columns read the row whole). The
model is trained on every split but ``test``, ``test-new``, ``guide-holdout``,
``org-holdout``, ``post-holdout``, ``lists-holdout``, ``drafts-holdout``, ``voices.csv``,
``tail.csv``, ``repos.csv``, ``harvest.csv``, ``afield.csv``, ``scout.csv``, ``blind.csv``,
``unseen.csv``, ``core.csv``, ``tenth.csv``, ``eleventh.csv``, ``twelfth.csv`` and ``fresh``
(``tools/judge_train.py``; the other ``-holdout`` splits were held out in the rounds that
built them), so on the splits it was trained on its figures
(marked ``cv``) come from grouped cross-validation: each row scored by a model that never
saw its source (``tests/data/judge_cv.csv``, written by ``make judge-train``). On the
held-out splits it is the shipped model. The grammar was tuned on ``train`` and the ``-dev``
splits.

By default only the tuning splits' misses are listed (by the combined judge);
``--misses test`` lists the held-out split's too, for the closing report, not for tuning.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from judge_train import CORPORA as TRAINED  # a script beside this one (tools/)
from judge_train import DATA

from infoview import judge
from infoview.judge import model

# the training's corpora; the sets that tune the grammar and measure but are not trained on
# (voices, tail, repos, harvest, afield, scout, blind, unseen, core, tenth, eleventh,
# twelfth:
# tests/data/README.md);
# and the set never trained or tuned on
CORPORA = (*TRAINED, DATA / "voices.csv", DATA / "tail.csv", DATA / "repos.csv")
CORPORA += (DATA / "harvest.csv", DATA / "afield.csv", DATA / "scout.csv", DATA / "blind.csv")
CORPORA += (DATA / "unseen.csv", DATA / "core.csv", DATA / "tenth.csv")
CORPORA += (DATA / "eleventh.csv", DATA / "twelfth.csv", DATA / "fresh.csv")
CV = DATA / "judge_cv.csv"
SPLITS = (
    "train",
    "test",
    "test-new",
    "probe-dev",
    "probe-holdout",
    "wide-dev",
    "wide-holdout",
    "reach-dev",
    "reach-holdout",
    "span-dev",
    "span-holdout",
    "asker-dev",
    "asker-holdout",
    "guide-dev",
    "guide-holdout",
    "org-dev",
    "org-holdout",
    "post-dev",
    "post-holdout",
    "lists-dev",
    "lists-holdout",
    "drafts-dev",
    "drafts-holdout",
    "voices-dev",
    "voices-holdout",
    "tail-dev",
    "tail-holdout",
    "repos-dev",
    "repos-holdout",
    "harvest-dev",
    "harvest-holdout",
    "afield-dev",
    "afield-holdout",
    "scout-dev",
    "scout-holdout",
    "blind-dev",
    "blind-holdout",
    "unseen-dev",
    "unseen-holdout",
    "core-dev",
    "core-holdout",
    "tenth-dev",
    "tenth-holdout",
    "eleventh-dev",
    "eleventh-holdout",
    "twelfth-dev",
    "twelfth-holdout",
    "fresh",
)
# the splits the grammar is tuned on: ``train`` and every ``-dev`` split
TUNING = ("train", *(split for split in SPLITS if split.endswith("-dev")))
RULES = {"IV303": "online", "IV304": "job"}
Judge = Callable[[dict[str, str]], "str | None"]  # why a row is flagged, or None


class Score(NamedTuple):
    precision: float
    recall: float
    misses: list[tuple[str, str, str]]  # (what went wrong, id, question + why)


def score(rows: list[dict[str, str]], label: str, judge_one: Judge) -> Score:
    tp = fp = fn = 0
    misses = []
    for row in rows:
        why = judge_one(row)
        wanted = row["label"] == label
        if why and wanted:
            tp += 1
        elif why:
            fp += 1
            misses.append(("false alarm", row["id"], f"{row['question']}  <- {why}"))
        elif wanted:
            fn += 1
            misses.append(("missed", row["id"], row["question"]))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return Score(precision, recall, misses)


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def judges(rule: str, cv: dict[str, dict[str, str]]) -> dict[str, Judge]:
    """The grammar, the model (cross-validated where it was trained) and both together."""
    threshold = model.load().rules[rule].threshold

    def grammar(row: dict[str, str]) -> str | None:
        verdict = judge.by_grammar(rule, row["question"])
        return verdict.describe() if verdict else None

    def learned(row: dict[str, str]) -> str | None:
        if row["id"] in cv:  # a training row: its out-of-fold score
            value = float(cv[row["id"]][rule])
            return f"cv score {value:.2f}" if value >= threshold else None
        verdict = judge.by_model(rule, row["question"])
        return verdict.describe() if verdict else None

    def both(row: dict[str, str]) -> str | None:
        """As lint judges: the row whole, then each question of it read alone (a question
        after a preamble, two questions in a row); the model reads a part only of a row
        it was not trained on, so a cross-validated figure stays one."""
        found = grammar(row) or learned(row)
        parts = judge.questions(row["question"])
        if found or parts == (row["question"],):
            return found
        for part in parts:
            verdict = judge.by_grammar(rule, part)
            if verdict is None and row["id"] not in cv:
                verdict = judge.by_model(rule, part)
            if verdict is not None:
                return verdict.describe()
        return None

    return {"grammar": grammar, "model": learned, "both": both}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        action="append",
        help="a corpus CSV (default: every corpus in tests/data)",
    )
    parser.add_argument("--cv", type=Path, default=CV, help="out-of-fold scores (judge_cv.csv)")
    parser.add_argument(
        "--misses",
        choices=("tuning", *SPLITS, "all", "none"),
        default="tuning",
        help="whose misses to list (default: the tuning splits, *-dev and train)",
    )
    parser.add_argument(
        "--by", choices=("grammar", "model", "both"), default="both", help="whose misses"
    )
    args = parser.parse_args(argv)
    rows = [row for path in args.corpus or CORPORA for row in read(path)]
    cv = {row["id"]: row for row in read(args.cv)} if args.cv.exists() else {}
    ids = {row["id"] for row in rows}
    if cv and not set(cv) <= ids:
        print(f"warning: {args.cv} scores rows the corpora do not hold; run make judge-train")
    show = {"tuning": set(TUNING), "all": set(SPLITS), "none": set()}.get(
        args.misses, {args.misses}
    )
    present = [split for split in SPLITS if any(row["split"] == split for row in rows)]
    print(f"{'rule':6} {'split':13} {'n':>4}   {'grammar':>9}   {'model':>12}   {'both':>9}")
    print(f"{'':6} {'':13} {'':>4}   {'P    R':>9}   {'P    R':>12}   {'P    R':>9}")
    listed = []
    for code, label in RULES.items():
        by = judges(label, cv)
        for split in present:
            part = [row for row in rows if row["split"] == split]
            results = {name: score(part, label, one) for name, one in by.items()}
            positives = sum(row["label"] == label for row in part)
            cells = [f"{r.precision:.2f} {r.recall:.2f}" for r in results.values()]
            mark = " cv" if any(row["id"] in cv for row in part) else "   "
            print(
                f"{code:6} {split:13} {positives:>4}   {cells[0]:>9}   {cells[1]:>9}{mark}"
                f"   {cells[2]:>9}"
            )
            if split in show:
                listed += [(code, split, *miss) for miss in results[args.by].misses]
    meta = model.load().meta
    print(
        f"model: trained on {meta.get('rows')} rows from {meta.get('groups')} sources "
        f"({', '.join(meta.get('trained_on', []))}, "
        f"all splits but {', '.join(meta.get('held_out', []))}); "
        f"{meta.get('folds')}-fold cross-validation grouped by source"
    )
    for code, label in RULES.items():
        rule = model.load().rules[label]
        print(f"  {code}: threshold {rule.threshold:.4f}, {len(rule.weights)} weights")
    for code, split, what, ident, text in listed:
        print(f"{code} {split} {what:11} {ident}: {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
