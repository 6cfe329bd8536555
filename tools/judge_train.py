"""Train the judge's linear model and write its weights (``make judge-train``).

The model (``infoview/judge/model.py``) is L2-regularised logistic regression, one per
rule (IV303 ``online``, IV304 ``job``), over the features of ``infoview/judge/features.py``.
It is trained on every labelled row except the held-out splits (``test``, ``test-new``,
``guide-holdout``, ``org-holdout``, ``post-holdout``, ``lists-holdout`` and
``drafts-holdout``): ``questions.csv`` ``train``, all of ``probe.csv``, ``wide.csv``,
``reach.csv``, ``span.csv`` and ``asker.csv``, and the ``-dev`` splits of ``guide.csv``,
``org.csv``, ``post.csv``, ``lists.csv`` and ``drafts.csv``
(``tests/data/README.md``; ``fresh.csv`` is never read). ``span-holdout`` and
``asker-holdout`` measured the round that built them and are trained on since, as
``wide-holdout`` and ``reach-holdout`` were before them.

How much to regularise and where to set the threshold are chosen by **grouped
cross-validation**: the training rows are cut into folds by their source's site (a whole
guide is held out at a time; rows written here are grouped by corpus and field), each
fold is scored by a model trained on the others, and on those out-of-fold scores the
threshold is the lowest at which the model alone, and the grammar or the model together,
both keep a precision of at least ``--precision`` (0.92: the issue's bar of 0.90, and a
margin, because a cross-validated figure is an estimate and lint's users read every false
alarm), counted twice: on every
training row, and on the rows quoted or adapted from a public page alone, the questions
people really ask (the rows written here are mostly hard negatives made to look like a
positive). The higher of the two thresholds is kept, so neither kind of question pays
for the other. The final model is then trained on all the training rows with the chosen
settings.

Everything is deterministic: rows, features and folds in a fixed order, a fixed number
of L-BFGS iterations, no randomness, weights rounded before they are written, so running
it twice writes the same bytes. It writes the weights (``--out``) and the out-of-fold
scores (``--cv-out``), which ``make judge-report`` reads for its cross-validated figures.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import urlsplit

from infoview import judge
from infoview.judge import features
from infoview.judge import model as judge_model

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
CORPORA = (
    DATA / "questions.csv",
    DATA / "probe.csv",
    DATA / "wide.csv",
    DATA / "reach.csv",
    DATA / "span.csv",
    DATA / "asker.csv",
    DATA / "guide.csv",
    DATA / "org.csv",
    DATA / "post.csv",
    DATA / "lists.csv",
    DATA / "drafts.csv",
)
OUT = ROOT / "infoview" / "data" / "judge_model.json"
CV_OUT = DATA / "judge_cv.csv"
# never trained or tuned on (span-holdout and asker-holdout were held out until guide.csv,
# org.csv and post.csv came: the closing note of the round that built them had read them)
HELD_OUT = ("test", "test-new", "guide-holdout", "org-holdout", "post-holdout", "lists-holdout")
HELD_OUT += ("drafts-holdout",)
PRECISION = 0.92  # the cross-validated precision the threshold keeps (see the docstring)
LABELS = {"online": "online", "job": "job"}
L2 = (0.25, 0.5, 1.0)
FOLDS = 10
ITERATIONS = 150
MIN_COUNT = 2  # a feature seen in fewer training rows gets no weight
DIGITS = 3  # weights are written rounded, so the bytes do not depend on the last bits
FLOOR = 0.3  # never a threshold below this probability


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def site(source: str) -> str:
    parts = urlsplit(source)
    host = parts.netloc.lower().removeprefix("www.")
    if host == "github.com":
        host += "/" + parts.path.strip("/").split("/")[0].lower()
    return host


def group(row: dict[str, str], corpus: str) -> str:
    """What one fold holds out whole: the source's site, or written rows of one field."""
    if row["source"]:
        return site(row["source"])
    return f"written:{corpus}:{row['field']}"


def fold_of(key: str, folds: int) -> int:
    return int(hashlib.sha256(key.encode()).hexdigest(), 16) % folds


def training_rows(paths: Sequence[Path]) -> list[dict[str, str]]:
    rows = []
    for path in paths:
        for row in read(path):
            if row["split"] not in HELD_OUT:
                rows.append({**row, "group": group(row, path.stem)})
    return rows


def fingerprint(rows: list[dict[str, str]]) -> str:
    """A hash of the training rows (id, question, label), to tell stale weights."""
    digest = hashlib.sha256()
    for row in rows:
        digest.update(f"{row['id']}\t{row['question']}\t{row['label']}\n".encode())
    return digest.hexdigest()[:16]


# -- logistic regression ------------------------------------------------------------------------


