"""``minewatch profile --format pdf`` and ``minewatch profiles``."""

from __future__ import annotations

from typer.testing import CliRunner

from minewatch import pipeline
from minewatch.cli import app
from tests.conftest import PROFILE

runner = CliRunner()


def test_profile_pdf_and_batch(store, tmp_path) -> None:
    pipeline.ingest_paths(store, [PROFILE])
    out = tmp_path / "USA.pdf"
    r = runner.invoke(app, ["profile", "USA", "--format", "pdf", "-o", str(out), "--db", store.url])
    assert r.exit_code == 0, r.output
    assert out.read_bytes().startswith(b"%PDF")
    r = runner.invoke(app, ["profiles", "-o", str(tmp_path / "all"), "--format", "md", "--db", store.url])
    assert r.exit_code == 0, r.output
    written = sorted(p.name for p in (tmp_path / "all").iterdir())
    assert "USA.md" in written and written == sorted(f"{c}.md" for c in store.fact_counts())
    r = runner.invoke(
        app, ["profiles", "--all", "-o", str(tmp_path / "every"), "--format", "md", "--db", store.url]
    )
    assert len(list((tmp_path / "every").glob("*.md"))) == 198 and "wrote 198 profiles" in r.output
    bad = runner.invoke(app, ["profile", "USA", "--format", "docx", "--db", store.url])
    assert bad.exit_code != 0
