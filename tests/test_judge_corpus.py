"""The labelled question corpus: its shape, its size and its deterministic split."""

from __future__ import annotations

import csv
import hashlib
import re
from collections import Counter
from pathlib import Path

import pytest

from tools.judge_train import site  # how the training groups a source, checked here too

CORPUS = Path(__file__).parent / "data" / "questions.csv"
COLUMNS = ["id", "question", "label", "field", "source", "origin", "split"]


def corpus(path: Path) -> list[dict[str, str]]:
    """A labelled corpus's rows, its columns checked."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == COLUMNS
        return list(reader)


def rows() -> list[dict[str, str]]:
    return corpus(CORPUS)


def test_corpus_has_the_size_the_issue_asks_for() -> None:
    data = rows()
    assert len(data) >= 400
    assert len({row["source"] for row in data if row["source"]}) >= 30
    assert len({row["field"] for row in data if row["field"] != "general"}) >= 8


def test_every_row_is_well_formed() -> None:
    data = rows()
    assert len({row["id"] for row in data}) == len(data)
    assert len({row["question"].casefold() for row in data}) == len(data)
    for row in data:
        assert row["label"] in {"online", "job", "ok"}, row
        assert row["origin"] in {"quoted", "adapted", "written-here"}, row
        assert bool(row["source"]) == (row["origin"] != "written-here"), row
        assert row["source"].startswith(("http://", "https://", "")), row
        assert row["question"].strip() == row["question"] and row["question"], row


FIRST_NEW = 465  # rows from q465 on were gathered for the linear model (tests/data/README.md)


def test_split_follows_the_hash_of_the_source() -> None:
    for row in rows():
        key = row["source"] or row["question"]
        held_out = int(hashlib.sha256(key.encode()).hexdigest(), 16) % 10 < 3
        late = int(row["id"][1:]) >= FIRST_NEW
        expected = ("test-new" if late else "test") if held_out else "train"
        assert row["split"] == expected, row["id"]


def test_the_new_held_out_rows_come_from_sources_of_their_own() -> None:
    """A source's rows fall on one side: ``test-new`` shares no source with the rest."""
    data = rows()
    new = {row["source"] for row in data if row["split"] == "test-new" and row["source"]}
    old = {row["source"] for row in data if row["split"] != "test-new" and row["source"]}
    assert new and not (new & old)


def test_both_splits_hold_every_label() -> None:
    counts = Counter((row["split"], row["label"]) for row in rows())
    for split in ("train", "test"):
        assert counts[(split, "online")] >= 20
        assert counts[(split, "job")] >= 20
        assert counts[(split, "ok")] >= 60


# The probe set: questions gathered independently of the grammar, from sources the corpus does
# not use, to estimate how the judge does on questions its author never saw (tests/data/README.md).
PROBE = Path(__file__).parent / "data" / "probe.csv"


def probe_rows() -> list[dict[str, str]]:
    return corpus(PROBE)


def test_probe_set_has_the_size_the_brief_asks_for() -> None:
    data = probe_rows()
    assert len(data) >= 300
    assert len({row["source"] for row in data if row["source"]}) >= 30
    assert len({row["field"] for row in data if row["field"] != "general"}) >= 8
    written = sum(row["origin"] == "written-here" for row in data)
    assert written * 5 < len(data), "rows written here must stay a minority"


def test_every_probe_row_is_well_formed() -> None:
    data = probe_rows()
    assert [row["id"] for row in data] == [f"p{n:03d}" for n in range(1, len(data) + 1)]
    assert len({row["question"].casefold() for row in data}) == len(data)
    for row in data:
        assert row["label"] in {"online", "job", "ok"}, row
        assert row["origin"] in {"quoted", "adapted", "written-here"}, row
        assert bool(row["source"]) == (row["origin"] != "written-here"), row
        assert row["source"].startswith(("http://", "https://", "")), row
        assert row["question"].strip() == row["question"] and row["question"], row


def test_probe_set_is_independent_of_the_corpus() -> None:
    corpus = rows()
    corpus_sources = {row["source"] for row in corpus if row["source"]}
    corpus_questions = {row["question"].casefold() for row in corpus}
    for row in probe_rows():
        assert row["source"] not in corpus_sources, row["id"]
        assert row["question"].casefold() not in corpus_questions, row["id"]


