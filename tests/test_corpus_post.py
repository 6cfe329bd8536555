"""The post set (``tests/data/post.csv``): questions that seek or presume the post, and the
look-alikes that stay ok, split by site with a rule fixed before any figure was read."""

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

DATA = Path(__file__).parent / "data"
POST = DATA / "post.csv"
# The two other corpora gathered in the same session; each is checked once it has landed.
SIBLINGS = (DATA / "guide.csv", DATA / "org.csv")

MIN_ROWS = 400
MIN_SITES = 70
MIN_FIELDS = 10  # besides "general"
HOLDOUT_MIN = 10  # rows of each label the set is about, in the holdout
FIELDS = {
    "law", "health", "tech", "finance", "business", "nonprofit", "government", "education",
    "higher-ed", "engineering", "science", "marketing", "media", "trades", "arts", "design",
    "architecture", "hospitality", "retail", "social work", "library", "agriculture", "sports",
    "religion", "general",
}  # fmt: skip


def post_rows() -> list[dict[str, str]]:
    return corpus(POST)


def post_held_out(source: str) -> bool:
    return int(hashlib.sha256(site(source).encode()).hexdigest(), 16) % 3 == 0


def sibling_rows() -> list[dict[str, str]]:
    return [row for path in SIBLINGS if path.exists() for row in corpus(path)]


def test_post_set_has_its_size_sites_and_fields() -> None:
    data = post_rows()
    assert len(data) >= MIN_ROWS
    assert len({site(row["source"]) for row in data if row["source"]}) >= MIN_SITES
    assert len({row["field"] for row in data} - {"general"}) >= MIN_FIELDS


def test_job_rows_are_between_a_third_and_a_half_of_the_post_set() -> None:
    """The set is about the post, and its look-alikes matter as much: 35-55% job."""
    data = post_rows()
    jobs = sum(row["label"] == "job" for row in data)
    assert 35 * len(data) <= 100 * jobs <= 55 * len(data), (jobs, len(data))


def test_every_post_row_is_well_formed() -> None:
    data = post_rows()
    assert [row["id"] for row in data] == [f"j{n:03d}" for n in range(1, len(data) + 1)]
    assert len({row["question"].casefold() for row in data}) == len(data)
    for row in data:
        assert row["label"] in {"online", "job", "ok"}, row["id"]
        assert row["origin"] in {"quoted", "adapted", "written-here"}, row["id"]
        assert bool(row["source"]) == (row["origin"] != "written-here"), row["id"]
        assert not row["source"] or row["source"].startswith(("http://", "https://")), row["id"]
        assert row["question"].strip() == row["question"] and row["question"], row["id"]
        assert row["field"] in FIELDS, row["id"]
        assert not {"\u2018", "\u2019"} & set(row["question"]), "apostrophes are made straight"


def test_each_post_source_has_one_field() -> None:
    fields: dict[str, set[str]] = {}
    for row in post_rows():
        if row["source"]:
            fields.setdefault(row["source"], set()).add(row["field"])
    assert all(len(names) == 1 for names in fields.values()), fields


def test_post_set_shares_no_site_or_question_with_the_other_corpora() -> None:
    """No site any other corpus cites (fresh.csv's source column included), and no question
    any of them has; fresh.csv's questions are compared casefolded and never printed."""
    others = (
        rows() + probe_rows() + wide_rows() + reach_rows() + span_rows() + asker_rows()
        + sibling_rows()
    )  # fmt: skip
    sites = {site(row["source"]) for row in others if row["source"]} | fresh_sites()
    questions = {row["question"].casefold() for row in others} | fresh_questions()
    shared = [
        row["id"]
        for row in post_rows()
        if (row["source"] and site(row["source"]) in sites)
        or row["question"].casefold() in questions
    ]
    assert not shared, shared


def test_post_split_follows_the_hash_of_the_site() -> None:
    """A third of the sites by the hash; rows written here never measure."""
    for row in post_rows():
        if not row["source"]:
            assert row["origin"] == "written-here" and row["split"] == "post-dev", row["id"]
            continue
        expected = "post-holdout" if post_held_out(row["source"]) else "post-dev"
        assert row["split"] == expected, row["id"]


def test_the_post_holdout_holds_job_and_ok_rows_from_sites_of_its_own() -> None:
    data = post_rows()
    counts = Counter((row["split"], row["label"]) for row in data)
    for label in ("job", "ok"):
        assert counts[("post-holdout", label)] >= HOLDOUT_MIN, label
        assert counts[("post-dev", label)] >= HOLDOUT_MIN, label
    held = {site(row["source"]) for row in data if row["split"] == "post-holdout"}
    dev = {site(row["source"]) for row in data if row["split"] == "post-dev" and row["source"]}
    assert held and dev and not (held & dev)


def test_rows_written_here_stay_at_or_under_a_tenth_of_the_post_set() -> None:
    data = post_rows()
    assert sum(row["origin"] == "written-here" for row in data) * 10 <= len(data)
