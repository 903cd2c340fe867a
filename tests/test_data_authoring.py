"""For data authors: validate, schema, and a second career set that needs no code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import BUNDLED, Invoke
from tests.second_career import SECOND_CAREER

QUERY_COMMANDS = [
    ["salary"],
    ["salary", "--level", "associate"],
    ["path"],
    ["path", "--level", "starting"],
    ["skills"],
    ["education"],
    ["resources"],
    ["role"],
    ["outlook"],
    ["jobs"],
    ["internships"],
    ["sources"],
    ["search", "airflow"],
]


@pytest.fixture
def second_career(tmp_path: Path) -> Path:
    path = tmp_path / "data_engineer.toml"
    path.write_text(SECOND_CAREER, encoding="utf-8")
    return path


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = BUNDLED.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "broken.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_validate_the_bundled_file(cli: Invoke) -> None:
    result = cli("validate", str(BUNDLED))
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{BUNDLED}: valid. Machine Learning Engineer: 3 sources, 7 pay figures, 6 rungs,")


def test_validate_bad_syntax_names_the_line(cli: Invoke, tmp_path: Path) -> None:
    path = _broken(tmp_path, 'id = "ml-engineer"', 'id = "ml-engineer')
    result = cli("validate", str(path))
    assert result.exit_code == 1
    line = path.read_text(encoding="utf-8").splitlines().index('id = "ml-engineer') + 1
    assert result.stdout == f"{path}:{line}: invalid TOML: Illegal character '\\n'\n"
    assert "1 problem found." in result.stderr


def test_validate_wrong_type_missing_and_unknown_fields_all_at_once(cli: Invoke, tmp_path: Path) -> None:
    path = _broken(tmp_path, "amount = 118000", 'amount = "118,000"')
    text = path.read_text(encoding="utf-8")
    text = text.replace('title = "Junior Machine Learning Engineer"\n', "", 1)
    text = text.replace('measure = "Machine learning engineer salary, median"', 'measure = "x"\nmeasured = "typo"', 1)
    path.write_text(text, encoding="utf-8")
    result = cli("validate", str(path))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path}: pay.figures.0.amount: Input should be a valid integer (got '118,000')",
        f"{path}: pay.figures.1.measured: unknown field (not part of the schema; check its spelling)",
        f"{path}: ladder.0.title: required field is missing",
    ]
    assert "3 problems found." in result.stderr


def test_validate_broken_references(cli: Invoke, tmp_path: Path) -> None:
    path = _broken(tmp_path, 'rung = "senior"', 'rung = "seniour"')
    result = cli("validate", str(path))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path}: pay.levels.2.rung: unknown rung 'seniour'",
        f"{path}: pay.levels.2.aliases: the name 'senior' already names another level",
    ]


def test_validate_json(cli: Invoke, tmp_path: Path) -> None:
    path = _broken(tmp_path, 'source = "002_24690a93214ad022"', 'source = "nowhere"')
    result = cli("validate", str(path), "--json")
    assert result.exit_code == 1
    document = result.json()
    assert isinstance(document, dict)
    assert document["valid"] is False
    assert document["problems"][0]["where"] == "pay.figures.4.source"


def test_other_commands_name_the_file_and_field(cli: Invoke, tmp_path: Path) -> None:
    path = _broken(tmp_path, "amount = 118000", "amount = -5")
    result = cli("--data", str(path), "salary")
    assert result.exit_code == 1
    assert result.stderr == f"mlcareer: {path}: pay.figures.0.amount: Input should be greater than 0 (got -5)\n"


def test_schema_is_a_json_schema_that_describes_the_file(cli: Invoke) -> None:
    result = cli("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "CareerData"
    assert set(schema["required"]) == {"schema_version", "career", "sources"}
    assert schema["$defs"]["PayFigure"]["additionalProperties"] is False


@pytest.mark.parametrize("command", QUERY_COMMANDS, ids=" ".join)
def test_every_query_command_works_on_a_second_career(cli: Invoke, second_career: Path, command: list[str]) -> None:
    by_option = cli("--data", str(second_career), *command)
    assert by_option.exit_code == 0, by_option.stderr
    by_environment = cli(*command, env={"MLCAREER_DATA": str(second_career)})
    assert by_environment.stdout == by_option.stdout
    as_json = cli("--data", str(second_career), *command, "--json")
    assert as_json.exit_code == 0
    assert isinstance(as_json.json(), dict)


def test_second_career_figures_and_literal_markup(cli: Invoke, second_career: Path) -> None:
    salary = cli("--data", str(second_career), "salary")
    assert "50,000 EUR" in salary.stdout and "1.25x" in salary.stdout
    assert "Data Engineer salary" in salary.stdout
    path = cli("--data", str(second_career), "path", "--sources")
    assert "Maintains pipelines [bold]under guidance[/bold]." in path.stdout
    assert "Machine Learning" not in path.stdout + salary.stdout
    assert cli("--data", str(second_career), "validate").stdout.startswith(f"{second_career}: valid. Data Engineer:")


def _with(tmp_path: Path, old: str, new: str) -> Path:
    changed = tmp_path / "career.toml"
    text = BUNDLED.read_text(encoding="utf-8")
    assert old in text
    changed.write_text(text.replace(old, new, 1), encoding="utf-8")
    return changed


def test_mlcareer_own_words_need_a_reason(cli: Invoke, tmp_path: Path) -> None:
    data = _with(tmp_path, 'id = "average"\n', 'id = "average"\nprovenance = "mlcareer"\n')
    result = cli("validate", str(data))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{data}: pay.levels.")
    assert "unknown field" in result.stdout  # a pay level has no words of its own to attribute
    data = _with(tmp_path, 'statement = "I enjoy working', 'provenance = "mlcareer"\nstatement = "I enjoy working')
    result = cli("validate", str(data))
    assert result.exit_code == 1
    assert result.stdout == f"{data}: fit.0.reason: these are mlcareer's own words: say why in reason\n"


def test_an_unknown_provenance_kind_is_named(cli: Invoke, tmp_path: Path) -> None:
    data = _with(tmp_path, 'statement = "I enjoy working', 'provenance = "rumour"\nstatement = "I enjoy working')
    result = cli("validate", str(data))
    assert result.exit_code == 1
    assert result.stdout == (
        f"{data}: fit.0.provenance: unknown provenance 'rumour': a data file's words are 'article' or 'mlcareer'\n"
    )


def test_a_rung_match_and_an_address_need_their_reasons(cli: Invoke, tmp_path: Path) -> None:
    text = BUNDLED.read_text(encoding="utf-8")
    reasons = [line for line in text.splitlines() if line.startswith(("rung_reason", "url_reason"))]
    stripped = tmp_path / "career.toml"
    stripped.write_text("\n".join(line for line in text.splitlines() if line not in reasons), encoding="utf-8")
    result = cli("validate", str(stripped))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    matching = "matching a level to a rung is mlcareer's reading: say why in rung_reason"
    assert f"{stripped}: pay.levels.0.rung_reason: {matching}" in lines
    assert f"{stripped}: resources.0.url_reason: an address is mlcareer's addition: say why in url_reason" in lines
    assert len(lines) == len(reasons)


def test_a_quote_citing_an_unknown_source_is_named(cli: Invoke, tmp_path: Path) -> None:
    data = _with(
        tmp_path,
        'solving complex problems [...]"\nsource = "000_',
        'solving complex problems [...]"\nsource = "999_',
    )
    result = cli("validate", str(data))
    assert result.exit_code == 1
    assert f"{data}: fit.0.source: unknown source '999_8041139819ee8e8c'" in result.stdout
