"""HTML: the main content of a page, read from the DOM so every span is exact.

The region holding the content is ``<main>``, ``role=main`` or the one
``<article>`` when the page marks it; otherwise trafilatura says which blocks
are content and the region is their nearest common ancestor. trafilatura's own
text is not used: it does not map back to offsets and drops footer note lists.
Footnote lists are taken from anywhere in the page, footer included.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from minewatch.ingest.errors import IngestError
from minewatch.ingest.parsed import Parsed, TextBuilder
from minewatch.ingest.sections import SENTENCE_END
from minewatch.ingest.text import decode

SKIP = {
    "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form",
    "button", "iframe", "select", "input", "textarea", "head", "title", "meta", "link", "-comment",
}  # fmt: skip
BOILERPLATE = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|sidebar|breadcrumbs?|cookie|share|social|site-header|site-footer|"
    r"comments?|related|advert|ads|banner|skip|toolbar|pagination)([\s_-]|$)",
    re.IGNORECASE,
)
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
BOLD_LEVEL = 6  # a bold line taken for a heading sits under every real heading before it
BLOCKS = {"p", "li", "blockquote", "pre", "dt", "dd", "figcaption", "caption", "address"}
# Elements that make the one holding them a container of blocks, not a block of text.
NESTED = frozenset(BLOCKS | set(HEADINGS) | {"table", "div"})
CONTAINERS = {"div", "section", "article", "main", "body", "html", "ul", "ol", "dl", "figure", "center"}
NOTE_ID = re.compile(r"^(?:fn|footnote|note|endnote|ftn|edn)[-_:]?(\d{1,3})$", re.IGNORECASE)
NOTE_HREF = re.compile(r"^#(?:fn|footnote|note|endnote|ftn|edn)[-_:]?(\d{1,3})$", re.IGNORECASE)
BACKREF = re.compile(r"^#(?:fnref|footnote-ref|noteref|ftnref|ednref|ref)", re.IGNORECASE)
NUMBER = re.compile(r"^\[?(\d{1,3})\]?$")
NOTE_NUMBER = re.compile(r"(?:\[(\d{1,3})\]|(\d{1,3})\.?)\s*")  # a note body's own number, dropped
NOTES_HEADING = re.compile(r"^(?:notes|endnotes|footnotes)$", re.IGNORECASE)
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
DATE_META = (
    "article:published_time", "datePublished", "date", "dc.date", "dcterms.date", "DC.date.issued",
    "citation_publication_date", "citation_date", "pubdate", "publish-date", "og:published_time",
)  # fmt: skip


class HtmlReader:
    format = "html"
    extensions = (".html", ".htm", ".xhtml")

    def score(self, path: str, head: bytes) -> int:
        sniff = head[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if sniff.startswith((b"<!doctype html", b"<html")) or b"<body" in sniff or b"<head" in sniff:
            return 8
        if path.lower().endswith(self.extensions) and sniff.startswith(b"<"):
            return 7
        return 0

    def read(self, path: str, data: bytes) -> Parsed:
        return parse(decode_html(data, path), path, self.format)


def decode_html(data: bytes, path: str) -> str:
    m = CHARSET.search(data[:4096])
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, path)


def parse(html: str, path: str, fmt: str, region_hint: str | None = None) -> Parsed:
    tree = LexborHTMLParser(html)
    root = tree.body or tree.root
    if root is None:
        raise IngestError(path, "no HTML body")
    region = region_of(tree, html) if region_hint is None else tree.css_first(region_hint) or root
    out = _Walker(region)
    out.walk(region)
    notes = [n for n in tree.css("li[id], div[id], p[id], aside[id]") if NOTE_ID.match(n.id or "")]
    known: dict[int, bool] = {}
    for n in notes:
        if _left_out(n, region, known):
            out.note(n, int(NOTE_ID.match(n.id).group(1)))
    if not out.b.paragraphs:
        raise IngestError(path, "no readable text in the HTML (only scripts, styles or markup)")
    return out.b.parsed(fmt, metadata=metadata(tree))


def region_of(tree: LexborHTMLParser, html: str) -> LexborNode:
    """The element holding the page's main content."""
    for sel in ("main", "[role=main]"):
        node = tree.css_first(sel)
        if node is not None:
            return node
    articles = tree.css("article")
    if len(articles) == 1:
        return articles[0]
    body = tree.body or tree.root
    import trafilatura

    found = trafilatura.extract(html, include_tables=True, favor_recall=True, deduplicate=False)
    if not found:
        return body
    lines = {_norm(x)[:60] for x in found.splitlines() if len(x.strip()) > 20}
    hits = [n for n in body.css("p, li, td, blockquote, h1, h2, h3, div") if _own_text(n)[:60] in lines]
    return _common_ancestor(hits) if hits else body


