"""``infoview.toml``: strict validation with messages naming the file, key, line and fix,
and finding the workspace by walking up from the current folder (or ``--workspace``)."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from infoview.config import (
    Config,
    LintConfig,
    PacketConfig,
    Profile,
    ThanksConfig,
    find_config,
    load_config,
    parse_config,
)
from infoview.errors import ConfigError, UsageError
from infoview.workspace import open_workspace

PATH = Path("/ws/infoview.toml")

SPEC_CONFIG = '''\
timezone = "America/Los_Angeles"        # IANA name; naive meeting times are in this zone

[profile]                                # you, the person asking for the interview
name = "Alex Rivera"
email = "alex.rivera@example.edu"
phone = "+1 503 555 0100"
program = "Paralegal Studies, Portland Community College"
intro = """Two or three sentences: who you are, your education and work background."""

[lint]
select = []            # empty = all rules
ignore = ["IV104"]     # codes or slugs
thank_you_days = 2     # the guide: within 1-2 days
keep_in_touch_days = 90

[lint.severity]
IV504 = "warning"

[packet]
paper = "letter"       # letter | a4
stylesheet = "styles/packet.css"

[thanks]
signature = "Alex"
informal = "card"      # the guide pairs a relaxed meeting with a handwritten note
formal = "email"       # and a businesslike one with an email
'''

SPEC_EXPECTED = Config(
    path=PATH,
    timezone="America/Los_Angeles",
    profile=Profile(
        name="Alex Rivera",
        email="alex.rivera@example.edu",
        phone="+1 503 555 0100",
        program="Paralegal Studies, Portland Community College",
        intro="Two or three sentences: who you are, your education and work background.",
    ),
    lint=LintConfig(
        select=(),
        ignore=("IV104",),
        thank_you_days=2,
        keep_in_touch_days=90,
        severity={"IV504": "warning"},
    ),
    packet=PacketConfig(paper="letter", stylesheet="styles/packet.css"),
    thanks=ThanksConfig(signature="Alex", informal="card", formal="email"),
)


def error_of(text: str) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        parse_config(text, PATH)
    return info.value


# -- valid configs -----------------------------------------------------------------------------


def test_spec_config_loads_into_the_dataclasses() -> None:
    config = parse_config(SPEC_CONFIG, PATH)
    assert config == SPEC_EXPECTED
    assert config.tz == ZoneInfo("America/Los_Angeles")
    assert config.thanks.pairing() == {"informal": "card", "formal": "email"}


def test_load_config_reads_the_file(tmp_path: Path) -> None:
    path = tmp_path / "infoview.toml"
    path.write_text(SPEC_CONFIG, encoding="utf-8")
    config = load_config(path)
    assert config.path == path
    assert config.profile == SPEC_EXPECTED.profile
    assert config.lint == SPEC_EXPECTED.lint


def test_load_config_accepts_a_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "infoview.toml"
    path.write_bytes(b"\xef\xbb\xbf" + SPEC_CONFIG.replace("\n", "\r\n").encode())
    config = load_config(path)
    assert config.timezone == "America/Los_Angeles"
    assert config.profile.intro == SPEC_EXPECTED.profile.intro


def test_empty_config_is_all_defaults() -> None:
    config = parse_config("", PATH)
    assert config == Config(path=PATH)
    assert config.timezone == "UTC"
    assert config.lint == LintConfig(thank_you_days=2, keep_in_touch_days=90)
    assert config.packet == PacketConfig(paper="letter", stylesheet="styles/packet.css")
    assert config.thanks.pairing() == {"informal": "card", "formal": "email"}


def test_partial_config_keeps_other_defaults() -> None:
    text = '[packet]\npaper = "a4"\n\n[thanks]\nformal = "card"\ninformal = "email"\n'
    config = parse_config(text, PATH)
    assert config.packet == PacketConfig(paper="a4", stylesheet="styles/packet.css")
    assert config.thanks.pairing() == {"informal": "email", "formal": "card"}
    assert config.profile == Profile()


def test_lint_pattern_lists_and_severity_off() -> None:
    text = (
        "[lint]\n"
        'answerable_online = ["how many offices"]\n'
        'job_seeking = ["hiring"]\n'
        "keep_in_touch_days = 0\n"
        "[lint.severity]\n"
        'IV303 = "off"\n'
        '"IV104" = "error"\n'
    )
    lint = parse_config(text, PATH).lint
    assert lint.answerable_online == ("how many offices",)
    assert lint.job_seeking == ("hiring",)
    assert lint.keep_in_touch_days == 0
    assert lint.severity == {"IV303": "off", "IV104": "error"}


def test_organisation_words_are_read() -> None:
    text = '[lint]\norganisation_words = ["parish", "ward", "co-op", "hôpital"]\n'
    assert parse_config(text, PATH).lint.organisation_words == (
        "parish",
        "ward",
        "co-op",
        "hôpital",
    )


@pytest.mark.parametrize("word", ["our parish", "", "ward!", "a/b", "parish "])
def test_organisation_words_must_be_single_words(word: str) -> None:
    error = error_of(f'[lint]\norganisation_words = ["parish", {word!r}]\n'.replace("'", '"'))
    assert error.line == 2
    assert error.message.startswith(f"'lint.organisation_words': {word!r} is not one word;")
    assert error.exit_code == 2


# -- unknown keys ------------------------------------------------------------------------------

TOP = "timezone, [profile], [lint], [packet], [thanks]"
PROFILE = "name, email, phone, program, intro"
LINT = (
    "select, ignore, thank_you_days, keep_in_touch_days, answerable_online, job_seeking, "
    "organisation_words"
)
PACKET = "paper, stylesheet"
THANKS = "signature, informal, formal, stylesheet"


@pytest.mark.parametrize(
    ("text", "line", "key", "suggestion", "valid"),
    [
        ('timzone = "UTC"\n', 1, "timzone", "timezone", TOP),
        ('tz = "UTC"\n', 1, "tz", None, TOP),
        ('[packets]\npaper = "a4"\n', 1, "packets", "[packet]", TOP),
        ("\n[lint]\nthank_you_dayz = 3\n", 3, "lint.thank_you_dayz", "thank_you_days", LINT),
        ("  [ lint ]\n  ignroe = []\n", 2, "lint.ignroe", "ignore", LINT),
        ('[packet]\npapper = "a4"\n', 2, "packet.papper", "paper", PACKET),
        ('[packet]\npaper = "a4"\n\n[packet.extra]\nx = 1\n', 4, "packet.extra", None, PACKET),
        ('[thanks]\nsignatur = "A"\n', 2, "thanks.signatur", "signature", THANKS),
        ('[profile]\nname = "A"\nemial = "a@b"\n', 3, "profile.emial", "email", PROFILE),
    ],
)
def test_unknown_key_names_file_key_line_and_valid_keys(
    text: str, line: int, key: str, suggestion: str | None, valid: str
) -> None:
    error = error_of(text)
    hint = f"did you mean '{suggestion}'? " if suggestion else ""
    message = f"'{key}': unknown key; {hint}valid keys: {valid}"
    assert (error.path, error.line, error.message) == (PATH, line, message)
    assert str(error) == f"/ws/infoview.toml:{line}: {message}"
    assert error.exit_code == 2


# -- wrong types and choices -------------------------------------------------------------------

THANKS_DAYS = "must be a whole number (0 to 365), not"
TOUCH_DAYS = "must be a whole number (0 to 3650), not"
TEXT = "must be text in quotes, not"
LIST = 'must be a list of text, e.g. ["IV104"], not'
TABLE = "must be a table: write it as a"
SEVERITIES = "error, warning, info, off"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('[lint]\nthank_you_days = "2"\n', 2, f"'lint.thank_you_days': {THANKS_DAYS} '2'"),
        ("[lint]\nthank_you_days = true\n", 2, f"'lint.thank_you_days': {THANKS_DAYS} True"),
        ("[lint]\nthank_you_days = 3000000\n", 2, f"'lint.thank_you_days': {THANKS_DAYS} 3000000"),
        ("[lint]\nthank_you_days = 366\n", 2, f"'lint.thank_you_days': {THANKS_DAYS} 366"),
        ("[lint]\nkeep_in_touch_days = 2.5\n", 2, f"'lint.keep_in_touch_days': {TOUCH_DAYS} 2.5"),
        ("[lint]\nkeep_in_touch_days = -1\n", 2, f"'lint.keep_in_touch_days': {TOUCH_DAYS} -1"),
        ("[lint]\nkeep_in_touch_days = 3651\n", 2, f"'lint.keep_in_touch_days': {TOUCH_DAYS} 3651"),
        (
            "[lint]\nkeep_in_touch_days = 99999999999999999999\n",
            2,
            f"'lint.keep_in_touch_days': {TOUCH_DAYS} 99999999999999999999",
        ),
        ("[profile]\nname = 5\n", 2, f"'profile.name': {TEXT} 5"),
        ("[profile]\nphone = 5035550100\n", 2, f"'profile.phone': {TEXT} 5035550100"),
        ("[thanks]\nsignature = false\n", 2, f"'thanks.signature': {TEXT} False"),
        ('[profile]\nname = ["A"]\n', 2, f"'profile.name': {TEXT} ['A']"),
        ("timezone = 5\n", 1, f"'timezone': {TEXT} 5"),
        ('[lint]\nignore = "IV104"\n', 2, f"'lint.ignore': {LIST} 'IV104'"),
        ('[lint]\nselect = ["IV1", 3]\n', 2, f"'lint.select': {LIST} ['IV1', 3]"),
        ('profile = "Alex"\n', 1, f"'profile' {TABLE} [profile] section"),
        ("\n\n[[lint]]\nselect = []\n", 3, f"'lint' {TABLE} [lint] section"),
        ("[lint]\nseverity = 3\n", 2, f"'lint.severity' {TABLE} [lint.severity] section"),
    ],
)
def test_wrong_type_names_key_line_and_expected_type(text: str, line: int, message: str) -> None:
    error = error_of(text)
    assert (error.path, error.line, error.message) == (PATH, line, message)


@pytest.mark.parametrize(
    ("text", "line", "key", "choices"),
    [
        ('[packet]\npaper = "a5"\n', 2, "packet.paper", "letter, a4"),
        ('[packet]\npaper = "Letter"\n', 2, "packet.paper", "letter, a4"),
        ('[thanks]\ninformal = "letter"\n', 2, "thanks.informal", "card, email"),
        ('[thanks]\n\nformal = "fax"\n', 3, "thanks.formal", "card, email"),
        ('[lint.severity]\nIV504 = "loud"\n', 2, "lint.severity.IV504", SEVERITIES),
    ],
)
def test_invalid_choice_lists_the_valid_ones(text: str, line: int, key: str, choices: str) -> None:
    error = error_of(text)
    value = text.split('"')[1]
    message = f"'{key}': is '{value}'; use one of: {choices}"
    assert (error.line, error.message) == (line, message)
    assert str(error) == f"/ws/infoview.toml:{line}: {message}"


@pytest.mark.parametrize(
    "zone",
    ["Mars/Olympus_Mons", "", "America", "America/", "Pacific Time", "../../etc/passwd", "UTC "],
)
def test_invalid_time_zone(zone: str) -> None:
    error = error_of(f'# my settings\ntimezone = "{zone}"\n')
    assert error.line == 2
    assert error.message == (
        f"'timezone': '{zone}' is not an IANA time zone; use e.g. 'Europe/London'"
    )


@pytest.mark.parametrize("zone", ["UTC", "Europe/London", "America/Los_Angeles", "Asia/Kolkata"])
def test_valid_time_zones(zone: str) -> None:
    config = parse_config(f'timezone = "{zone}"\n', PATH)
    assert config.timezone == zone
    assert config.tz == ZoneInfo(zone)


# -- TOML syntax -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "column", "reason"),
    [
        ('timezone = "UTC"\n[profile]\nname = "Alex\n', 3, 13, "Illegal character '\\n'"),
        ('timezone = "UTC"\ntimezone = "UTC"\n', 2, 17, "Cannot overwrite a value"),
        ('[profile]\nname = "A"\n\n[profile]\n', 4, 9, "Cannot declare ('profile',) twice"),
        ("[lint]\nthank_you_days = \n", 2, 18, "Invalid value"),
        ("[lint\n", 1, 6, "Expected ']' at the end of a table declaration"),
    ],
)
def test_toml_syntax_error_has_its_line(text: str, line: int, column: int, reason: str) -> None:
    error = error_of(text)
    assert (error.line, error.column) == (line, column)
    assert error.message == f"invalid TOML: {reason}"
    assert str(error) == f"/ws/infoview.toml:{line}:{column}: invalid TOML: {reason}"
    assert error.exit_code == 2


def test_unreadable_config_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "infoview.toml"
    path.write_bytes(b'timezone = "Europe/Z\xfcrich"\n')
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.path == path
    assert info.value.message.startswith("cannot read the config: ")
    assert "utf-8" in info.value.message


def test_missing_config_file_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "infoview.toml"
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.path == path
    assert "No such file or directory" in info.value.message


# -- finding the workspace ---------------------------------------------------------------------


def make_workspace(root: Path, timezone: str = "Europe/London") -> Path:
    (root / "interviews").mkdir(parents=True)
    (root / "infoview.toml").write_text(f'timezone = "{timezone}"\n', encoding="utf-8")
    return root


def test_walking_up_from_a_nested_folder_finds_the_workspace(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws")
    nested = root / "interviews" / "2026" / "december"
    nested.mkdir(parents=True)
    workspace = open_workspace(cwd=nested)
    assert workspace.root == root.resolve()
    assert workspace.config.path == root / "infoview.toml"
    assert workspace.config.timezone == "Europe/London"
    assert workspace.interviews_dir == root.resolve() / "interviews"
    assert find_config(nested) == (root / "infoview.toml").resolve()


def test_walking_up_stops_at_the_nearest_workspace(tmp_path: Path) -> None:
    make_workspace(tmp_path / "outer", "Europe/London")
    inner = make_workspace(tmp_path / "outer" / "projects" / "inner", "Asia/Tokyo")
    workspace = open_workspace(cwd=inner / "interviews")
    assert workspace.root == inner.resolve()
    assert workspace.config.timezone == "Asia/Tokyo"


def test_a_folder_named_infoview_toml_is_skipped(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws")
    (root / "interviews" / "infoview.toml").mkdir()
    assert open_workspace(cwd=root / "interviews").root == root.resolve()


def test_workspace_option_uses_that_folder(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws", "Asia/Tokyo")
    elsewhere = make_workspace(tmp_path / "elsewhere", "Europe/London")
    workspace = open_workspace(root, cwd=elsewhere)
    assert workspace.root == root.resolve()
    assert workspace.config.timezone == "Asia/Tokyo"


def test_workspace_option_without_config_is_a_usage_error(tmp_path: Path) -> None:
    folder = tmp_path / "not-a-workspace"
    (folder / "sub").mkdir(parents=True)
    make_workspace(tmp_path / "ws")
    with pytest.raises(UsageError) as info:
        open_workspace(folder, cwd=tmp_path / "ws")
    assert info.value.exit_code == 2
    assert str(info.value) == (
        f"{folder}: no infoview.toml here; run 'infoview init {folder}' to create one"
    )


def test_workspace_option_does_not_walk_up(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws")
    with pytest.raises(UsageError) as info:
        open_workspace(root / "interviews")
    assert info.value.exit_code == 2


def test_no_workspace_anywhere_is_a_usage_error(tmp_path: Path) -> None:
    start = tmp_path / "a" / "b"
    start.mkdir(parents=True)
    if find_config(start) is not None:  # pragma: no cover - a stray file above tmp
        pytest.skip("an infoview.toml exists above the temporary folder")
    with pytest.raises(UsageError) as info:
        open_workspace(cwd=start)
    assert info.value.exit_code == 2
    assert info.value.message == f"no infoview.toml in {start} or any parent folder"
    assert info.value.hint == (
        "run 'infoview init DIR' to create a workspace, or pass --workspace DIR"
    )


def test_invalid_config_in_the_workspace_names_its_file(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws")
    config = root / "infoview.toml"
    config.write_text('timezone = "UTC"\n\n[packet]\npaper = "a5"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        open_workspace(cwd=root / "interviews")
    assert info.value.exit_code == 2
    assert str(info.value) == f"{config}:4: 'packet.paper': is 'a5'; use one of: letter, a4"


def test_workspace_reads_interviews_with_positions(tmp_path: Path) -> None:
    root = make_workspace(tmp_path / "ws")
    path = root / "interviews" / "2026-12-03-dana-whitfield.md"
    path.write_bytes(b"\xef\xbb\xbf---\r\ninterviewer:\r\n  name: NO\r\n---\r\n## Notes\r\n- a\r\n")
    workspace = open_workspace(cwd=root)
    assert workspace.interview_paths() == [path]
    interview = workspace.read(path)
    assert interview.interviewer.name == "NO"
    assert interview.notes[0].span.line == 6
    assert workspace.relative(path) == "interviews/2026-12-03-dana-whitfield.md"
