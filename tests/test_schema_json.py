"""``infoview schema``: the JSON Schema of the front matter, read back with jsonschema.

It must accept the shipped examples, reject broken front matter, and agree with IV002
case by case: valid under the schema exactly when lint reports no IV002.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from infoview import lint, schema
from infoview.cli import cli
from infoview.config import Config
from infoview.keys import CHILDREN, DOCS, KINDS, all_keys
from infoview.parse import parse_text

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture  # per test, so per-test coverage (make mutate) ties each to the schema's code
def validator() -> Draft202012Validator:
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(document)
    return Draft202012Validator(document)


class _DatesAsText(yaml.SafeLoader):
    """YAML read safely, with dates kept as the text written (as JSON has no dates)."""


_DatesAsText.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


def instance(front: str) -> Any:
    """The front matter as a JSON tool sees it."""
    return json.loads(json.dumps(yaml.load(front, Loader=_DatesAsText)))


def iv002(front: str) -> list[str]:
    """The IV002 messages lint gives for this front matter (default settings)."""
    text = f"---\n{front}---\n"
    config = Config()
    interview = parse_text(text, Path("interviews/x.md"))
    assert not [p for p in interview.problems if p.code == "IV001"], interview.problems
    found = lint.check(interview, lint.context(config, None), lint.selection(config), "x.md")
    return [d.message for d in found if d.code == "IV002"]


def front_of(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text.split("---\n", 2)[1]


@pytest.mark.parametrize("path", sorted((ROOT / "interviews").glob("*.md")), ids=lambda p: p.name)
def test_the_examples_are_valid(validator: Draft202012Validator, path: Path) -> None:
    front = front_of(path)
    assert list(validator.iter_errors(instance(front))) == []
    assert iv002(front) == []


VALID = [
    "",
    "interviewer:\nmeeting:\nfollow_up:\nlint:\n",
    "interviewer:\n  name: NO\n  phone: 5035550142\n",
    "interviewer:\n  address: |\n    1 Main St\n    Portland\n",
    "meeting:\n  date: 2026-12-03\n",
    "meeting:\n  date: 2026-12-03T10:00\n",
    "meeting:\n  date: 2026-12-03 10:00:00\n",
    "meeting:\n  date: 2026-12-03T10:00-08:00\n",
    "meeting:\n  date: '2026-02-28'\n",
    "meeting:\n  duration: 45 min\n",
    "meeting:\n  duration: 1h\n",
    "meeting:\n  duration: 1.5 Hours\n",
    "meeting:\n  duration: 30\n",
    "meeting:\n  duration: 30.0\n",
    "meeting:\n  mode: Video\n",
    "meeting:\n  mode: in person\n",
    "meeting:\n  mode: zoom\n",
    "formality: ''\n",
    "formality:  INFORMAL\n",
    "status: cancelled\n",
    "follow_up:\n  may_contact_again: yes\n",
    "follow_up:\n  may_contact_again: y\n",
    "follow_up:\n  may_contact_again: Off\n",
    "follow_up:\n  thank_you_sent: 2026-12-04\n  thank_you_via: Email\n",
    "follow_up:\n  keep_in_touch:\n    - Told her\n    - date: 2026-12-01\n      note: hi\n",
    "learning_goals: Learn how this firm uses paralegals.\n",
    "tags: [a, 1, true]\n",
    "lint: {ignore: [iv303, answerable-online, ' IV104 ']}\n",
    "lint:\n  ignore: IV303\n",
    "referrals:\n  - Sam Ortiz\n  - name: Lee Chan\n    file: 2026-10-02-lee-chan.md\n",
    "referred_by: 2026-10-02-lee-chan.md\n",
]

INVALID = [
    "interviewer: Dana\n",
    "interviewer:\n  name: [Dana, Whitfield]\n",
    "interviewer:\n  nmae: Dana\n",
    "colour: blue\n",
    "meeting:\n  date: 2026-02-30\n",
    "meeting:\n  date: 2026-13-01\n",
    "meeting:\n  date: tomorrow\n",
    "meeting:\n  date: ''\n",
    "meeting:\n  date: 2026-12-03T25:00\n",
    "meeting:\n  duration: 0\n",
    "meeting:\n  duration: 0.5\n",
    "meeting:\n  duration: 2000\n",
    "meeting:\n  duration: -5\n",
    "meeting:\n  duration: half an hour\n",
    "meeting:\n  duration: true\n",
    "meeting:\n  mode: carrier pigeon\n",
    "meeting:\n  location: {street: Main}\n",
    "formality: yes\n",
    "status: postponed\n",
    "follow_up:\n  may_contact_again: maybe\n",
    "follow_up:\n  may_contact_again: 1\n",
    "follow_up:\n  may_contact_again: ''\n",
    "follow_up:\n  thank_you_via: fax\n",
    "follow_up:\n  thank_you_sent: last week\n",
    "follow_up:\n  keep_in_touch: Told her\n",
    "follow_up:\n  keep_in_touch:\n    - date: soon\n",
    "follow_up:\n  keep_in_touch:\n    - when: 2026-12-01\n",
    "learning_goals:\n  first: Learn\n",
    "tags: [[nested]]\n",
    "lint: {ignore: [IV999]}\n",
    "lint: {ignore: [answerable_online]}\n",
    "lint:\n  select: [IV303]\n",
    "referrals:\n  - note: no name\n",
    "referrals:\n  - name: ''\n",
    "referrals:\n  - name: Sam\n    phone: 1\n",
    "referred_by: [a.md]\n",
]


@pytest.mark.parametrize("front", VALID)
def test_valid_front_matter_passes_and_lint_agrees(
    validator: Draft202012Validator, front: str
) -> None:
    errors = [e.message for e in validator.iter_errors(instance(front))]
    assert (errors, iv002(front)) == ([], [])


@pytest.mark.parametrize("front", INVALID)
def test_broken_front_matter_fails_and_lint_agrees(
    validator: Draft202012Validator, front: str
) -> None:
    assert list(validator.iter_errors(instance(front))) != []
    assert iv002(front) != []


def test_every_key_the_reader_knows_is_in_the_schema_with_its_description(
    validator: Draft202012Validator,
) -> None:
    properties = validator.schema["properties"]
    for name in schema.TOP_KEYS:
        assert properties[name]["description"] == DOCS[name]
    for name in schema.INTERVIEWER_KEYS:
        assert name in properties["interviewer"]["properties"]
    for name in schema.MEETING_KEYS:
        assert name in properties["meeting"]["properties"]
    for name in schema.FOLLOW_UP_KEYS:
        assert name in properties["follow_up"]["properties"]
    referral = properties["referrals"]["anyOf"][1]["items"]["anyOf"][1]
    assert set(referral["properties"]) == set(schema.REFERRAL_KEYS)


def test_every_key_has_a_one_line_description() -> None:
    missing = [k.path for k in all_keys() if not k.doc]
    assert missing == [], (
        f"infoview/keys.py DOCS has no description for {missing}: add one line saying "
        "what the key means (hover and 'infoview schema' show it)"
    )
    assert all("\n" not in doc and len(doc) <= 100 for doc in DOCS.values())


def test_the_tables_name_only_real_keys() -> None:
    known = {k.path for k in all_keys()} | {f"{p}" for p in CHILDREN if p}
    assert set(KINDS) <= known
    assert set(DOCS) <= known
    assert {k for k, kind in KINDS.items() if kind == "mapping"} <= set(CHILDREN)


def test_the_schema_is_stable_text() -> None:
    first = CliRunner().invoke(cli, ["schema"]).output
    assert first == CliRunner().invoke(cli, ["schema"]).output
    assert first.endswith("}\n")
    assert textwrap.dedent(first) == first
