"""The command line as a user types it: outputs, the CSV/JSON contract, and clear errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from natospend.cli import main
from tests.conftest import needs_raw
from tests.test_importers import XLSX_2024


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_expenditure_csv_contract_for_one_ally():
    r = run("data", "expenditure", "--ally", "POL", "--format", "csv")
    assert r.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(r.output)))
    required = {"iso3", "year", "edition", "share_of_gdp_pct", "usd_current_m", "usd_constant_m",
                "constant_price_year", "equipment_share_pct", "estimate", "source"}
    assert required <= set(rows[0])
    assert {row["iso3"] for row in rows} == {"POL"}
    assert all(row["source"] for row in rows)


def test_expenditure_json_and_jsonl_carry_the_same_fields():
    j = json.loads(run("data", "expenditure", "--year", "2025", "--format", "json").output)
    lines = run("data", "expenditure", "--year", "2025", "--format", "jsonl").output.splitlines()
    assert len(j["rows"]) == len(lines)
    assert set(j["rows"][0]) == set(json.loads(lines[0]))
    missing = [r for r in j["rows"] if r["iso3"] == "ISL"]
    assert missing == []


def test_compliance_json_has_the_documented_fields():
    r = run("compliance", "--target", "2", "--year", "2024", "--edition", "2024-06",
            "--format", "json")
    body = json.loads(r.output)
    for key in ("target", "year", "edition", "count", "total", "meeting", "not_meeting",
                "no_figure"):
        assert key in body
    assert (body["count"], body["total"], body["no_figure"]) == (23, 32, ["ISL"])


def test_table_output_names_the_source():
    r = run("compliance", "--target", "3.5", "--year", "2025")
    assert r.exit_code == 0
    assert "of 32 allies" in r.output and "Source: NATO" in r.output


def test_ally_profile_and_unknown_ally():
    r = run("ally", "Poland")
    assert r.exit_code == 0 and "Poland (POL)" in r.output and "Revisions of" in r.output
    bad = run("ally", "Narnia")
    assert bad.exit_code == 1
    assert "unknown country 'Narnia'" in bad.output and "Traceback" not in bad.output


def test_year_and_edition_without_data_exit_non_zero():
    r = run("data", "expenditure", "--year", "1990")
    assert r.exit_code == 1 and "no figures for 1990" in r.output
    r = run("data", "expenditure", "--edition", "2030-01")
    assert r.exit_code == 1 and "editions held" in r.output


def test_validate_passes_on_the_shipped_data():
    r = run("validate")
    assert r.exit_code == 0, r.output
    assert "0 failures" in r.output


def test_import_of_a_binary_file_is_refused_and_writes_nothing(tmp_path: Path,
                                                               isolated_user_data: Path):
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(bytes(range(256)) * 10)
    r = run("import", "nato-xlsx", str(bad), "--edition", "2027-06", "--title", "t",
            "--published", "2027-06-01", "--url", "https://example.org")
    assert r.exit_code == 1 and "not an Excel" in r.output
    assert not (isolated_user_data / "editions" / "2027-06").exists()


@needs_raw
def test_import_a_workbook_as_a_new_edition_then_use_it(isolated_user_data: Path):
    args = ["import", "nato-xlsx", str(XLSX_2024), "--edition", "2027-06", "--title",
            "Re-import test", "--published", "2027-06-01", "--url", "https://example.org/x.xlsx"]
    r = run(*args)
    assert r.exit_code == 0, r.output
    listed = json.loads(run("data", "editions", "--format", "json").output)["rows"]
    assert "2027-06" in {e["id"] for e in listed}
    body = json.loads(run("compliance", "--edition", "2027-06", "--year", "2024",
                          "--format", "json").output)
    assert body["count"] == 23
    again = run(*args)
    assert again.exit_code == 1 and "never overwritten" in again.output


def test_import_refuses_an_existing_edition_id(tmp_path: Path):
    r = run("import", "nato-xlsx", str(tmp_path / "none.xlsx"), "--edition", "2024-06",
            "--title", "t", "--published", "2024-06-17", "--url", "https://example.org")
    assert r.exit_code == 1 and "already exists" in r.output


def test_export_sqlite_holds_every_table(tmp_path: Path):
    import sqlite3

    db = tmp_path / "out.db"
    r = run("export", "sqlite", str(db))
    assert r.exit_code == 0, r.output
    with sqlite3.connect(db) as conn:
        names = {n for (n,) in conn.execute("select name from sqlite_master where type='table'")}
        assert {"expenditure", "observations", "editions", "aid_packages"} <= names
        share = conn.execute("select share_of_gdp_pct from expenditure where iso3='POL' and "
                             "year=2024 and edition='2024-06'").fetchone()[0]
    assert round(share, 2) == 4.12
    assert not list(tmp_path.glob(".out.db*"))  # no temporary file left behind


def test_export_where_it_cannot_be_written_is_one_line_and_nothing_left(tmp_path: Path):
    a_file = tmp_path / "a_file"
    a_file.write_text("not a folder")
    folder = tmp_path / "folder"
    folder.mkdir()
    r = run("export", "csv", str(a_file / "out.csv"))  # under a file: no folder can be made
    assert r.exit_code == 1
    assert f"cannot write {a_file / 'out.csv'}" in r.output and "Traceback" not in r.output
    r = run("export", "csv", str(folder))  # a folder of that name: click's own check refuses
    assert r.exit_code == 2 and "is a directory" in r.output
    assert a_file.read_text() == "not a folder"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a_file", "folder"]


def test_check_batch_bad_files_get_one_line_and_no_output(tmp_path: Path):
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b'{"text": "Poland spends 4.1% of GDP."}\n\x00\x01\x02')
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes('{"text": "café"}\n'.encode("latin-1"))
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    for path, message in ((binary, "binary"), (latin, "not UTF-8"), (empty, "empty")):
        r = run("check", "--input", str(path), "--format", "jsonl")
        assert r.exit_code == 1
        assert message in r.output and "Traceback" not in r.output
        assert '"quote"' not in r.output  # nothing half-written before the refusal
    r = run("check", "--input", str(tmp_path / "missing.jsonl"), "--format", "jsonl")
    assert r.exit_code == 2 and "does not exist" in r.output


def test_check_batch_reports_a_bad_line_and_checks_the_rest(tmp_path: Path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text('not json\n{"id": "a", "text": "Poland spends 4.1% of GDP on defence in '
                     '2024.", "published": "2024-07-01"}\n')
    r = CliRunner().invoke(main, ["check", "--input", str(batch), "--format", "jsonl"])
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert r.exit_code == 1
    assert rows[0]["error"].startswith("line 1:")
    assert rows[1]["id"] == "a" and rows[1]["verdict"] == "supported"


def test_years_in_tables_read_as_years():
    # pledges' deadline_year is a float column (some pledges have none): it printed '2,025.00'
    out = run("ally", "Poland").output
    assert "2,025.00" not in out and "2,026.00" not in out
    assert any(line.count("2026") and "national" in line for line in out.splitlines())


def test_check_shows_each_claims_confidence_and_filters_on_a_minimum(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text("Poland spends 4.1% of GDP on defence and aims for 5% by 2026. The Dutch "
                       "plan costs from 16 billion euros a year. Canada will reach 2% by 2027, "
                       "while France spends about 2%.")
    every = run("check", str(article), "--published", "2025-06-01", "--min-confidence", "0")
    assert every.exit_code == 0 and "confidence 0." in every.output
    rows = json.loads(run("check", str(article), "--published", "2025-06-01", "--format",
                          "json", "--min-confidence", "0").output)["rows"]
    cut = max(r["confidence"] for r in rows)
    kept = json.loads(run("check", str(article), "--published", "2025-06-01", "--format",
                          "json", "--min-confidence", str(cut)).output)["rows"]
    assert [r["quote"] for r in kept] == [r["quote"] for r in rows if r["confidence"] >= cut]
    assert len(kept) < len(rows)
    # by default the report leaves out the claims below 0.8, and says how many
    below = sum(r["confidence"] < 0.8 for r in rows)
    assert below  # the article holds such a claim
    default = run("check", str(article), "--published", "2025-06-01")
    assert f"{len(rows) - below} claims found" in default.output
    assert f"{below} more whose type the checker is less than 0.80 sure of are left out" in \
        default.output
    summary = json.loads(run("check", str(article), "--published", "2025-06-01", "--format",
                             "json").output)
    assert (summary["min_confidence"], summary["left_out"]) == (0.8, below)
    for args, message in ((("--min-confidence", "2"), "not between 0 and 1"),
                          (("--rules-only", "--min-confidence", "0.5"), "needs the learned")):
        r = run("check", str(article), *args)
        assert r.exit_code == 1 and message in r.output and "Traceback" not in r.output


def _commands(group, path=()):
    import click
    for name, cmd in group.commands.items():
        yield (*path, name), cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, (*path, name))


def test_every_help_example_keeps_one_command_a_line():
    # Click rewraps a help paragraph unless a '\b' line guards it: examples then ran together
    # ('natospend gap --target 3.5 ...     natospend gap --target 5 ...')
    seen = 0
    for path, _ in _commands(main):
        result = run(*path, "--help")
        assert result.exit_code == 0, path
        lines = result.output.split("Example", 1)[-1].split("Options:", 1)[0].splitlines()
        for line in lines:
            assert line.count("natospend ") <= 1, (path, line)
            seen += "natospend " in line
    assert seen >= 20


def test_check_without_a_date_says_what_a_date_would_resolve(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text("Poland will spend 4.7% of GDP on defence this year.")
    undated = run("check", str(article))
    assert undated.exit_code == 0 and "Give --published YYYY-MM-DD" in undated.output
    dated = run("check", str(article), "--published", "2025-06-01")
    assert "Give --published" not in dated.output


def test_check_marks_evidence_that_is_natos_estimate(tmp_path: Path):
    """The report's evidence lines say what the JSON's evidence notes say ('NATO estimate'),
    not only the reason of a share."""
    article = tmp_path / "cz.txt"
    article.write_text("The Czech government will not increase defense spending beyond the "
                       "planned 155 billion Czech koruna ($7 billion) for 2026 -- about 1.73% "
                       "of gross domestic product.")
    rows = json.loads(run("check", str(article), "--published", "2026-08-01", "--format",
                          "json").output)["rows"]
    notes = [ev["note"] for r in rows for ev in r["latest"]["evidence"]]
    assert notes and all(n == "NATO estimate" for n in notes)
    text = run("check", str(article), "--published", "2026-08-01").output
    lines = [line for line in text.splitlines() if line.strip().startswith("evidence:")]
    assert len(lines) == len(notes) * 2  # the edition at publication is the latest
    assert all("(NATO estimate)" in line for line in lines)
