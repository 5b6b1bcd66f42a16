"""UNGA roll-call votes on the annual Mine Ban Treaty resolution.

Reads vote tables in the layouts the public UNGA voting datasets use: one row per
state and roll call (the Voeten dataset: ``rcid, session, date, unres, descr,
Country, Countryname, vote`` with votes coded 1 yes, 2 abstain, 3 no, 8 absent,
9 not a member; the UN Digital Library export: ``resolution, date, title,
ms_code, ms_name, ms_vote`` with Y, N, A, X). Only the Mine Ban Treaty
resolutions are kept, recognised by title or by resolution symbol.

Such tables run to a million rows, so the Document stored is the extract: the
header and the kept rows, byte for byte, with the original file named in its
source and warnings. Every fact spans its row in that extract.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from minewatch.model import Citation, Fact
from minewatch.sources.rows import ImportReport, Row, RowError, data_document, day, iso_date, read_rows
from minewatch.store import Store
from minewatch.vocab import Vocabulary
from minewatch.vocab import load as load_vocab

EXTRACTOR = "diplomacy.unga@1"
TITLE = re.compile(
    r"implementation\s+of\s+the\s+convention\s+on\s+the\s+prohibition\s+of\s+the\s+use,?\s+stockpiling,?\s+"
    r"production\s+and\s+transfer\s+of\s+anti-?\s?personnel\s+mines",
    re.IGNORECASE,
)
COLUMNS = {  # what we need → the names the public layouts give it, in order of preference
    "resolution": ("resolution", "unres", "res", "undl_resolution"),
    "title": ("title", "descr", "short", "agenda_title", "resolution_title"),
    "date": ("date", "vote_date"),
    "code": ("ms_code", "country", "iso3", "iso", "country_code", "state"),
    "name": ("ms_name", "countryname", "country_name", "name"),
    "vote": ("ms_vote", "vote"),
    "rcid": ("rcid", "undl_id", "id"),
    "session": ("session",),
}
VOTES = {
    "1": "yes", "2": "abstain", "3": "no", "8": "absent", "9": None,
    "y": "yes", "n": "no", "a": "abstain", "x": "absent",
    "yes": "yes", "no": "no", "abstain": "abstain", "abstention": "abstain", "absent": "absent",
    "non-voting": "absent", "not a member": None,
}  # fmt: skip


def _pick(header: Iterable[str]) -> dict[str, str]:
    lower = {h.lower(): h for h in header}
    return {need: next((lower[n] for n in names if n in lower), "") for need, names in COLUMNS.items()}


def symbol(res: str) -> str:
    """``A/RES/74/61`` for "A/RES/74/61", "74/61" or "R/74/61"."""
    m = re.search(r"(\d{1,3})\s*/\s*(\d{1,4})", res)
    return f"A/RES/{int(m[1])}/{int(m[2])}" if m else res.strip()


def is_mine_ban(fields: dict[str, str], cols: dict[str, str], resolutions: set[str]) -> bool:
    title = fields.get(cols["title"], "") if cols["title"] else ""
    res = fields.get(cols["resolution"], "") if cols["resolution"] else ""
    return bool(TITLE.search(title)) or (bool(res) and symbol(res) in resolutions)


def vote_fact(row: Row, cols: dict[str, str], doc_id: str, vocab: Vocabulary, number: int) -> Fact | None:
    """The fact one kept row states (None for "not a member"); ValueError names what is wrong."""
    f = row.fields
    raw_state = (f.get(cols["code"]) if cols["code"] else "") or (f.get(cols["name"]) if cols["name"] else "")
    state = vocab.state_code(raw_state) if raw_state else None
    if state is None and cols["name"] and f.get(cols["name"]):
        state = vocab.state_code(f[cols["name"]])
    if state is None:
        raise ValueError(f"unknown state {raw_state!r}")
    raw_vote = (f.get(cols["vote"]) or "").strip().lower()
    if raw_vote not in VOTES:
        raise ValueError(f"unknown vote {raw_vote!r} (want 1/2/3/8/9, Y/N/A/X or yes/no/abstain/absent)")
    vote = VOTES[raw_vote]
    if vote is None:
        return None
    when = iso_date((f.get(cols["date"]) or "")[:10], "date")
    res = symbol(f.get(cols["resolution"], "")) if cols["resolution"] else ""
    attrs = {"kind": "UNGA vote", "resolution": res or None, "date": when.isoformat()}
    for extra in ("rcid", "session"):
        if cols[extra] and f.get(cols[extra]):
            attrs[extra] = f[cols[extra]]
    return Fact(
        state=state,
        indicator="diplomacy",
        value=vote,
        quote=row.text,
        doc=doc_id,
        start=row.start,
        end=row.end,
        when=day(when, f"vote on {res or 'the Mine Ban Treaty resolution'}"),
        citations=[
            Citation(number, f"UNGA roll-call vote {res} of {when.isoformat()}, row {number} of the table")
        ],
        extractor=EXTRACTOR,
        confidence=1.0,
        status="accepted",
        attributes=attrs,
    )


def import_votes(
    store: Store,
    text: str,
    source: str,
    resolutions: Iterable[str] = (),
    vocab: Vocabulary | None = None,
    user: str = "unga-import",
) -> ImportReport:
    """Keep the Mine Ban Treaty roll calls of a vote table and store them as ``diplomacy`` facts."""
    vocab = vocab or load_vocab()
    header, rows = read_rows(text)
    cols = _pick(header)
    if not cols["vote"] or not (cols["code"] or cols["name"]) or not cols["date"]:
        raise ValueError(f"{source}: not a vote table (need a vote, a country and a date column)")
    wanted = {symbol(r) for r in resolutions}
    kept = [r for r in rows if is_mine_ban(r.fields, cols, wanted)]
    first_line = text.splitlines(keepends=True)[0] if text else ""
    if not first_line.endswith("\n"):
        first_line += "\n"
    extract = first_line + "".join(text[r.start : r.end] + "\n" for r in kept)
    report = ImportReport(rows=len(kept))
    if not kept:
        return report
    doc = data_document(extract, source, "csv", "UNGA roll-call votes on the Mine Ban Treaty resolution")
    doc.warnings = [f"extract: {len(kept)} of {len(rows)} rows of {source} (the Mine Ban Treaty resolutions)"]
    doc_id, _ = store.save_document(doc, user=user)
    report.doc = doc_id
    _, extract_rows = read_rows(extract)
    facts: list[Fact] = []
    for original, row in zip(kept, extract_rows, strict=True):
        try:
            fact = vote_fact(row, cols, doc_id, vocab, original.number)
        except ValueError as e:
            report.left_out.append(RowError(original.number, str(e)))
            continue
        if fact:
            facts.append(fact)
    report.added = store.save_facts(facts, user=user)
    return report
