"""Bad input, generated from a seed: every file gets a one-line error naming it, and the batch goes on.

Fixture names say what each file breaks, as in ingest-file's test set.
"""

from __future__ import annotations

import io
import random
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from minewatch import ingest, pipeline
from tests.conftest import PROFILE
from tests.ingest import make

COUNT = 220


@pytest.fixture(scope="module")
def samples(tmp_path_factory) -> dict[str, bytes]:
    """Seeds for the generator: a real PDF, an encrypted one, a zip bomb."""
    from reportlab.pdfgen import canvas

    tmp = tmp_path_factory.mktemp("seeds")
    pdf = make.pdf(tmp / "ok.pdf", [([("p", "A page of text that is long enough. " * 20)], [])]).read_bytes()
    c = canvas.Canvas(str(tmp / "locked.pdf"), encrypt="hunter2")
    c.drawString(72, 720, "Secret text")
    c.save()
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (120 * 1024 * 1024))
    return {"pdf": pdf, "locked": (tmp / "locked.pdf").read_bytes(), "bomb": bomb.getvalue()}


def generate(rng: random.Random, samples: dict[str, bytes]) -> tuple[str, bytes]:
    """One bad file: (name, content)."""
    kind = rng.choice(
        ["empty", "junk", "truncated_pdf", "locked_pdf", "pdf_junk_body", "bad_zip_docx", "zip_not_word",
         "non_cp1252", "utf16_no_bom", "pure_script", "only_nav", "whitespace", "html_no_body"]
    )  # fmt: skip
    junk = rng.randbytes(rng.randint(64, 4096))
    pdf = samples["pdf"]
    content = {
        "empty": b"",
        "junk": junk.replace(b"%PDF", b"") + b"\0",
        "truncated_pdf": pdf[: rng.randint(20, len(pdf) - 200)],
        "locked_pdf": samples["locked"],
        "pdf_junk_body": b"%PDF-1.4\n" + junk + b"\n%%EOF\n",
        "bad_zip_docx": b"PK\x03\x04" + junk,
        "zip_not_word": _zip({"readme.txt": "hello"}),
        "non_cp1252": b"caf\xc3 \x81\x8d\x90 text " * rng.randint(1, 50),
        "utf16_no_bom": "Stockpile of 3 million mines.".encode("utf-16-le"),
        "pure_script": b"<!DOCTYPE html><html><head><script>" + b"var a=1;" * rng.randint(1, 500) + b"</script></head><body><script>go()</script></body></html>",
        "only_nav": b"<html><body><nav><a href='/'>Home</a></nav><footer>(c)</footer></body></html>",
        "whitespace": b" \n\t" * rng.randint(1, 100),
        "html_no_body": b"<!DOCTYPE html><html><head><title>t</title></head></html>",
    }[kind]  # fmt: skip
    ext = {"truncated_pdf": ".pdf", "locked_pdf": ".pdf", "pdf_junk_body": ".pdf", "bad_zip_docx": ".docx",
           "zip_not_word": ".docx"}.get(kind, rng.choice([".txt", ".html", ".md", ".bin", ".pdf", ".docx"]))  # fmt: skip
    return kind + ext, content


def _zip(files: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text in files.items():
            z.writestr(name, text)
    return buf.getvalue()


def test_every_bad_file_fails_clearly_and_the_store_is_untouched(tmp_path: Path, store, samples):
    rng = random.Random(20201116)
    bad = tmp_path / "bad"
    bad.mkdir()
    paths = []
    for i in range(COUNT):
        name, content = generate(rng, samples)
        path = bad / f"{i:03d}-{name}"
        path.write_bytes(content)
        paths.append(str(path))
    (bad / "zip-bomb.docx").write_bytes(samples["bomb"])
    big = bad / "sparse-1gb.txt"
    with big.open("wb") as f:
        f.truncate(1024**3)
    paths += [str(bad / "zip-bomb.docx"), str(big)]

    good = pipeline.ingest_paths(store, [PROFILE])
    before = store.documents()
    report = pipeline.ingest_paths(store, [bad])
    assert report.ingested == [] and report.duplicates == []
    assert len(report.failed) == len(paths) >= 200
    for path, line in zip(sorted(paths), sorted(report.failed), strict=True):
        assert line.startswith(path + ": ") and "\n" not in line and len(line) > len(path) + 5, line
    reasons = " ".join(report.failed)
    for reason in ("empty file", "encrypted PDF", "truncated PDF", "zip bomb", "over the limit", "not UTF-8"):
        assert reason in reasons
    assert store.documents() == before
    assert store.document(good.ingested[0]).text == PROFILE.read_text("utf-8")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("password-hunter2.pdf", None, "encrypted PDF"),
        ("non_utf.txt", b"\x81\x8d\x8f\x90\x9d", "not UTF-8 and not cp1252"),
        ("script-only.html", b"<html><body><script>alert(1)</script></body></html>", "no readable text"),
        ("empty.pdf", b"", "empty file"),
    ],
)
def test_named_nasty_files(tmp_path: Path, samples, name, content, reason):
    path = tmp_path / name
    path.write_bytes(samples["locked"] if content is None else content)
    with pytest.raises(ingest.IngestError) as e:
        ingest.read(path)
    assert str(e.value).startswith(f"{path}: ") and reason in str(e.value)


def test_size_limit_comes_from_settings(tmp_path: Path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text("word " * 300_000)
    monkeypatch.setenv("MINEWATCH_MAX_FILE_MB", "1")
    parsed = pipeline.parse_file(str(path))
    assert parsed.doc is None and "over the limit of 1,048,576" in parsed.error


def test_time_limit(tmp_path: Path):
    path = tmp_path / "slow.txt"
    path.write_text("Stockpile. " * 200_000)
    with pytest.raises(ingest.IngestError, match="took longer than"):
        ingest.read(path, timeout=0.001)


def test_time_limit_off_the_main_thread(tmp_path: Path):
    """Dask workers and web requests read on threads, where no signal can reach."""
    path = tmp_path / "slow.txt"
    path.write_text("Stockpile. " * 200_000)
    with ThreadPoolExecutor(1) as pool:
        failed = pool.submit(pipeline.parse_file, str(path), None, 10**9, 0.001, False).result()
        fine = pool.submit(pipeline.parse_file, str(path), None, 10**9, 60.0, False).result()
    assert failed.doc is None and "took longer than 0.001 s" in failed.error
    assert fine.doc is not None and fine.error is None


def test_a_limit_that_expires_at_once_still_fails_only_the_file(tmp_path: Path):
    """A limit can run out before the reader even starts; the file still gets its error, every time."""
    path = tmp_path / "short.txt"
    path.write_text("Stockpile. " * 2_000)
    with ThreadPoolExecutor(1) as pool:
        results = [
            pool.submit(pipeline.parse_file, str(path), None, 10**9, 1e-5, False).result() for _ in range(200)
        ]
    assert all(r.doc is not None or "took longer than" in r.error for r in results)
