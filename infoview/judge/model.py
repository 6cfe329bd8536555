"""The judge's linear model: logistic regression over a question's features, weights as data.

``infoview/data/judge_model.json`` holds, per rule (``online``, ``job``), a bias, a weight
per feature (:mod:`infoview.judge.features`) and the threshold the training chose from
grouped cross-validation (``tools/judge_train.py``, ``make judge-train``). A question's
score is ``1 / (1 + exp(-(bias + sum of its features' weights)))``; at or over the
threshold the model flags it, and the words whose features weighed most say why.

The file is read once, on first use, as JSON only, and checked before any of it is used:
a file that is not this format, names another feature version, or holds anything but
finite numbers where numbers belong is refused with :class:`ModelError`, never run.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import repeat
from typing import Any

from infoview.errors import InfoviewError
from infoview.judge import features

FORMAT = "infoview-judge-model"
RULES = ("online", "job")
MAX_BYTES = 8_000_000
MAX_FEATURES = 200_000
MAX_NAME = 200
MAX_WEIGHT = 1000.0
PATH = "infoview/data/judge_model.json"
# Words that say nothing alone: a phrase of only these is never quoted as the reason.
_QUIET_TEXT = (
    "the a an of to in on at for and or is are was be do does did it this that there "
    "i me my you your we our they their its can could would will should may about with from "
    "by as any some if so |"
)
_QUIET = frozenset(_QUIET_TEXT.split())
_KEEP = frozenset({"your", "the", "its", "their", "this", "my", "our"})  # "your team"
MAX_PHRASES = 3
MAX_WORDS = 8


class ModelError(InfoviewError):
    """The model's weights file is missing, corrupt or not what this infoview reads."""

    exit_code = 2


@dataclass(frozen=True)
class Weights:
    """One rule's model: flag when ``bias + sum(weights)`` reaches ``cut``."""

    bias: float
    threshold: float  # a probability, strictly between 0 and 1
    weights: dict[str, float]

    @property
    def cut(self) -> float:
        """The threshold as a margin: the logit of ``threshold``."""
        return math.log(self.threshold / (1.0 - self.threshold))

    def margin(self, found: dict[str, Any]) -> float:
        return self.bias + sum(map(self.weights.get, found, repeat(0.0)))

    def score(self, found: dict[str, Any]) -> float:
        """The probability the model gives the question (0..1)."""
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, self.margin(found)))))


@dataclass(frozen=True)
class Model:
    rules: dict[str, Weights]
    meta: dict[str, Any]


def _refuse(where: str, message: str) -> ModelError:
    # One line, no hint: lint reports it as a diagnostic, whose message is one line.
    return ModelError(
        f"{message} ({where}); reinstall infoview, or rebuild the weights with `make judge-train`",
        path=PATH,
    )


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _refuse(where, "expected a number")
    number = float(value)
    if not math.isfinite(number) or abs(number) > MAX_WEIGHT:
        raise _refuse(where, f"number out of range: {number!r}")
    return number


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):  # rare: find the key given twice, for the message
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _refuse(key[:MAX_NAME], "a key is given twice")
            seen.add(key)
    return result


def _no_constant(name: str) -> float:
    raise _refuse(name, "NaN and Infinity are not numbers here")