def test_probe_split_follows_the_hash_of_the_site() -> None:
    for row in probe_rows():
        key = site(row["source"]) if row["source"] else row["question"]
        holdout = int(hashlib.sha256(key.encode()).hexdigest(), 16) % 10 < 5
        assert row["split"] == ("probe-holdout" if holdout else "probe-dev"), row["id"]


def test_both_probe_splits_hold_every_label() -> None:
    counts = Counter((row["split"], row["label"]) for row in probe_rows())
    for split in ("probe-dev", "probe-holdout"):
        assert counts[(split, "online")] >= 20
        assert counts[(split, "job")] >= 20
        assert counts[(split, "ok")] >= 60


# The wide set (tests/data/README.md): 53 further sites in 15 fields, split by site; the
# holdout is never trained or tuned on, so no test here asserts a figure on it.
WIDE = Path(__file__).parent / "data" / "wide.csv"


def wide_rows() -> list[dict[str, str]]:
    return corpus(WIDE)


def test_wide_set_has_its_size_sources_and_fields() -> None:
    data = wide_rows()
    assert len(data) >= 250
    assert len({site(row["source"]) for row in data if row["source"]}) >= 40
    assert len({row["field"] for row in data if row["field"] != "general"}) >= 8
    written = sum(row["origin"] == "written-here" for row in data)
    assert written * 4 < len(data), "rows written here must stay a minority"


def test_every_wide_row_is_well_formed() -> None:
    data = wide_rows()
    assert [row["id"] for row in data] == [f"w{n:03d}" for n in range(1, len(data) + 1)]
    assert len({row["question"].casefold() for row in data}) == len(data)
    for row in data:
        assert row["label"] in {"online", "job", "ok"}, row
        assert row["origin"] in {"quoted", "adapted", "written-here"}, row
        assert bool(row["source"]) == (row["origin"] != "written-here"), row
        assert row["source"].startswith(("http://", "https://", "")), row
        assert row["question"].strip() == row["question"] and row["question"], row


def test_wide_set_shares_no_site_or_question_with_the_other_corpora() -> None:
    others = rows() + probe_rows()
    sites = {site(row["source"]) for row in others if row["source"]}
    questions = {row["question"].casefold() for row in others}
    for row in wide_rows():
        assert not row["source"] or site(row["source"]) not in sites, row["id"]
        assert row["question"].casefold() not in questions, row["id"]


def test_wide_split_follows_the_hash_of_the_site() -> None:
    """Whole sites are held out; rows written here train, never measure."""
    for row in wide_rows():
        if not row["source"]:
            assert row["split"] == "wide-dev", row["id"]
            continue
        holdout = int(hashlib.sha256(site(row["source"]).encode()).hexdigest(), 16) % 10 < 4
        assert row["split"] == ("wide-holdout" if holdout else "wide-dev"), row["id"]


def test_the_wide_holdout_is_large_enough_to_measure() -> None:
    counts = Counter((row["split"], row["label"]) for row in wide_rows())
    assert sum(n for (split, _), n in counts.items() if split == "wide-holdout") >= 80
    for label in ("online", "job", "ok"):
        assert counts[("wide-holdout", label)] >= 10
        assert counts[("wide-dev", label)] >= 25


# The reach set (tests/data/README.md): 62 further sites in 15 fields, split by site with a
# rule fixed before any figure was read; its holdout is never trained or tuned on.
REACH = Path(__file__).parent / "data" / "reach.csv"
FRESH = Path(__file__).parent / "data" / "fresh.csv"


def reach_rows() -> list[dict[str, str]]:
    return corpus(REACH)


def fresh_questions() -> set[str]:
    """fresh.csv's questions, casefolded, to compare against: never printed or read."""
    with FRESH.open(encoding="utf-8", newline="") as handle:
        return {row["question"].casefold() for row in csv.DictReader(handle)}


def fresh_sites() -> set[str]:
    """Only the source column: fresh.csv's questions and labels are never read."""
    with FRESH.open(encoding="utf-8", newline="") as handle:
        return {site(row["source"]) for row in csv.DictReader(handle) if row["source"]}


