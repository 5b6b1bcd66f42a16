"""Ingest speed: a synthetic corpus of text, HTML and PDF profiles, read and stored.

Prints MB/s of text, documents/s and peak memory for one worker, every core
and a local Dask cluster, beside reading alone and writing alone; for PDF, pages/s beside poppler's ``pdftotext`` on
the same files. Facts are not extracted: this measures the ingest stage.

Example: python -m benchmarks.ingest --docs 2000 --pdfs 40
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from benchmarks.common import host_reference
from minewatch import pipeline
from minewatch.store import open_store

STATES = ["Finland", "Poland", "Ukraine", "Myanmar", "India", "Pakistan", "Egypt", "Cuba", "Iran", "Israel"]
MINES = ["M16A1", "ADAM", "M87 Volcano", "M86 PDM", "M131 MOPMS", "M18A1 Claymore", "PMN-2", "OZM-72"]
SECTIONS = ["Mine Ban Policy", "Use", "Transfer", "Production", "Stockpiling", "Stockpile destruction"]
SENTENCES = [
    "{state} reported a stockpile of {n:,} antipersonnel mines in {year}.[{note}]",
    "In {month} {year}, officials of {state} said that no {mine} mines had been produced since {year2}.",
    "The ministry confirmed the transfer of {n:,} {mine} mines to a storage site in {year}.[{note}]",
    "Observers recorded new use of {mine} mines near the border during {month} {year}.",
    "{state} voted in favour of the annual UN General Assembly resolution in December {year}.",
    "A contractor destroyed {n:,} mines at a demilitarization plant between {year2} and {year}.[{note}]",
]
MONTHS = ["January", "March", "April", "June", "September", "November"]


def paragraph(rng: random.Random, note: int) -> str:
    return " ".join(
        rng.choice(SENTENCES).format(
            state=rng.choice(STATES), n=rng.randint(100, 9_000_000), year=rng.randint(1995, 2024),
            year2=rng.randint(1980, 1994), month=rng.choice(MONTHS), mine=rng.choice(MINES), note=note,
        )
        for _ in range(rng.randint(3, 6))
    )  # fmt: skip


def profile(rng: random.Random, size: int) -> list[tuple[str, str]]:
    """Blocks of a profile of about ``size`` characters: headings, paragraphs and notes."""
    blocks: list[tuple[str, str]] = [("h1", rng.choice(STATES))]
    length, note = 0, 1
    while length < size:
        blocks.append(("h2", rng.choice(SECTIONS)))
        for _ in range(rng.randint(2, 5)):
            text = paragraph(rng, note)
            blocks.append(("p", text))
            length += len(text)
            note += 1
    blocks += [("note", f"{n} Statement by the delegation, {rng.randint(1, 28)} May {rng.randint(2000, 2024)}.")
               for n in range(1, note)]  # fmt: skip
    return blocks


def as_text(blocks: list[tuple[str, str]]) -> str:
    return "\n\n".join(
        f"[{t.split(' ', 1)[0]}] {t.split(' ', 1)[1]}" if k == "note" else t for k, t in blocks
    )


def build(root: Path, docs: int, pdfs: int, seed: int = 7) -> dict[str, list[Path]]:
    from tests.ingest import make

    rng = random.Random(seed)
    out: dict[str, list[Path]] = {"text": [], "html": [], "pdf": []}
    for i in range(docs):
        blocks = profile(rng, 19_000)
        sub = root / "docs" / f"{i // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        if i % 2:
            path = sub / f"p{i:05d}.html"
            path.write_text(make.html(blocks, title=blocks[0][1], date="2020-11-16"))
            out["html"].append(path)
        else:
            path = sub / f"p{i:05d}.txt"
            path.write_text(as_text(blocks))
            out["text"].append(path)
    for i in range(pdfs):
        blocks = profile(rng, 12_000)
        body = [b for b in blocks if b[0] != "note"]
        pages = [(body[j : j + 5], []) for j in range(0, len(body), 5)]
        path = root / "pdf" / f"p{i:04d}.pdf"
        path.parent.mkdir(parents=True, exist_ok=True)
        out["pdf"].append(make.pdf(path, pages))
    return out


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (pool workers, once the pool is shut)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run(label: str, paths: list[Path], workdir: Path, **kw) -> None:
    mb = sum(p.stat().st_size for p in paths) / 1e6
    store = open_store(f"sqlite:///{workdir / (label.replace(' ', '_') + '.db')}")
    cpu, start = cpu_seconds(), time.perf_counter()
    report = pipeline.ingest_paths(store, paths, extract_facts=False, **kw)
    took = time.perf_counter() - start
    cpu = cpu_seconds() - cpu  # a Dask cluster's workers are not children that have exited: not counted
    store.close()
    peak = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    print(
        f"{label:<28} {len(paths):>6} docs {mb:8.1f} MB {took:7.1f} s {mb / took:7.2f} MB/s "
        f"{len(paths) / took:8.1f} docs/s  peak RSS {peak / 1024:6.0f} MB  failed {len(report.failed)}"
        + ("" if "scheduler" in kw else f"  {mb / cpu:6.2f} MB per CPU-second")
    )


def store_only(label: str, paths: list[Path], workdir: Path) -> None:
    """Writing alone: what the single writing process can take, a batch per transaction."""
    store = open_store(f"sqlite:///{workdir / (label.replace(' ', '_') + '.db')}")
    mb, took = 0.0, 0.0
    for i in range(0, len(paths), pipeline.BATCH_DOCS):
        batch = [pipeline.parse_file(str(p), extract_facts=False) for p in paths[i : i + pipeline.BATCH_DOCS]]
        mb += sum(p.stat().st_size for p in paths[i : i + pipeline.BATCH_DOCS]) / 1e6
        start = time.perf_counter()
        pipeline.save_batch(store, batch, pipeline.IngestReport())
        took += time.perf_counter() - start
    store.close()
    print(
        f"{label:<28} {len(paths):>6} docs {mb:8.1f} MB {took:7.1f} s {mb / took:7.2f} MB/s "
        f"{1000 * took / len(paths):6.2f} ms/doc (store only)"
    )


def parse_only(label: str, paths: list[Path], workers: int) -> None:
    """Reading alone, without the store: what the readers themselves manage per core."""
    from concurrent.futures import ProcessPoolExecutor

    from minewatch import ingest

    mb = sum(p.stat().st_size for p in paths) / 1e6
    start = time.perf_counter()
    if workers == 1:
        for p in paths:
            ingest.read(p)
    else:
        with ProcessPoolExecutor(workers) as pool:
            list(pool.map(_read_size, paths, chunksize=16))
    took = time.perf_counter() - start
    print(f"{label:<28} {len(paths):>6} docs {mb:8.1f} MB {took:7.1f} s {mb / took:7.2f} MB/s (read only)")


def _read_size(path: Path) -> int:
    from minewatch import ingest

    return len(ingest.read(path).text)


def pdf_pages(paths: list[Path]) -> int:
    import pypdfium2 as pdfium

    return sum(len(pdfium.PdfDocument(str(p))) for p in paths)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10_000, help="text and HTML documents (~20 kB each)")
    ap.add_argument("--pdfs", type=int, default=200, help="PDF documents (~6 pages each)")
    ap.add_argument("--workers", type=int, default=pipeline.default_workers())
    ap.add_argument("--no-dask", action="store_true")
    args = ap.parse_args()
    root = Path(tempfile.mkdtemp(prefix="minewatch-bench-"))
    try:
        t0 = time.perf_counter()
        files = build(root, args.docs, args.pdfs)
        print(f"built {args.docs} text/HTML and {args.pdfs} PDF files in {time.perf_counter() - t0:.1f} s")
        print(f"host reference: {host_reference():.2f} s for 10M Python loop steps; compare runs by it")
        for kind in ("text", "html"):
            parse_only(f"{kind}, 1 worker", files[kind], 1)
            parse_only(f"{kind}, {args.workers} workers", files[kind], args.workers)
            store_only(f"{kind}, writer", files[kind], root)
            run(f"{kind}, 1 worker", files[kind], root, workers=1)
            run(f"{kind}, {args.workers} workers", files[kind], root, workers=args.workers)
        if not args.no_dask:
            from distributed import Client, LocalCluster

            with (
                LocalCluster(n_workers=args.workers, threads_per_worker=1, dashboard_address=None) as cluster,
                Client(cluster) as client,
            ):
                run(
                    f"text+html, dask {args.workers} procs",
                    files["text"] + files["html"],
                    root,
                    scheduler=client,
                )
        if files["pdf"]:
            pages = pdf_pages(files["pdf"])
            start = time.perf_counter()
            run("pdf, 1 worker", files["pdf"], root, workers=1)
            ours = time.perf_counter() - start
            if shutil.which("pdftotext"):
                start = time.perf_counter()
                for p in files["pdf"]:
                    subprocess.run(
                        ["pdftotext", "-layout", str(p), "-"], stdout=subprocess.DEVNULL, check=True
                    )
                theirs = time.perf_counter() - start
                print(
                    f"pdf pages/s: minewatch {pages / ours:.0f}, pdftotext {pages / theirs:.0f} ({pages} pages)"
                )
            else:
                print(f"pdf pages/s: minewatch {pages / ours:.0f} (pdftotext not installed)")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