def _own_text(n: LexborNode) -> str:
    return _norm(n.text(deep=True))


def _norm(s: str) -> str:
    """Whitespace runs as one space, ends trimmed, note references glued to the word before."""
    s = " ".join(s.split())  # str.split knows the same whitespace as \s, several times faster
    return s.replace(" \x00", "").replace("\x00", "") if "\x00" in s else s  # " ?\x00", without a scan


def _common_ancestor(nodes: list[LexborNode]) -> LexborNode:
    def chain(n: LexborNode) -> list[int]:
        out = []
        while n is not None:
            out.append(n.mem_id)
            n = n.parent
        return out[::-1]

    first = chain(nodes[0])
    depth = len(first)
    for n in nodes[1:]:
        c = chain(n)
        depth = next(
            (i for i, (a, b) in enumerate(zip(first, c, strict=False)) if a != b), min(depth, len(c))
        )
        depth = min(depth, len(c))
    node = nodes[0]
    for _ in range(len(first) - depth):
        node = node.parent
    return node


def _left_out(n: LexborNode, region: LexborNode, known: dict[int, bool]) -> bool:
    """Whether the walker of ``region`` never reached ``n``: it lies outside, or under markup the
    walker skips. ``known`` remembers the answer for every element on the way up, so the notes of
    one list cost one walk up between them."""
    chain = []
    left_out = True  # the top reached without meeting the region: outside it
    while n is not None:
        key = n.mem_id
        if key in known:
            left_out = known[key]
            break
        if key == region.mem_id:
            left_out = False
            break
        chain.append(key)
        if n.tag in SKIP or _boilerplate(n):
            break  # left out, with all below it
        n = n.parent
    for key in chain:
        known[key] = left_out
    return left_out


def _boilerplate(n: LexborNode) -> bool:
    attrs = n.attributes
    return bool(attrs) and _boilerplate_label(attrs) and not NOTE_ID.match(attrs.get("id") or "")


def _boilerplate_label(attrs: dict) -> bool:
    """Whether an element's class, id or role names navigation, sharing buttons and the like."""
    label = f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('role') or ''}"
    return bool(label.strip()) and BOILERPLATE.search(label) is not None


class _Walker:
    """Render a DOM region as paragraphs of canonical text."""

    def __init__(self, region: LexborNode) -> None:
        self.b = TextBuilder()
        self.in_notes = False  # under a "Notes" heading: ordered list items are note bodies
        self.nested = _holders(region, NESTED)  # elements of the region holding a block of their own

    def walk(self, node: LexborNode) -> None:
        inline: list[str] = []
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                inline.append(child.text(deep=False))
                continue
            if tag in SKIP:
                continue
            attrs = child.attributes
            if attrs and (NOTE_ID.match(attrs.get("id") or "") or _boilerplate_label(attrs)):
                continue  # a note's body (read with the notes), or navigation and the like
            if tag in HEADINGS or tag in BLOCKS or tag in CONTAINERS or tag in ("table", "hr", "br"):
                if inline:
                    self._flush(inline)
                    inline = []
                self._block(child)
            else:
                inline.append(self.render(child))
        self._flush(inline)

    def _flush(self, inline: list[str]) -> None:
        text = "".join(inline)
        if text and not text.isspace():  # most runs between blocks are the markup's line breaks
            self.b.add(_norm(text))

    def _block(self, node: LexborNode) -> None:
        tag = node.tag
        if tag in HEADINGS:
            text = _norm(self.inline(node))
            self.in_notes = bool(NOTES_HEADING.match(text))
            self.b.add(text, kind="heading", level=HEADINGS[tag])
        elif tag == "table":
            for row in node.css("tr"):
                cells = [_norm(self.inline(c)) for c in row.css("td, th")]
                self.b.add(" | ".join(c for c in cells if c), kind="table")
            caption = node.css_first("caption")
            if caption is not None:
                self.b.add(_norm(self.inline(caption)), kind="table")
        elif tag == "ol" and self.in_notes:
            start = (
                int(node.attributes.get("start") or 1)
                if (node.attributes.get("start") or "1").isdigit()
                else 1
            )
            for i, li in enumerate(node.css("li")):
                self.note(li, start + i)
        elif tag in BLOCKS and node.mem_id not in self.nested:
            text = _norm(self.inline(node))
            if _bold_heading(node, text):
                self.in_notes = bool(NOTES_HEADING.match(text))
                self.b.add(text, kind="heading", level=BOLD_LEVEL)
            else:
                self.b.add(text)
        elif tag in ("hr", "br"):
            return
        else:
            self.walk(node)

    def note(self, node: LexborNode, number: int) -> None:
        body = _norm(self.inline(node))
        m = NOTE_NUMBER.match(body)
        if m and int(m.group(1) or m.group(2)) == number:  # "12 …" is not note 1's body with its number
            body = body[m.end() :]
        if body:
            self.b.add(f"[{number}] {body}", kind="footnote")

    def inline(self, node: LexborNode) -> str:
        """Text of ``node`` with footnote references rendered ``[N]`` against the word before."""
        parts = []
        for child in node.iter(include_text=True):  # text, the most children, read without a call
            parts.append(child.text(deep=False) if child.tag == "-text" else self.render(child))
        return "".join(parts)

    def render(self, node: LexborNode) -> str:
        """An element inside a line of text: a reference, a line break, markup to skip, or its text."""
        tag = node.tag
        if tag in SKIP:
            return ""
        if tag == "br":
            return " "
        if tag == "sup" or tag == "a":
            href = node.attributes.get("href") or "" if tag == "a" else ""
            if (n := _note_ref(node, href)) is not None:
                return f"\x00[{n}]"  # glued to the word before once whitespace is normalised
            if BACKREF.match(href):
                return ""
        return self.inline(node)