def fit(
    rows: list[list[str]], labels: list[int], l2: float, iterations: int
) -> tuple[float, dict[str, float]]:
    """Bias and weights minimising log-loss + l2/2 |w|^2 (the bias is not penalised)."""
    counts: dict[str, int] = {}
    for names in rows:
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    vocab = sorted(name for name, count in counts.items() if count >= MIN_COUNT)
    index = {name: i for i, name in enumerate(vocab)}
    encoded = [[index[n] for n in names if n in index] for names in rows]
    size = len(vocab) + 1  # the bias last

    def loss_and_gradient(x: list[float]) -> tuple[float, list[float]]:
        bias = x[-1]
        grad = [l2 * v for v in x]
        grad[-1] = 0.0
        loss = 0.5 * l2 * math.fsum(v * v for v in x[:-1])
        get = x.__getitem__
        for idx, y in zip(encoded, labels, strict=True):
            z = bias + sum(map(get, idx))
            if z >= 0:
                e = math.exp(-z)
                p = 1.0 / (1.0 + e)
                loss += math.log1p(e) + (1 - y) * z
            else:
                e = math.exp(z)
                p = e / (1.0 + e)
                loss += math.log1p(e) - y * z
            g = p - y
            for j in idx:
                grad[j] += g
            grad[-1] += g
        return loss, grad

    x = lbfgs(loss_and_gradient, [0.0] * size, iterations)
    weights = {name: x[i] for i, name in enumerate(vocab)}
    return x[-1], weights


def _dot(a: list[float], b: list[float]) -> float:
    return math.fsum(map(float.__mul__, a, b))


def lbfgs(
    func: Callable[[list[float]], tuple[float, list[float]]],
    x: list[float],
    iterations: int,
    memory: int = 6,
) -> list[float]:
    """Minimise ``func`` (value and gradient) by L-BFGS, a fixed number of iterations."""
    value, grad = func(x)
    history: list[tuple[list[float], list[float], float]] = []
    for _ in range(iterations):
        q = grad[:]
        alphas = []
        for s, y, rho in reversed(history):
            a = rho * _dot(s, q)
            alphas.append(a)
            q = [qi - a * yi for qi, yi in zip(q, y, strict=True)]
        if history:
            s, y, _ = history[-1]
            gamma = _dot(s, y) / _dot(y, y)
        else:
            gamma = 1.0 / max(1.0, math.sqrt(_dot(grad, grad)))
        z = [gamma * qi for qi in q]
        for (s, y, rho), a in zip(history, reversed(alphas), strict=True):
            b = rho * _dot(y, z)
            z = [zi + (a - b) * si for zi, si in zip(z, s, strict=True)]
        direction = [-zi for zi in z]
        slope = _dot(grad, direction)
        if slope >= 0:  # not a descent direction: start again from the gradient
            history.clear()
            direction = [-g for g in grad]
            slope = -_dot(grad, grad)
        if slope > -1e-12:
            break  # converged
        step = 1.0
        while True:
            trial = [xi + step * di for xi, di in zip(x, direction, strict=True)]
            new_value, new_grad = func(trial)
            if new_value <= value + 1e-4 * step * slope or step < 1e-8:
                break
            step *= 0.5
        s = [a - b for a, b in zip(trial, x, strict=True)]
        y = [a - b for a, b in zip(new_grad, grad, strict=True)]
        sy = _dot(s, y)
        if sy > 1e-12:
            history.append((s, y, 1.0 / sy))
            del history[:-memory]
        x, value, grad = trial, new_value, new_grad
    return x


def rounded(bias: float, weights: dict[str, float]) -> tuple[float, dict[str, float]]:
    """Weights as written: rounded, and the ones that round to nothing left out."""
    kept = {name: round(w, DIGITS) for name, w in sorted(weights.items())}
    return round(bias, DIGITS), {name: w for name, w in kept.items() if w != 0.0}


def probability(bias: float, weights: dict[str, float], names: list[str]) -> float:
    z = bias + sum(weights.get(name, 0.0) for name in names)
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


# -- cross-validation and the threshold ---------------------------------------------------------


def out_of_fold(
    names: list[list[str]],
    labels: list[int],
    folds: list[int],
    l2: float,
    iterations: int,
) -> list[float]:
    """Each row's score from a model trained without its fold."""
    scores = [0.0] * len(names)
    for fold in sorted(set(folds)):
        train = [i for i, f in enumerate(folds) if f != fold]
        bias, weights = rounded(
            *fit([names[i] for i in train], [labels[i] for i in train], l2, iterations)
        )
        for i, f in enumerate(folds):
            if f == fold:
                scores[i] = probability(bias, weights, names[i])
    return scores


def precision_recall(flagged: list[bool], labels: list[int]) -> tuple[float, float]:
    tp = sum(f and y for f, y in zip(flagged, labels, strict=True))
    fp = sum(f and not y for f, y in zip(flagged, labels, strict=True))
    positives = sum(labels)
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / positives if positives else 1.0)


def _lowest(scores: list[float], labels: list[int], grammar: list[bool], target: float) -> float:
    """The lowest threshold at which the model alone and grammar-or-model keep ``target``."""
    candidates = sorted({round(s, 4) for s in scores if s >= FLOOR})
    for threshold in candidates:
        alone = [s >= threshold for s in scores]
        union = [a or g for a, g in zip(alone, grammar, strict=True)]
        if sum(alone) < 5:
            break
        if (
            precision_recall(alone, labels)[0] >= target
            and precision_recall(union, labels)[0] >= target
        ):
            return threshold
    return 0.99


