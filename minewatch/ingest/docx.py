"""DOCX: mammoth turns the document into HTML (footnotes as ``<li id="footnote-N">``),
and the HTML reader gives it structure; the core properties give the metadata.

A DOCX is a zip archive, so its declared uncompressed size is checked before
anything is inflated: a small file that expands to gigabytes is refused.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from minewatch.ingest import html
from minewatch.ingest.errors import IngestError
from minewatch.ingest.parsed import Parsed

MAX_RATIO = 100  # uncompressed / compressed; office files are typically 3–10
MAX_INFLATED = 512 * 1024 * 1024
CORE = {
    "title": "{http://purl.org/dc/elements/1.1/}title",
    "author": "{http://purl.org/dc/elements/1.1/}creator",
    "language": "{http://purl.org/dc/elements/1.1/}language",
    "date_text": "{http://purl.org/dc/terms/}created",
}


class DocxReader:
    format = "docx"
    extensions = (".docx",)

    def score(self, path: str, head: bytes) -> int:
        if not head.startswith(b"PK\x03\x04"):
            return 0
        if b"word/" in head or b"[Content_Types].xml" in head:
            return 9 if path.lower().endswith(self.extensions) else 8
        return 6 if path.lower().endswith(self.extensions) else 0

    def read(self, path: str, data: bytes) -> Parsed:
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            check_inflated_size(archive, len(data), path)
            if "word/document.xml" not in archive.namelist():
                raise IngestError(path, "a zip archive but not a Word document (no word/document.xml)")
            meta = core_properties(archive)
        except (zipfile.BadZipFile, EOFError) as e:
            raise IngestError(path, f"damaged DOCX (bad zip archive: {e})") from None
        import mammoth

        try:
            result = mammoth.convert_to_html(io.BytesIO(data))
        except (zipfile.BadZipFile, KeyError, ValueError, ElementTree.ParseError) as e:
            raise IngestError(path, f"damaged DOCX ({type(e).__name__}: {e})") from None
        parsed = html.parse(
            f"<html><body>{result.value}</body></html>", path, self.format, region_hint="body"
        )
        parsed.metadata = {**{k: v for k, v in parsed.metadata.items() if k == "language"}, **meta}
        return parsed


def check_inflated_size(archive: zipfile.ZipFile, packed: int, path: str) -> None:
    total = sum(i.file_size for i in archive.infolist())
    if total > MAX_INFLATED or total > MAX_RATIO * max(packed, 1024 * 1024):
        raise IngestError(path, f"archive would expand to {total:,} bytes from {packed:,} (zip bomb?)")


def core_properties(archive: zipfile.ZipFile) -> dict:
    try:
        root = ElementTree.fromstring(archive.read("docProps/core.xml"))
    except (KeyError, ElementTree.ParseError):
        return {}
    out = {}
    for key, tag in CORE.items():
        el = root.find(tag)
        if el is not None and el.text and el.text.strip():
            out[key] = el.text.strip()
    return out