def test_reach_set_has_its_size_sources_and_fields() -> None:
    data = reach_rows()
    assert len(data) >= 300
    quoted = [row for row in data if row["origin"] != "written-here"]
    assert len(quoted) >= 250, "at least 250 questions from public pages"
    assert len({site(row["source"]) for row in quoted}) >= 50
    assert len({row["field"] for row in data if row["field"] != "general"}) >= 8
    written = sum(row["origin"] == "written-here" for row in data)
    assert written * 4 < len(data), "rows written here stay under a quarter"


def test_every_reach_row_is_well_formed() -> None:
    data = reach_rows()
    assert [row["id"] for row in data] == [f"r{n:03d}" for n in range(1, len(data) + 1)]
    assert len({row["question"].casefold() for row in data}) == len(data)
    for row in data:
        assert row["label"] in {"online", "job", "ok"}, row
        assert row["origin"] in {"quoted", "adapted", "written-here"}, row
        assert bool(row["source"]) == (row["origin"] != "written-here"), row
        assert row["source"].startswith(("http://", "https://", "")), row
        assert row["question"].strip() == row["question"] and row["question"], row
        assert "’" not in row["question"], "apostrophes are made straight"


def test_reach_set_shares_no_site_or_question_with_the_other_corpora() -> None:
    """No site any other corpus cites, fresh.csv's included (its source column only)."""
    others = rows() + probe_rows() + wide_rows()
    sites = {site(row["source"]) for row in others if row["source"]} | fresh_sites()
    questions = {row["question"].casefold() for row in others}
    for row in reach_rows():
        assert not row["source"] or site(row["source"]) not in sites, row["id"]
        assert row["question"].casefold() not in questions, row["id"]


def reach_held_out(source: str) -> bool:
    return int(hashlib.sha256(site(source).encode()).hexdigest(), 16) % 20 < 9


def test_reach_split_follows_the_hash_of_the_site() -> None:
    """Whole sites are held out (45% of them by the hash); rows written here never measure."""
    for row in reach_rows():
        if not row["source"]:
            assert row["split"] == "reach-dev", row["id"]
            continue
        expected = "reach-holdout" if reach_held_out(row["source"]) else "reach-dev"
        assert row["split"] == expected, row["id"]


def test_the_reach_holdout_is_large_enough_to_measure() -> None:
    data = reach_rows()
    counts = Counter((row["split"], row["label"]) for row in data)
    assert sum(n for (split, _), n in counts.items() if split == "reach-holdout") >= 80
    for label in ("online", "job", "ok"):
        assert counts[("reach-holdout", label)] >= 25
        assert counts[("reach-dev", label)] >= 40
    held = {site(row["source"]) for row in data if row["split"] == "reach-holdout"}
    dev = {site(row["source"]) for row in data if row["split"] == "reach-dev" and row["source"]}
    assert len(held) >= 20 and not (held & dev)


def test_the_model_never_trains_on_a_held_out_split() -> None:
    from tools.judge_train import CORPORA, HELD_OUT, training_rows

    held = {"test", "test-new", "guide-holdout", "org-holdout", "post-holdout", "lists-holdout"}
    held.add("drafts-holdout")
    assert held <= set(HELD_OUT)
    assert FRESH not in CORPORA and REACH in CORPORA and SPAN in CORPORA
    assert VOICES not in CORPORA  # written here: training on it cost the real pages precision
    assert TAIL not in CORPORA  # the long tail: training on it cost the other holdouts recall
    assert REPOS not in CORPORA  # measured only: its labels are noisy
    assert HARVEST not in CORPORA  # training on its -dev cost most other holdouts recall
    assert AFIELD not in CORPORA  # like harvest: gathered last, measured and tuned on only
    assert SCOUT not in CORPORA  # mostly questions from outside an informational interview
    assert BLIND not in CORPORA  # training on its kin (every -dev split) cost holdout recall
    assert UNSEEN not in CORPORA  # the ninth round's sample: measured and tuned on only
    assert CORE not in CORPORA  # the ninth round's drafts in the issue's fields: likewise
    assert TENTH not in CORPORA  # the tenth round's sample: likewise
    assert ELEVENTH not in CORPORA  # the eleventh round's drafts: likewise
    assert TWELFTH not in CORPORA  # the twelfth round's drafts: likewise
    assert not {row["split"] for row in training_rows(CORPORA)} & set(HELD_OUT)


