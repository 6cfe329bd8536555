"""The judge's linear model: its weights file, its training, and what its verdicts say."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from infoview import judge
from infoview.errors import InfoviewError
from infoview.judge import features, model

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
sys.path.insert(0, str(ROOT / "tools"))
import judge_train  # noqa: E402  (a script in tools/, not a package)


def shipped() -> dict[str, object]:
    data: dict[str, object] = json.loads(
        (ROOT / "infoview" / "data" / "judge_model.json").read_text()
    )
    return data


def hostile(**changes: object) -> str:
    data = {
        "format": model.FORMAT,
        "features": features.VERSION,
        "meta": {},
        "rules": {
            "online": {"bias": -1.0, "threshold": 0.5, "weights": {"w:customer": 2.0}},
            "job": {"bias": -1.0, "threshold": 0.5, "weights": {"w:hire": 2.0}},
        },
    }
    for path, value in changes.items():
        where: dict[str, object] = data
        *parents, last = path.split("__")
        for key in parents:
            where = where[key]  # type: ignore[assignment]
        if value is None:
            del where[last]
        else:
            where[last] = value
    return json.dumps(data)


# -- the weights file ---------------------------------------------------------------------------


def test_the_shipped_weights_load_and_were_trained_on_todays_corpus() -> None:
    loaded = model.load()
    assert set(loaded.rules) == {"online", "job"}
    rows = judge_train.training_rows(judge_train.CORPORA)
    assert loaded.meta["corpus"] == judge_train.fingerprint(rows), "run make judge-train"
    assert loaded.meta["rows"] == len(rows)
    assert not any(row["split"] in ("test", "test-new") for row in rows)


def test_the_cross_validation_scores_cover_exactly_the_training_rows() -> None:
    with (DATA / "judge_cv.csv").open(encoding="utf-8", newline="") as handle:
        scored = [row["id"] for row in csv.DictReader(handle)]
    rows = judge_train.training_rows(judge_train.CORPORA)
    assert scored == [row["id"] for row in rows], "run make judge-train"


def test_a_well_formed_file_parses() -> None:
    parsed = model.parse(hostile())
    assert parsed.rules["online"].weights == {"w:customer": 2.0}
    assert parsed.rules["job"].cut == pytest.approx(0.0)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", "not valid JSON"),
        ("{'format': 1}", "not valid JSON"),
        ("!!python/object/apply:os.system ['echo hacked']", "not valid JSON"),
        ("[1, 2]", "not an infoview judge model"),
        (hostile(format="pickle"), "not an infoview judge model"),
        (hostile(features=99), "written for feature version 99"),
        (hostile(features=None), "written for feature version None"),
        (hostile(rules__extra={}), "expected exactly the rules online, job"),
        (hostile(rules__job=None), "expected exactly the rules online, job"),
        (hostile(rules__job=[1]), "expected exactly bias, threshold and weights"),
        (hostile(rules__job__code="import os"), "expected exactly bias, threshold and weights"),
        (hostile(rules__job__threshold=1.0), "strictly between 0 and 1"),
        (hostile(rules__job__threshold=0), "strictly between 0 and 1"),
        (hostile(rules__job__threshold="0.5"), "expected a number"),
        (hostile(rules__job__bias=True), "expected a number"),
        (hostile(rules__job__bias=1e308 * 10), "NaN and Infinity are not numbers here"),
        (hostile(rules__job__bias=5000.0), "number out of range"),
        (hostile(rules__job__weights=[["w:a", 1.0]]), "expected an object of feature: weight"),
        (hostile(rules__job__weights={"w:a": "1"}), "expected a number"),
        (hostile(rules__job__weights={"w:a": {"__class__": "x"}}), "expected a number"),
        (hostile(rules__job__weights={"nonsense": 1.0}), "not a feature name: 'nonsense'"),
        (hostile(rules__job__weights={"w:" + "x" * 300: 1.0}), "not a feature name"),
        (hostile(meta=[1]), "meta"),
        ('{"format": "a", "format": "infoview-judge-model"}', "a key is given twice"),
        ("[" * 100_000 + "]" * 100_000, "not valid JSON"),
        (" " * (model.MAX_BYTES + 1), "larger than"),
    ],
)
def test_a_corrupt_or_hostile_file_is_refused_with_a_clear_error(text: str, error: str) -> None:
    with pytest.raises(model.ModelError) as caught:
        model.parse(text)
    message = str(caught.value)
    assert message.startswith(f"{model.PATH}: "), message
    assert error in message, message
    assert message.endswith("; reinstall infoview, or rebuild the weights with `make judge-train`")
    assert "\n" not in message  # lint shows it as a one-line diagnostic
    assert isinstance(caught.value, InfoviewError) and caught.value.exit_code == 2


def test_nan_spelled_in_json_is_refused() -> None:
    text = hostile().replace('"bias": -1.0', '"bias": NaN', 1)
    with pytest.raises(model.ModelError, match="NaN and Infinity"):
        model.parse(text)


def test_lint_reports_a_broken_weights_file_as_a_diagnostic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from infoview.cli import cli

    monkeypatch.setattr(model, "shipped", lambda: b'{"format": "infoview-judge-model"}')
    model.load.cache_clear()
    try:
        workspace = tmp_path / "ws"
        (workspace / "interviews").mkdir(parents=True)
        (workspace / "infoview.toml").write_text('timezone = "UTC"\n')
        (workspace / "interviews" / "2026-01-05-a-b.md").write_text(
            "---\ninterviewer:\n  name: A B\n---\n\n## Questions\n- What is a quiet day "
            "like for you in the north?\n"
        )
        result = CliRunner().invoke(cli, ["lint", "--workspace", str(workspace), "--no-cache"])
    finally:
        model.load.cache_clear()
    assert result.exit_code == 1, result.output
    assert (
        "interviews/2026-01-05-a-b.md:1:1: IV303 [error] internal error in rule IV303 (ModelError: "
        "infoview/data/judge_model.json: written for feature version None, this infoview reads "
        f"version {features.VERSION} (features); reinstall infoview, or rebuild the weights "
        "with `make judge-train`); please report it\n"
    ) in result.output
    assert "Traceback" not in result.output


# -- training -----------------------------------------------------------------------------------


def tiny_corpus(path: Path, rows: int) -> Path:
    with (DATA / "questions.csv").open(encoding="utf-8", newline="") as handle:
        data = [r for r in csv.DictReader(handle) if r["split"] == "train"][:rows]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(data[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(data)
    return path


def train_tiny(corpus: Path, out: Path) -> bytes:
    command = [
        sys.executable,
        str(ROOT / "tools" / "judge_train.py"),
        "--corpus", str(corpus),
        "--out", str(out),
        "--cv-out", str(out.with_suffix(".csv")),
        "--folds", "3",
        "--iterations", "15",
        "--l2", "1",
        "--quiet",
    ]  # fmt: skip
    subprocess.run(command, check=True, cwd=ROOT)
    return out.read_bytes() + out.with_suffix(".csv").read_bytes()


def test_training_is_reproducible_to_the_byte(tmp_path: Path) -> None:
    corpus = tiny_corpus(tmp_path / "tiny.csv", 80)
    first = train_tiny(corpus, tmp_path / "one.json")
    second = train_tiny(corpus, tmp_path / "two.json")
    assert first == second
    parsed = model.parse((tmp_path / "one.json").read_bytes())
    assert parsed.meta["rows"] == 80 and parsed.meta["folds"] == 3
    other = train_tiny(tiny_corpus(tmp_path / "other.csv", 79), tmp_path / "three.json")
    assert other != first  # a different corpus gives different weights


def test_folds_hold_out_whole_sources() -> None:
    rows = judge_train.training_rows(judge_train.CORPORA)
    folds: dict[str, set[int]] = {}
    for row in rows:
        folds.setdefault(row["group"], set()).add(judge_train.fold_of(row["group"], 10))
    assert all(len(f) == 1 for f in folds.values())
    assert len({f for fs in folds.values() for f in fs}) == 10
    sources = {row["source"] for row in rows if row["source"]}
    assert len(folds) >= len({judge_train.site(s) for s in sources})


def test_the_threshold_keeps_its_precision_on_quoted_rows_too() -> None:
    # ten rows scored 0.40..0.95; positives are the top five and the one at 0.50
    scores = [0.40, 0.45, 0.50, 0.55, 0.60, 0.70, 0.75, 0.80, 0.90, 0.95]
    labels = [0, 0, 1, 0, 0, 1, 1, 1, 1, 1]
    grammar = [False] * 10
    # over every row, 0.50 flags 8 and 6 are right: precision 0.75, the lowest that keeps it
    assert judge_train.choose_threshold(scores, labels, grammar, 0.75) == 0.50
    # the quoted rows alone (0.40, 0.45 and 0.80 were written): 0.50 flags 7, 5 right
    # (0.71), 0.55 flags 6, 4 right, 0.60 flags 5, 4 right (0.80): the stricter 0.60 wins
    sourced = [False, False, True, True, True, True, True, False, True, True]
    assert judge_train.choose_threshold(scores, labels, grammar, 0.75, sourced) == 0.60
    # and the stricter of the two is kept whichever side it comes from
    everyone = [True] * 10
    assert judge_train.choose_threshold(scores, labels, grammar, 0.75, everyone) == 0.50


def test_l_bfgs_finds_a_quadratics_minimum() -> None:
    def bowl(x: list[float]) -> tuple[float, list[float]]:
        return (x[0] - 3) ** 2 + 10 * (x[1] + 1) ** 2, [2 * (x[0] - 3), 20 * (x[1] + 1)]

    found = judge_train.lbfgs(bowl, [0.0, 0.0], 50)
    assert found == pytest.approx([3.0, -1.0], abs=1e-6)


# -- what a model verdict says ------------------------------------------------------------------

ONLINE = judge.MODEL_KINDS["online"]
JOB = judge.MODEL_KINDS["job"]


@pytest.mark.parametrize(
    ("question", "rule", "core"),
    [  # the quote is the heaviest words, so its edges move when the weights are retrained;
        # the words that make the case must be in it, and it must be the question's own
        ("What is the organization's tax status?", "online", "tax status"),  # nonprofits
        # law ("Who are the name partners?" went to the grammar with reach.csv's kinds)
        ("Who are the firm's rainmakers?", "online", "who are the firm"),
        ("Could you introduce me to the PI about a technician position?", "job", "position"),
        ("Would my background fit a role on your team?", "job", "fit a role"),
    ],
)
def test_the_model_catches_what_the_grammar_has_no_wording_for(
    question: str, rule: str, core: str
) -> None:
    assert judge.by_grammar(rule, question) is None
    verdict = judge.by_model(rule, question)
    assert verdict is not None and verdict.kind == (ONLINE if rule == "online" else JOB)
    assert verdict.trigger == ", ".join(verdict.words)
    plain = question.lower().replace("'s", "").replace("?", "")
    for phrase in verdict.words:  # each quoted phrase is a run of the question's words
        assert phrase.lower().replace("'s", "") in plain, phrase
    assert any(core in phrase.lower() for phrase in verdict.words), verdict
    combined = judge.online(question) if rule == "online" else judge.job(question)
    assert combined == verdict


def test_a_model_verdict_reads_well_in_a_message() -> None:
    verdict = judge.Verdict(
        ONLINE, "customers, your organisation", ("customers", "your organisation")
    )
    assert verdict.describe() == (
        'reads like a fact the organisation publishes about itself ("customers", '
        '"your organisation")'
    )
    assert judge.Verdict("asks x", "why").describe() == 'asks x ("why")'


def test_reasons_quote_the_heaviest_words_never_only_small_ones() -> None:
    weights = model.Weights(0.0, 0.5, {"w:the": 5.0, "w:client": 2.0, "b:your client": 1.0})
    tokens = ["who", "are", "the", "clients", "|"]
    found = features.extract(tokens, features.Lexicon({}, frozenset()))
    assert model.reasons(weights, found, tokens) == [(3, 4)]
    only_small = model.Weights(0.0, 0.5, {"w:the": 5.0})
    assert model.reasons(only_small, found, tokens) == [(2, 3)]
    # a question word alone is dropped beside words that say more, and kept when bridged
    tokens = ["what", "percentage", "of", "the", "agency", "budget", "|"]
    found = features.extract(tokens, features.Lexicon({}, frozenset()))
    asking = model.Weights(0.0, 0.5, {"w:what": 3.0, "w:budget": 2.0, "b:agency budget": 1.0})
    assert model.reasons(asking, found, tokens) == [(4, 6)]
    only_what = model.Weights(0.0, 0.5, {"w:what": 3.0})
    assert model.reasons(only_what, found, tokens) == [(0, 1)]


def test_the_features_of_a_question() -> None:
    question = judge._read("Who are your hospital's biggest clients?", None, ())
    found = judge._features("Who are your hospital's biggest clients?", None, ())
    assert question.question.words[:4] == ["who", "are", "your", "@org"]
    for name in ("w:client", "b:^ who", "o2:who are", "m:org", "c:offering", "x:org+offering"):
        assert name in found, name
    assert found["m:org"] == [(2, 4)]  # "your hospital", quoted as the question says it
    assert features.singular("branches") == "branch"
    assert features.singular("agencies") == "agency"
    assert features.singular("business") == "business"


def test_organisations_in_general_are_told_from_the_one_met() -> None:
    def markers(question: str, organisation: str | None = None) -> set[str]:
        found = judge._features(question, organisation, ())
        return {name for name in found if name.startswith("m:org")}

    assert markers("What do small firms look for in a graduate?") == {"m:orgs"}
    found = judge._features("What do small firms look for in a graduate?", None, ())
    assert "w:@orgs" in found and "w:@org" not in found  # not the one organisation's word
    assert markers("What do most hospitals pay new nurses?") == {"m:orgs"}
    assert markers("What does your firm look for in a graduate?") == {"m:org"}
    # a name the workspace gives is one organisation, whatever its last letter
    assert markers("What does Acme Widgets make?", "Acme Widgets") == {"m:org"}
    assert markers("Who runs the business?") == {"m:org"}  # "business" is not a plural
    assert features.plural("firms") and not features.plural("Acme Widgets")
    assert not features.plural("law offices") and not features.plural("business")


def test_the_model_classes_are_well_formed_and_weighed() -> None:
    from infoview.judge.classes import CLASSES

    lists = dict(features.class_lists(judge.compiled().words))
    weights = model.load().rules
    for name, entries in CLASSES.items():
        assert name.startswith("k_") and lists[name] == entries
        assert len(set(entries)) == len(entries), name
        for entry in entries:
            assert entry == entry.strip().lower() and 1 <= len(entry.split()) <= 3, entry
        # every class is read by the shipped model: the training saw its words
        assert any(f"c:{name}" in rule.weights for rule in weights.values()), name


@pytest.mark.parametrize(
    ("question", "rule", "word"),
    [  # each word is in no training question: its class carries what training learnt
        ("Who are the nonprofit's backers?", "online", "backers"),
        ("Would you pass my transcript to the partners?", "job", "transcript"),
    ],
)
def test_a_class_carries_a_word_the_training_never_saw(question: str, rule: str, word: str) -> None:
    rows = judge_train.training_rows(judge_train.CORPORA)
    assert not any(word in row["question"].lower() for row in rows)
    assert judge.by_grammar(rule, question) is None
    verdict = judge.by_model(rule, question)
    assert verdict is not None and word in verdict.trigger, verdict
    # without the class the same question scores lower: the class is doing the work
    found = judge._features(question, None, ())
    weights = model.load().rules[rule]
    classes = {name for name in found if "k_" in name}
    assert classes and weights.margin({k: v for k, v in found.items() if k not in classes}) < (
        weights.margin(found)
    )


def test_a_model_verdict_in_a_lint_message() -> None:
    from rules.helpers import diagnostics
    from rules.test_questions import asking

    (found,) = diagnostics(asking("What is the organization's tax status?"), select=["IV303"])
    assert found.message == (
        "their website answers this: it reads like a fact the organisation publishes about "
        'itself ("what is the organization\'s tax status"); look it up beforehand and ask what '
        "only they can tell you"
    )
    question = "Could you introduce me to the PI about a technician position?"
    (found,) = diagnostics(asking(question), select=["IV304"])
    verdict = judge.by_model("job", question)
    assert verdict is not None and "technician position" in verdict.trigger
    assert found.message.startswith(
        f'this looks for a job: it reads like a job seeker\'s question ("{verdict.trigger}"); '
        "keep the meeting for learning"
    )


def test_the_inline_disable_silences_a_model_verdict() -> None:
    from rules.helpers import run
    from rules.test_questions import asking

    question = "What is the organization's tax status?"
    text = asking(question).replace(
        f"- {question}", f"<!-- infoview-disable IV303 -->\n- {question}"
    )
    assert "infoview-disable" in text
    assert run(text, select=["IV303"]) == []


def test_the_post_being_filled_is_not_the_role_of_someone_in_general() -> None:
    lexicon = judge._lexicon(())
    assert "c:this_post" in features.extract(["about", "the", "position", "|"], lexicon)
    general = features.extract(["about", "the", "position", "of", "a", "nurse", "|"], lexicon)
    assert "c:this_post" not in general and "w:position" in general


def test_an_informational_interview_is_not_a_hiring_one() -> None:
    lexicon = judge._lexicon(())
    hiring = features.extract(["could", "i", "get", "an", "interview", "|"], lexicon)
    assert "w:interview" in hiring and "c:k_hire" in hiring
    tokens = ["could", "i", "get", "an", "informational", "interview", "|"]
    learning = features.extract(tokens, lexicon)
    assert "w:interview-to-learn" in learning
    assert "w:interview" not in learning and "c:k_hire" not in learning
    text = "Could you introduce me to someone else for an informational interview?"
    assert judge.by_model("job", text) is None
    assert judge.by_model("job", "Could you introduce me to someone else for an interview?")


def test_the_persons_own_work_is_told_from_the_organisations_size() -> None:
    lexicon = judge._lexicon(())
    own = features.extract(["how", "many", "people", "do", "you", "manage", "|"], lexicon)
    assert "cb:you c:k_own_work" in own
    tokens = ["how", "many", "patients", "does", "the", "@org", "see", "|"]
    assert "cb:@org c:k_own_work" in features.extract(tokens, lexicon)
    assert judge.online("How many people do you manage at the company?") is None
    assert judge.online("How many patients does the hospital see each year?")


def test_reasons_bridge_a_gap_of_small_words_and_trim_the_ends() -> None:
    weights = model.Weights(0.0, 0.5, {"w:who": 2.0, "w:customer": 2.0, "w:about": 1.0})
    tokens = ["who", "are", "its", "customers", "about", "|"]
    found = features.extract(tokens, features.Lexicon({}, frozenset()))
    assert model.reasons(weights, found, tokens) == [(0, 4)]  # "who are its customers"
