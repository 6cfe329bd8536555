"""The guide set (tests/data/README.md): whole question lists from career-centre guides.

Every question a guide's list gives is labelled by issue 11's principle, so the set holds the
natural mix a user drafts from (mostly fine questions, with the answerable-online and
job-seeking ones such lists and their "questions not to ask" sections contain). Whole sites
are held out by a hash fixed before any figure was read.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

from tests.test_judge_corpus import (
    asker_rows,
    corpus,
    fresh_questions,
    fresh_sites,
    probe_rows,
    reach_rows,
    rows,
    span_rows,
    wide_rows,
)
from tools.judge_train import site

GUIDE = Path(__file__).parent / "data" / "guide.csv"
GUIDE_MIN_ROWS = 300
GUIDE_MIN_SITES = 70
GUIDE_MIN_FIELDS = 15  # besides "general"
GUIDE_RETIRED: set[str] = set()  # ids dropped after landing; never reused
FIELDS = {
    "law", "health", "tech", "finance", "business", "nonprofit", "government", "education",
    "higher-ed", "engineering", "science", "marketing", "media", "trades", "arts", "design",
    "architecture", "hospitality", "retail", "social work", "library", "agriculture", "sports",
    "religion", "general",
}  # fmt: skip


def guide_rows() -> list[dict[str, str]]:
    return corpus(GUIDE)


def guide_held_out(source: str) -> bool:
    """A third of the sites, by the hash of the site (tools.judge_train.site)."""
    return int(hashlib.sha256(site(source).encode()).hexdigest(), 16) % 3 == 0


def test_guide_set_has_its_size_sources_and_fields() -> None:
    data = guide_rows()
    assert len(data) >= GUIDE_MIN_ROWS
    quoted = [row for row in data if row["origin"] != "written-here"]
    assert len({site(row["source"]) for row in quoted}) >= GUIDE_MIN_SITES
    assert len({row["field"] for row in data} - {"general"}) >= GUIDE_MIN_FIELDS
    labels = Counter(row["label"] for row in data)
    assert labels["ok"] > labels["online"] > 0 and labels["ok"] > labels["job"] > 0, labels


def test_every_guide_row_is_well_formed() -> None:
    data = guide_rows()
    count = len(data) + len(GUIDE_RETIRED)
    wanted = [f"g{n:03d}" for n in range(1, count + 1) if f"g{n:03d}" not in GUIDE_RETIRED]
    assert [row["id"] for row in data] == wanted
    assert len({row["question"].casefold() for row in data}) == len(data), "no duplicates"
    for row in data:
        assert row["label"] in {"online", "job", "ok"}, row["id"]
        assert row["origin"] in {"quoted", "adapted", "written-here"}, row["id"]
        assert bool(row["source"]) == (row["origin"] != "written-here"), row["id"]
        assert not row["source"] or row["source"].startswith(("https://", "http://")), row["id"]
        assert row["field"] in FIELDS, row["id"]
        assert row["question"].strip() == row["question"] and row["question"], row["id"]
        assert not {"\u2018", "\u2019"} & set(row["question"]), "apostrophes are made straight"


def test_each_guide_source_has_one_field() -> None:
    fields: dict[str, set[str]] = {}
    for row in guide_rows():
        if row["source"]:
            fields.setdefault(row["source"], set()).add(row["field"])
    assert all(len(names) == 1 for names in fields.values()), fields


def test_guide_split_follows_the_hash_of_the_site() -> None:
    """Whole sites are held out; rows written here train, never measure."""
    for row in guide_rows():
        if not row["source"]:
            assert row["split"] == "guide-dev", row["id"]
            continue
        expected = "guide-holdout" if guide_held_out(row["source"]) else "guide-dev"
        assert row["split"] == expected, row["id"]


def test_the_guide_holdout_holds_every_label() -> None:
    data = guide_rows()
    counts = Counter((row["split"], row["label"]) for row in data)
    for label in ("online", "job", "ok"):
        assert counts[("guide-holdout", label)] >= 10, (label, counts)
        assert counts[("guide-dev", label)] >= 10, (label, counts)
    held = {site(row["source"]) for row in data if row["split"] == "guide-holdout"}
    dev = {site(row["source"]) for row in data if row["split"] == "guide-dev" and row["source"]}
    assert held and dev and not (held & dev)


def test_guide_set_shares_no_site_or_question_with_the_other_corpora() -> None:
    """No site any other corpus cites (fresh.csv's source column included), no shared question."""
    others = rows() + probe_rows() + wide_rows() + reach_rows() + span_rows() + asker_rows()
    sites = {site(row["source"]) for row in others if row["source"]} | fresh_sites()
    questions = {row["question"].casefold() for row in others}
    for row in guide_rows():
        assert not row["source"] or site(row["source"]) not in sites, row["id"]
        assert row["question"].casefold() not in questions, row["id"]


NEW_CORPORA = [Path(__file__).parent / "data" / name for name in ("org.csv", "post.csv")]


def test_guide_set_shares_no_site_or_question_with_this_sessions_other_corpora() -> None:
    """org.csv and post.csv were gathered at the same time; whichever lands later drops the
    rows of a site the other already cites (CORPUS-BRIEF), so a clash fails here."""
    others = [row for path in NEW_CORPORA if path.exists() for row in corpus(path)]
    sites = {site(row["source"]) for row in others if row["source"]}
    questions = {row["question"].casefold() for row in others}
    for row in guide_rows():
        assert not row["source"] or site(row["source"]) not in sites, row["id"]
        assert row["question"].casefold() not in questions, row["id"]


def test_guide_set_shares_no_question_with_the_fresh_set() -> None:
    """Compared casefolded, ids printed only: fresh.csv's questions are never read or shown."""
    fresh = fresh_questions()
    assert not [row["id"] for row in guide_rows() if row["question"].casefold() in fresh]


def test_rows_written_here_stay_at_or_under_a_tenth_of_the_guide_set() -> None:
    data = guide_rows()
    assert sum(row["origin"] == "written-here" for row in data) * 10 <= len(data)