@pytest.mark.parametrize("name", ["guide", "org", "post", "lists", "drafts"])
def test_a_corpus_trained_on_keeps_its_holdout_held_out(name: str) -> None:
    """Wiring a corpus into the training must add its holdout to the held-out splits."""
    from tools.judge_train import CORPORA, HELD_OUT, training_rows

    path = Path(__file__).parent / "data" / f"{name}.csv"
    assert path in CORPORA and f"{name}-holdout" in HELD_OUT
    held = [row for row in corpus(path) if row["split"] == f"{name}-holdout"]
    trained = {row["id"] for row in training_rows([path])}
    assert held and not any(row["id"] in trained for row in held)


# The span set (tests/data/README.md): 85+ further sites in 12+ fields, split by site with a
# rule fixed before any figure was read; its holdout measured the round that built it and
# has been trained on since guide.csv, org.csv and post.csv came.
SPAN = Path(__file__).parent / "data" / "span.csv"
SPAN_MIN_ROWS = 360
SPAN_MIN_SITES = 85


def span_rows() -> list[dict[str, str]]:
    return corpus(SPAN)


def test_span_set_has_its_size_sources_and_fields() -> None:
    data = span_rows()
    assert len(data) >= SPAN_MIN_ROWS
    quoted = [row for row in data if row["origin"] != "written-here"]
    assert len({site(row["source"]) for row in quoted}) >= SPAN_MIN_SITES
    assert len({row["field"] for row in data if row["field"] != "general"}) >= 12
    written = sum(row["origin"] == "written-here" for row in data)
    assert written * 5 <= len(data), "rows written here stay at or under a fifth"


SPAN_RETIRED = {"s192", "s316"}  # also fresh.csv questions: dropped, their ids never reused


def test_every_span_row_is_well_formed() -> None:
    data = span_rows()
    count = len(data) + len(SPAN_RETIRED)
    wanted = [f"s{n:03d}" for n in range(1, count + 1) if f"s{n:03d}" not in SPAN_RETIRED]
    assert [row["id"] for row in data] == wanted
    assert len({row["question"].casefold() for row in data}) == len(data)
    for row in data:
        assert row["label"] in {"online", "job", "ok"}, row
        assert row["origin"] in {"quoted", "adapted", "written-here"}, row
        assert bool(row["source"]) == (row["origin"] != "written-here"), row
        assert row["source"].startswith(("http://", "https://", "")), row
        assert row["question"].strip() == row["question"] and row["question"], row
        assert row["field"].strip() == row["field"] and row["field"], row
        assert "\u2019" not in row["question"], "apostrophes are made straight"


def test_span_set_shares_no_site_or_question_with_the_other_corpora() -> None:
    """No site any other corpus cites, fresh.csv's included (its source column only)."""
    others = rows() + probe_rows() + wide_rows() + reach_rows()
    sites = {site(row["source"]) for row in others if row["source"]} | fresh_sites()
    questions = {row["question"].casefold() for row in others}
    for row in span_rows():
        assert not row["source"] or site(row["source"]) not in sites, row["id"]
        assert row["question"].casefold() not in questions, row["id"]


def test_span_set_shares_no_question_with_the_fresh_set() -> None:
    """Two rows that were also fresh.csv questions were dropped (found by a casefold
    comparison that printed ids only): span-dev is trained on, and fresh never is."""
    assert not [row["id"] for row in span_rows() if row["question"].casefold() in fresh_questions()]


def span_held_out(source: str) -> bool:
    return int(hashlib.sha256(site(source).encode()).hexdigest(), 16) % 2 == 0


def test_span_split_follows_the_hash_of_the_site() -> None:
    """Whole sites are held out (half of them by the hash); rows written here never measure."""
    for row in span_rows():
        if not row["source"]:
            assert row["origin"] == "written-here" and row["split"] == "span-dev", row["id"]
            continue
        expected = "span-holdout" if span_held_out(row["source"]) else "span-dev"
        assert row["split"] == expected, row["id"]