def _bold_heading(node: LexborNode, text: str) -> bool:
    """A short line set wholly in bold with no sentence end: a heading typed as bold text, as Word
    files and hand-made pages often have instead of heading styles."""
    if (
        not text
        or len(text) > 100
        or SENTENCE_END.search(text)
        or not (text[0].isupper() or text[0].isdigit())
    ):
        return False
    bold = "".join(b.text(deep=True) for b in node.css("strong, b") if b.parent.tag not in ("strong", "b"))
    return "".join(bold.split()) == "".join(text.split())


def _holders(root: LexborNode, tags: frozenset[str]) -> set[int]:
    """The elements (by ``mem_id``) holding an element of one of ``tags``: one pass over the tree
    (twice as fast as a CSS query for the tags) and one walk up from each."""
    marked: set[int] = set()
    for n in root.traverse():
        if n.tag in tags:
            up = n.parent
            while up is not None and up.mem_id not in marked:  # a marked element's holders are marked
                marked.add(up.mem_id)
                up = up.parent
    return marked


def _note_ref(node: LexborNode, href: str | None = None) -> int | None:
    """The note number when ``node`` is a footnote reference (superscript or note link); ``href``
    is a link's target, for a caller that has it."""
    tag = node.tag
    if tag == "a" and href is None:
        href = node.attributes.get("href") or ""
    if tag != "sup" and (tag != "a" or not NOTE_HREF.match(href)):
        return None
    text = node.text(deep=True)
    m = NUMBER.match(_norm(text) if "\x00" in text else text.strip())
    return int(m.group(1)) if m else None


def metadata(tree: LexborHTMLParser) -> dict:
    meta: dict = {}
    metas = {}
    for m in tree.css("meta"):
        key = m.attributes.get("name") or m.attributes.get("property") or m.attributes.get("itemprop")
        if key and m.attributes.get("content"):
            metas.setdefault(key.lower(), m.attributes["content"].strip())
    title = metas.get("og:title") or metas.get("citation_title") or metas.get("dc.title")
    if not title and (t := tree.css_first("title")) is not None:
        title = _norm(t.text())
    if not title and (h := tree.css_first("h1")) is not None:
        title = _norm(h.text())
    meta["title"] = title or None
    meta["author"] = metas.get("author") or metas.get("citation_author") or metas.get("dc.creator")
    meta["publisher"] = metas.get("og:site_name") or metas.get("publisher") or metas.get("dc.publisher")
    for key in DATE_META:
        if metas.get(key.lower()):
            meta["date_text"] = metas[key.lower()]
            break
    else:
        t = tree.css_first("time[datetime]")
        if t is not None:
            meta["date_text"] = t.attributes["datetime"]
    html = tree.css_first("html")
    lang = html.attributes.get("lang") if html is not None else None
    meta["language"] = (lang or "").split("-")[0].lower() or None
    return {k: v for k, v in meta.items() if v}
