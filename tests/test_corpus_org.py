"""The org set (tests/data/README.md): questions about the organisation, in many fields.

Facts its website, annual report or a one-line search gives (``online``) and the look-alikes
that stay ``ok`` (a team's size, culture, strategy, the person's view of the place), from
sites no other corpus cites, split by site with a rule fixed before any figure was read.
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

DATA = Path(__file__).parent / "data"
ORG = DATA / "org.csv"
# The two other corpora gathered in the same session; whichever lands later drops its rows
# from a shared site, so each checks against the other once it is on main.
SIBLINGS = (DATA / "guide.csv", DATA / "post.csv")
ORG_MIN_ROWS = 250
ORG_MIN_SITES = 45
ORG_MIN_FIELDS = 10
FIELDS = {
    "law", "health", "tech", "finance", "business", "nonprofit", "government", "education",
    "higher-ed", "engineering", "science", "marketing", "media", "trades", "arts", "design",
    "architecture", "hospitality", "retail", "social work", "library", "agriculture", "sports",
    "religion", "general",
}  # fmt: skip


def org_rows() -> list[dict[str, str]]:
    return corpus(ORG)


def sibling_rows() -> list[dict[str, str]]:
    return [row for path in SIBLINGS if path.exists() for row in corpus(path)]


def org_held_out(source: str) -> bool:
    return int(hashlib.sha256(site(source).encode()).hexdigest(), 16) % 3 == 0


def test_org_set_has_its_size_sites_and_fields() -> None:
    data = org_rows()
    assert len(data) >= ORG_MIN_ROWS
    quoted = [row for row in data if row["origin"] != "written-here"]
    assert len({site(row["source"]) for row in quoted}) >= ORG_MIN_SITES
    assert len({row["field"] for row in data if row["field"] != "general"}) >= ORG_MIN_FIELDS


def test_org_set_is_about_the_organisation_online_and_ok() -> None:
    """Online facts are 35-55% of the set; the rest are mostly ok look-alikes, not job rows."""
    labels = Counter(row["label"] for row in org_rows())
    total = sum(labels.values())
    assert 0.35 * total <= labels["online"] <= 0.55 * total, labels
    assert labels["ok"] > 2 * labels["job"], labels


def test_every_org_row_is_well_formed() -> None:
    data = org_rows()
    assert [row["id"] for row in data] == [f"o{n:03d}" for n in range(1, len(data) + 1)]
    assert len({row["question"].casefold() for row in data}) == len(data)
    for row in data:
        assert row["label"] in {"online", "job", "ok"}, row["id"]
        assert row["origin"] in {"quoted", "adapted", "written-here"}, row["id"]
        assert bool(row["source"]) == (row["origin"] != "written-here"), row["id"]
        assert not row["source"] or row["source"].startswith(("http://", "https://")), row["id"]
        assert row["field"] in FIELDS, row["id"]
        assert row["question"].strip() == row["question"] and row["question"], row["id"]
        assert "\u2019" not in row["question"] and "\u2018" not in row["question"], row["id"]


def test_each_org_source_has_one_field() -> None:
    fields: dict[str, set[str]] = {}
    for row in org_rows():
        if row["source"]:
            fields.setdefault(row["source"], set()).add(row["field"])
    assert {source: names for source, names in fields.items() if len(names) > 1} == {}


def test_org_split_follows_the_hash_of_the_site() -> None:
    """A third of the sites by the hash; rows written here never measure."""
    for row in org_rows():
        if not row["source"]:
            assert row["split"] == "org-dev", row["id"]
            continue
        expected = "org-holdout" if org_held_out(row["source"]) else "org-dev"
        assert row["split"] == expected, row["id"]


def test_the_org_holdout_holds_every_label() -> None:
    data = org_rows()
    counts = Counter((row["split"], row["label"]) for row in data)
    for label in ("online", "job", "ok"):
        assert counts[("org-holdout", label)] >= 10, label
    assert counts[("org-dev", "online")] >= 25 and counts[("org-dev", "ok")] >= 25
    held = {site(row["source"]) for row in data if row["split"] == "org-holdout"}
    dev = {site(row["source"]) for row in data if row["split"] == "org-dev" and row["source"]}
    assert len(held) >= 15 and len(dev) >= 15 and not held & dev


def test_org_set_shares_no_site_or_question_with_the_other_corpora() -> None:
    """No site or question of any other corpus (fresh.csv's compared, never printed)."""
    others = rows() + probe_rows() + wide_rows() + reach_rows() + span_rows() + asker_rows()
    others += sibling_rows()
    sites = {site(row["source"]) for row in others if row["source"]} | fresh_sites()
    questions = {row["question"].casefold() for row in others} | fresh_questions()
    shared = [
        row["id"]
        for row in org_rows()
        if (row["source"] and site(row["source"]) in sites)
        or row["question"].casefold() in questions
    ]
    assert shared == []


def test_rows_written_here_stay_at_or_under_a_tenth_of_the_org_set() -> None:
    data = org_rows()
    assert sum(row["origin"] == "written-here" for row in data) * 10 <= len(data)