def choose_threshold(
    scores: list[float],
    labels: list[int],
    grammar: list[bool],
    target: float,
    sourced: list[bool] | None = None,
) -> float:
    """The lowest threshold that keeps ``target`` precision on every row and, when
    ``sourced`` marks them, on the rows quoted from a public page alone."""
    threshold = _lowest(scores, labels, grammar, target)
    if sourced is None:
        return threshold
    keep = [i for i, c in enumerate(sourced) if c]
    on_sourced = _lowest(
        [scores[i] for i in keep], [labels[i] for i in keep], [grammar[i] for i in keep], target
    )
    return max(threshold, on_sourced)


def train(
    paths: Sequence[Path],
    *,
    folds: int = FOLDS,
    grid: Sequence[float] = L2,
    iterations: int = ITERATIONS,
    target: float = PRECISION,
    log: Callable[[str], None] = print,
) -> tuple[dict[str, object], list[dict[str, str]]]:
    """The weights file's content and the out-of-fold rows, trained on ``paths``."""
    rows = training_rows(paths)
    names = [sorted(judge._features(row["question"], None, ())) for row in rows]
    fold = [fold_of(row["group"], folds) for row in rows]
    rules: dict[str, object] = {}
    meta: dict[str, object] = {
        "trained_on": [p.name for p in paths],
        "held_out": list(HELD_OUT),
        "rows": len(rows),
        "groups": len({row["group"] for row in rows}),
        "folds": folds,
        "iterations": iterations,
        "min_count": MIN_COUNT,
        "corpus": fingerprint(rows),
    }
    oof: dict[str, list[float]] = {}
    cv: dict[str, object] = {}
    sourced = [row["origin"] != "written-here" for row in rows]  # what real guides ask
    meta["sourced"] = sum(sourced)
    for rule, label in LABELS.items():
        labels = [int(row["label"] == label) for row in rows]
        grammar = [bool(judge.by_grammar(rule, row["question"])) for row in rows]
        best: tuple[float, float, float, list[float]] | None = None
        for l2 in grid:
            scores = out_of_fold(names, labels, fold, l2, iterations)
            threshold = choose_threshold(scores, labels, grammar, target, sourced)
            precision, recall = precision_recall([s >= threshold for s in scores], labels)
            log(
                f"{rule}: l2 {l2:g}: threshold {threshold:.4f}, CV P {precision:.2f} R {recall:.2f}"
            )
            if best is None or recall > best[0]:
                best = (recall, l2, threshold, scores)
        assert best is not None
        _, l2, threshold, scores = best
        bias, weights = rounded(*fit(names, labels, l2, iterations))
        rules[rule] = {"bias": bias, "threshold": threshold, "weights": weights}
        oof[rule] = scores
        alone = [s >= threshold for s in scores]
        union = [a or g for a, g in zip(alone, grammar, strict=True)]
        cv[rule] = {
            "l2": l2,
            "model": [round(v, 3) for v in precision_recall(alone, labels)],
            "grammar_or_model": [round(v, 3) for v in precision_recall(union, labels)],
        }
        log(f"{rule}: chose l2 {l2:g}, threshold {threshold:.4f}; {len(weights)} weights")
    meta["cv"] = cv
    content: dict[str, object] = {
        "format": judge_model.FORMAT,
        "features": features.VERSION,
        "meta": meta,
        "rules": rules,
    }
    cv_rows = [
        {
            "id": row["id"],
            "fold": str(f),
            "online": f"{oof['online'][i]:.4f}",
            "job": f"{oof['job'][i]:.4f}",
        }
        for i, (row, f) in enumerate(zip(rows, fold, strict=True))
    ]
    return content, cv_rows


def dumps(content: dict[str, object]) -> str:
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


def write(path: Path, text: str) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8", newline="")
    temporary.replace(path)


def cv_text(rows: list[dict[str, str]]) -> str:
    lines = ["id,fold,online,job"] + [
        f"{r['id']},{r['fold']},{r['online']},{r['job']}" for r in rows
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", type=Path, action="append", help="a corpus CSV (default: every one in CORPORA)"
    )
    parser.add_argument("--out", type=Path, default=OUT, help="the weights file to write")
    parser.add_argument("--cv-out", type=Path, default=CV_OUT, help="the out-of-fold scores")
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--iterations", type=int, default=ITERATIONS)
    parser.add_argument("--l2", type=float, action="append", help="L2 strengths to try")
    parser.add_argument(
        "--precision", type=float, default=PRECISION, help=f"the CV precision to keep ({PRECISION})"
    )
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    content, cv_rows = train(
        args.corpus or CORPORA,
        folds=args.folds,
        grid=args.l2 or L2,
        iterations=args.iterations,
        target=args.precision,
        log=(lambda _: None) if args.quiet else print,
    )
    write(args.out, dumps(content))
    write(args.cv_out, cv_text(cv_rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
