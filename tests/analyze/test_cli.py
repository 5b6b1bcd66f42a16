"""``compare``, ``policy-diff``, ``timeline``, ``scorecard`` and ``versions`` from the command line."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from minewatch.cli import app

runner = CliRunner()


def run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def test_compare_prints_the_finding_and_jsonl_rows(reviewed):
    url = reviewed.url
    out = run("compare", "USA", "--from", "2014", "--to", "2021-06-30", "--db", url)
    assert "policy 2014 → 2020 loosened; practice unchanged" in out
    rows = {
        r["indicator"]: r
        for r in jsonl(
            run("compare", "USA", "--from", "2014", "--to", "mid-2021", "--db", url, "-f", "jsonl")
        )
    }
    assert rows["use"]["verdict"] == "unchanged" and rows["use"]["policy"]["direction"] == "loosened"
    bad = runner.invoke(app, ["compare", "USA", "--from", "2021", "--to", "2014", "--db", url])
    assert bad.exit_code == 1 and "starts after" in bad.output


def test_policy_diff_timeline_scorecard(reviewed, tmp_path):
    url = reviewed.url
    rows = {
        r["provision"]: r
        for r in jsonl(run("policy-diff", "USA", "2014", "2020", "--db", url, "-f", "jsonl"))
    }
    assert rows["geographic_scope"]["new"]["value"] == "anywhere"
    svg = tmp_path / "stockpile.svg"
    out = run("timeline", "USA", "stockpile", "--svg", str(svg), "--db", url)
    assert "3000000" in out and svg.read_text().lstrip().startswith("<?xml")
    cells = jsonl(run("scorecard", "USA", "--from", "2019", "--to", "2020", "--db", url, "-f", "jsonl"))
    use = next(r for r in cells if r["indicator"] == "use")
    assert use["cells"]["2020"]["verdict"] == "adheres" and use["cells"]["2020"]["facts"]
    assert "no evidence" in run("scorecard", "USA", "--from", "2016", "--to", "2016", "--db", url)


def test_versions_command_without_a_later_edition_fails_clearly(reviewed):
    doc = reviewed.documents()[0]["id"]
    result = runner.invoke(app, ["versions", doc[:10], "--db", reviewed.url])
    assert result.exit_code == 1 and "no later edition" in result.output