def test_the_span_holdout_is_large_enough_to_measure() -> None:
    data = span_rows()
    counts = Counter((row["split"], row["label"]) for row in data)
    assert counts[("span-holdout", "online")] >= 25
    assert counts[("span-holdout", "job")] >= 20
    assert counts[("span-holdout", "ok")] >= 25
    for label in ("online", "job", "ok"):
        assert counts[("span-dev", label)] >= 25
    held = {site(row["source"]) for row in data if row["split"] == "span-holdout"}
    dev = {site(row["source"]) for row in data if row["split"] == "span-dev" and row["source"]}
    assert len(held) >= 20 and len(dev) >= 20 and not (held & dev)


def test_each_span_source_has_one_field() -> None:
    """The field is the source's, so one page's rows never straddle two fields."""
    fields: dict[str, set[str]] = {}
    for row in span_rows():
        if row["source"]:
            fields.setdefault(row["source"], set()).add(row["field"])
    assert all(len(names) == 1 for names in fields.values()), fields


# The asker set (tests/data/README.md): questions in the asker's own voice ("I", "me", "my"),
# fine and job-seeking alike, so the judge cannot learn that the first person means a job.
ASKER = Path(__file__).parent / "data" / "asker.csv"
ASKER_MIN_ROWS = 160
ASKER_MIN_SITES = 60
ASKER_MIN_FIELDS = 15
FIRST_PERSON = re.compile(r"\b(?:I|me|my|mine|myself|I'm|I'd|I've|I'll|we|us|our)\b", re.IGNORECASE)


def asker_rows() -> list[dict[str, str]]:
    return corpus(ASKER)


def test_asker_set_has_its_size_sources_and_fields() -> None:
    data = asker_rows()
    assert len(data) >= ASKER_MIN_ROWS
    quoted = [row for row in data if row["origin"] != "written-here"]
    assert len({site(row["source"]) for row in quoted}) >= ASKER_MIN_SITES
    assert len({row["field"] for row in data if row["field"] != "general"}) >= ASKER_MIN_FIELDS
    labels = Counter(row["label"] for row in data)
    assert labels["ok"] > labels["job"] > 0, "mostly fine questions, and job-seeking ones too"


def test_every_asker_row_is_well_formed() -> None:
    data = asker_rows()
    assert [row["id"] for row in data] == [f"a{n:03d}" for n in range(1, len(data) + 1)]
    assert len({row["question"].casefold() for row in data}) == len(data)
    for row in data:
        assert row["label"] in {"online", "job", "ok"}, row
        assert row["origin"] in {"quoted", "written-here"}, row
        assert bool(row["source"]) == (row["origin"] != "written-here"), row
        assert not row["source"] or row["source"].startswith(("http://", "https://")), row
        assert row["question"].strip() == row["question"] and row["question"], row
        assert row["field"].strip() == row["field"] and row["field"], row
        assert "\u2019" not in row["question"], "apostrophes are made straight"


def test_every_asker_row_is_in_the_first_person() -> None:
    for row in asker_rows():
        assert FIRST_PERSON.search(row["question"]), row["id"]


def test_asker_set_shares_no_site_or_question_with_the_other_corpora() -> None:
    """No site any other corpus cites (fresh.csv's and span.csv's sources included)."""
    others = rows() + probe_rows() + wide_rows() + reach_rows() + span_rows()
    sites = {site(row["source"]) for row in others if row["source"]} | fresh_sites()
    questions = {row["question"].casefold() for row in others}
    questions |= fresh_questions()  # compared, never read: asker-dev is trained on
    for row in asker_rows():
        assert not row["source"] or site(row["source"]) not in sites, row["id"]
        assert row["question"].casefold() not in questions, row["id"]


def asker_held_out(key: str) -> bool:
    return int(hashlib.sha256(key.encode()).hexdigest(), 16) % 3 == 0


def test_asker_split_follows_the_hash_of_the_site() -> None:
    """A third of the sites by the hash; rows written here never measure."""
    for row in asker_rows():
        if not row["source"]:
            assert row["origin"] == "written-here" and row["split"] == "asker-dev", row["id"]
            continue
        expected = "asker-holdout" if asker_held_out(site(row["source"])) else "asker-dev"
        assert row["split"] == expected, row["id"]


def test_the_asker_holdout_holds_fine_and_job_seeking_rows() -> None:
    data = asker_rows()
    counts = Counter((row["split"], row["label"]) for row in data)
    assert counts[("asker-holdout", "ok")] >= 5 and counts[("asker-holdout", "job")] >= 5
    held = {site(row["source"]) for row in data if row["split"] == "asker-holdout"}
    dev = {site(row["source"]) for row in data if row["split"] == "asker-dev" and row["source"]}
    assert held and dev and not (held & dev)