def parse(text: str | bytes) -> Model:
    """Check a weights file's text and return the model; :class:`ModelError` if unusable."""
    if len(text) > MAX_BYTES:
        raise _refuse("size", f"the file is larger than {MAX_BYTES} bytes")
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except (ValueError, RecursionError) as error:  # JSONDecodeError is a ValueError
        if isinstance(error, ModelError):
            raise
        raise _refuse("json", f"not valid JSON: {error}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _refuse("format", f'not an infoview judge model (want "format": "{FORMAT}")')
    if data.get("features") != features.VERSION:
        raise _refuse(
            "features",
            f"written for feature version {data.get('features')!r}, "
            f"this infoview reads version {features.VERSION}",
        )
    rules = data.get("rules")
    if not isinstance(rules, dict) or set(rules) != set(RULES):
        raise _refuse("rules", f"expected exactly the rules {', '.join(RULES)}")
    meta = data.get("meta", {})
    if not isinstance(meta, dict):
        raise _refuse("meta", "expected an object")
    return Model({name: _weights(rules[name], f"rules.{name}") for name in RULES}, meta)


def _weights(data: Any, where: str) -> Weights:
    if not isinstance(data, dict) or set(data) != {"bias", "threshold", "weights"}:
        raise _refuse(where, "expected exactly bias, threshold and weights")
    threshold = _number(data["threshold"], f"{where}.threshold")
    if not 0.0 < threshold < 1.0:
        raise _refuse(f"{where}.threshold", "the threshold must lie strictly between 0 and 1")
    table = data["weights"]
    if not isinstance(table, dict):
        raise _refuse(f"{where}.weights", "expected an object of feature: weight")
    if len(table) > MAX_FEATURES:
        raise _refuse(f"{where}.weights", f"more than {MAX_FEATURES} features")
    values = table.values()
    if (
        all(type(v) is float or type(v) is int for v in values)
        and all(
            -MAX_WEIGHT <= v <= MAX_WEIGHT
            for v in values  # NaN fails both comparisons
        )
        and all(name and len(name) <= MAX_NAME and ":" in name[:4] for name in table)
    ):
        weights = {name: float(value) for name, value in table.items()}  # the usual file
    else:  # something is wrong: find it, for the message
        weights = {}
        for name, value in table.items():
            if not name or len(name) > MAX_NAME or ":" not in name[:4]:
                raise _refuse(f"{where}.weights", f"not a feature name: {name[:MAX_NAME]!r}")
            weights[name] = _number(value, f"{where}.weights[{name[:MAX_NAME]!r}]")
    return Weights(_number(data["bias"], f"{where}.bias"), threshold, weights)


def shipped() -> bytes:
    """The weights file's bytes, as installed with the package."""
    return (resources.files("infoview") / "data" / "judge_model.json").read_bytes()


@lru_cache(maxsize=1)
def load() -> Model:
    """The shipped model, read and checked on first use."""
    try:
        text = shipped()
    except OSError as error:
        raise _refuse("file", f"cannot read the weights: {error.strerror or error}") from None
    return parse(text)


def reasons(
    weights: Weights, found: dict[str, list[tuple[int, int]]], tokens: list[str]
) -> list[tuple[int, int]]:
    """The token ranges whose features pushed the score up most, in question order.

    Features are taken by weight, largest first, until their words make ``MAX_PHRASES``
    runs or ``MAX_WORDS`` words (neighbouring words join one run); a range of only small
    words ("the", "is", "I") is never what a verdict quotes, nor a question word alone
    ("what") beside others that say more.
    """
    get = weights.weights.get
    ranked = sorted(
        ((w, name) for name in found if (w := get(name, 0.0)) > 0.0),
        key=lambda item: (-item[0], item[1]),
    )
    chosen: set[int] = set()
    top = 0.0
    for weight, name in ranked:
        if weight < top * 0.25:
            break
        spans = [s for s in found[name] if not quiet(tokens[s[0] : s[1]])]
        if not spans:
            continue
        top = top or weight  # the largest weight that names a word worth quoting
        trial = chosen.union(*(range(a, b) for a, b in spans))
        if len(_runs(trial)) > MAX_PHRASES or len(trial) > MAX_WORDS:
            break
        chosen = trial
    if not chosen and ranked:  # only small words weighed: quote the heaviest anyway
        return _runs(set(range(*found[ranked[0][1]][0])))
    runs = [_trim(run, tokens) for run in _bridge(_runs(chosen), tokens)]
    telling = [run for run in runs if not _bare(tokens[run[0] : run[1]])]
    return telling or runs  # a question word alone ("what") is dropped beside telling words


def _bridge(runs: list[tuple[int, int]], tokens: list[str]) -> list[tuple[int, int]]:
    """Runs joined across a gap of one or two small words ("who" + "customers" -> "who
    are its customers"), so the quote reads as the question says it."""
    joined: list[tuple[int, int]] = []
    for start, end in runs:
        if joined and start - joined[-1][1] <= 2 and quiet(tokens[joined[-1][1] : start]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _trim(run: tuple[int, int], tokens: list[str]) -> tuple[int, int]:
    """A run without small words at its ends ("to the PI about" -> "the PI"); a word such as
    "your" or "the" that starts a noun phrase stays ("your hospital")."""
    start, end = run
    while end - start > 1 and tokens[end - 1] in _QUIET:
        end -= 1
    while end - start > 1 and tokens[start] in _QUIET and tokens[start] not in _KEEP:
        start += 1
    return start, end


def _runs(indices: set[int]) -> list[tuple[int, int]]:
    """Sorted token indices as (start, end) runs of neighbours."""
    runs: list[tuple[int, int]] = []
    for index in sorted(indices):
        if runs and runs[-1][1] == index:
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    return runs


def quiet(words: list[str]) -> bool:
    """True when a range holds only small words (see ``_QUIET``)."""
    return all(w in _QUIET or w.startswith("@the") for w in words)


# A question word alone says nothing of why ("what"): quoted only beside other words.
_ASKING = frozenset({"what", "how", "who", "which", "where", "when", "why", "whom", "whose"})


def _bare(words: list[str]) -> bool:
    """True when a range is not worth quoting on its own: small words, or one question word."""
    return quiet(words) or all(w in _ASKING or w in _QUIET for w in words)
