"""``minewatch eval`` prints per-indicator scores and names drifted gold spans."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from minewatch.cli import app
from minewatch.extract.evaluate import span_digest


def test_eval_prints_scores_and_errors(tmp_path) -> None:
    text = "Peru has not used antipersonnel mines since 1995. In 2019, Peru held 2,000 mines."
    (tmp_path / "peru.txt").write_text(text, encoding="utf-8")
    span = (0, 48)
    lines = [
        dict(file="peru.txt", state="PER", indicator="use", value="use", polarity="denied",
             when={"start": "1995-01-01", "end": "2020-01-01", "precision": "since"},
             start=span[0], end=span[1], span_sha1=span_digest(text[span[0] : span[1]])),
        dict(file="peru.txt", state="PER", indicator="transfer", value="transfer", polarity="denied",
             start=0, end=48, span_sha1="000000000000"),
    ]  # fmt: skip
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(gold), "--corpus", str(tmp_path), "--errors"])
    assert result.exit_code == 0, result.output
    assert "overall" in result.output and "use" in result.output
    assert "missed" in result.output and "transfer" in result.output  # the transfer fact is not there
    assert "extra" in result.output and "stockpile" in result.output  # nor is the stockpile in the gold
    assert "no longer matches" in result.output  # the second line's digest is wrong


def test_eval_jsonl_rows(tmp_path) -> None:
    text = "In 2019, Peru held 2,000 mines."
    (tmp_path / "p.txt").write_text(text, encoding="utf-8")
    line = dict(file="p.txt", state="PER", indicator="stockpile", value=2000, unit="mines",
                when={"start": "2019-01-01", "end": "2019-12-31", "precision": "year"}, start=0, end=len(text))  # fmt: skip
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(line), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(gold), "--corpus", str(tmp_path), "--format", "jsonl"])
    rows = [json.loads(x) for x in result.output.splitlines() if x.startswith("{")]
    overall = next(r for r in rows if r["indicator"] == "overall")
    assert (overall["tp"], overall["fp"], overall["fn"]) == (1, 0, 0)