def test_rows_written_here_stay_at_or_under_a_tenth_of_the_asker_set() -> None:
    data = asker_rows()
    assert sum(row["origin"] == "written-here" for row in data) * 10 <= len(data)


# The voices set (tests/data/README.md): questions written here in students' own words, in
# 29 fields, by four hands that never read the judge. The first hand's rows (v001-v242)
# are all voices-dev (their misses were read before a split could be fixed); the second
# hand's (v301-v600), the third's (v601-v900) and the fourth's (v901 on) were each scored
# whole before a row was read, then split by field: four of the second hand's nine fields,
# three of the third's seven and five of the fourth's eighteen are voices-holdout, never
# trained or tuned on.
VOICES = Path(__file__).parent / "data" / "voices.csv"
TAIL = Path(__file__).parent / "data" / "tail.csv"
REPOS = Path(__file__).parent / "data" / "repos.csv"
HARVEST = Path(__file__).parent / "data" / "harvest.csv"
AFIELD = Path(__file__).parent / "data" / "afield.csv"
SCOUT = Path(__file__).parent / "data" / "scout.csv"
BLIND = Path(__file__).parent / "data" / "blind.csv"
UNSEEN = Path(__file__).parent / "data" / "unseen.csv"
CORE = Path(__file__).parent / "data" / "core.csv"
TENTH = Path(__file__).parent / "data" / "tenth.csv"
ELEVENTH = Path(__file__).parent / "data" / "eleventh.csv"
TWELFTH = Path(__file__).parent / "data" / "twelfth.csv"
SECOND_HAND, THIRD_HAND, FOURTH_HAND = 301, 601, 901  # the first id of each later hand's rows
VOICES_HELD_FIELDS = {
    SECOND_HAND: {"public health", "higher-ed", "media", "agriculture"},
    THIRD_HAND: {"health", "finance", "education"},
    # the fourth hand's: the fields whose sha256 is 0 modulo 3, fixed before a row was read
    FOURTH_HAND: {"design", "government", "hospitality", "nonprofit", "religious"},
}


def voices_rows() -> list[dict[str, str]]:
    return corpus(VOICES)


def test_voices_set_has_its_size_fields_and_labels() -> None:
    data = voices_rows()
    assert len(data) >= 1100
    assert len({row["field"] for row in data}) >= 15
    counts = Counter((row["split"], row["label"]) for row in data)
    for label in ("online", "job", "ok"):
        assert counts[("voices-dev", label)] >= 100 and counts[("voices-holdout", label)] >= 25


def test_every_voices_row_is_well_formed() -> None:
    data = voices_rows()
    assert len({row["id"] for row in data}) == len(data)
    assert len({row["question"].casefold() for row in data}) == len(data)
    for row in data:
        assert re.fullmatch(r"v\d{3,4}", row["id"]), row["id"]
        assert row["label"] in {"online", "job", "ok"}, row
        assert row["origin"] == "written-here" and not row["source"], row
        assert row["question"].strip() == row["question"] and row["question"], row
        assert row["field"].strip() == row["field"] and row["field"], row


def test_voices_split_is_by_hand_and_field() -> None:
    for row in voices_rows():
        number = int(row["id"][1:])
        hands = (FOURTH_HAND, THIRD_HAND, SECOND_HAND)
        hand = next((first for first in hands if number >= first), 1)
        held = row["field"] in VOICES_HELD_FIELDS.get(hand, set())
        assert row["split"] == ("voices-holdout" if held else "voices-dev"), row["id"]


def test_voices_set_shares_no_question_with_the_other_corpora() -> None:
    data = Path(__file__).parent / "data"
    others = [row for path in sorted(data.glob("*.csv")) for row in _questions(path)]
    questions = {q.casefold() for q in others} | fresh_questions()  # compared, never read
    for row in voices_rows():
        assert row["question"].casefold() not in questions, row["id"]


def _questions(path: Path) -> list[str]:
    if path.name in {"voices.csv", "fresh.csv", "judge_cv.csv"}:
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [row["question"] for row in csv.DictReader(handle)]
