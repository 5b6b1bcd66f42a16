"""``serve`` and ``demo``: the web workbench, and the main job end to end."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from minewatch import settings
from minewatch.cli import app
from minewatch.cli.documents import run_ingest
from minewatch.cli.options import Db, console, store
from minewatch.cli.users import ensure_admin
from minewatch.report import profile as profiles
from minewatch.vocab import load

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def _serve(db: str | None, host: str, port: int) -> None:
    import uvicorn

    from minewatch.web.app import create_app

    console.print(f"minewatch is serving at http://{host}:{port}/  (Ctrl+C to stop)")
    uvicorn.run(create_app(store(db)), host=host, port=port, log_level="warning")


Host = Annotated[str, typer.Option(help="Address to listen on.")]
Port = Annotated[int, typer.Option(help="Port to listen on.")]


@app.command()
def serve(
    db: Db = None,
    host: Host = settings.get("MINEWATCH_HOST"),
    port: Port = int(settings.get("MINEWATCH_PORT")),
) -> None:
    """Serve the web workbench and the JSON API.

    Example: minewatch serve --port 8000
    """
    _serve(db, host, port)


@app.command()
def demo(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or folders to ingest (default: the corpus).")
    ] = None,
    state: Annotated[str, typer.Option(help="State whose profile to build.")] = "USA",
    out: Annotated[Path, typer.Option(help="Folder for the profile files.")] = Path("out"),
    date_: Annotated[
        str | None, typer.Option("--date", help="Date for undated sources (YYYY-MM-DD).")
    ] = None,
    no_serve: Annotated[bool, typer.Option("--no-serve", help="Stop after writing the profile.")] = False,
    db: Db = None,
    host: Host = settings.get("MINEWATCH_HOST"),
    port: Port = int(settings.get("MINEWATCH_PORT")),
) -> None:
    """The main job: ingest, extract, write the profile, serve the web UI.

    Example: minewatch demo ../shared/corpus/*.txt --state USA
    """
    sources = paths or sorted(CORPUS.glob("*.txt"))
    if not sources:
        raise typer.BadParameter(f"no sources given and none found in {CORPUS}", param_hint="PATHS")
    run_ingest(db, list(sources), date.fromisoformat(date_) if date_ else None)
    console.print(f"log in to the web workbench as admin, password {ensure_admin(store(db))}")
    vocab = load()
    code = vocab.state_code(state)
    if code is None:
        raise typer.BadParameter(f"unknown state {state!r}", param_hint="--state")
    p = profiles.build(store(db), code, vocab)
    for fmt in ("md", "html", "pdf"):
        written = profiles.write(p, fmt, out / f"{code}.{fmt}")
        console.print(f"profile written to {written}")
    if not no_serve:
        _serve(db, host, port)
