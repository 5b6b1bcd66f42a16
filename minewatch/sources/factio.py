"""Facts in and out in the project's own format: JSON Lines or CSV, every field of ``Fact``.

Export then import is lossless: a CSV cell that holds a list, a mapping, a period
or a value (whose type matters: ``3000000`` is not ``"3000000"``) is JSON. The
store assigns ``id`` and ``version`` on import, so those two are not carried over.

Import validates every row first and reports each problem by row number. A file
with any bad row writes nothing unless ``skip_invalid`` is given, so a half-loaded
file never has to be cleaned up by hand.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import fields
from datetime import date

from minewatch.model import FACT_STATUSES, POLARITIES, PRECISIONS, Fact
from minewatch.sources.rows import ImportReport, RowError, read_rows
from minewatch.store import Store
from minewatch.vocab import Vocabulary
from minewatch.vocab import load as load_vocab

FIELDS = [f.name for f in fields(Fact)]
JSON_FIELDS = {"value", "when", "mine_types", "citations", "attributes"}
REQUIRED = ("state", "indicator", "quote", "doc", "start", "end")
NUMBERS = {"start": int, "end": int, "id": int, "version": int, "confidence": float}


def export_jsonl(facts: list[Fact]) -> str:
    return "".join(json.dumps(f.to_dict(), ensure_ascii=False, sort_keys=True) + "\n" for f in facts)


def export_csv(facts: list[Fact]) -> str:
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    w.writeheader()
    for f in facts:
        d = f.to_dict()
        w.writerow(
            {
                k: json.dumps(d[k], ensure_ascii=False, sort_keys=True)
                if k in JSON_FIELDS
                else ("" if d[k] is None else d[k])
                for k in FIELDS
            }
        )
    return out.getvalue()


def _from_csv(cells: dict[str, str]) -> dict:
    d: dict = {}
    for k, v in cells.items():
        if k not in FIELDS:
            continue
        if k in JSON_FIELDS:
            d[k] = json.loads(v) if v else None
        elif k in NUMBERS:
            d[k] = NUMBERS[k](v) if v != "" else None
        else:
            d[k] = v if v != "" else None
    return d


def parse(text: str, fmt: str) -> list[tuple[int, dict | None, str | None]]:
    """(row number, raw fields, parse error) for every record of a JSONL or CSV text."""
    out: list[tuple[int, dict | None, str | None]] = []
    if fmt == "jsonl":
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                out.append((n, d, None) if isinstance(d, dict) else (n, None, "not a JSON object"))
            except json.JSONDecodeError as e:
                out.append((n, None, f"bad JSON: {e.msg}"))
        return out
    header, rows = read_rows(text)
    missing = {"state", "indicator", "value", "quote", "doc", "start", "end"} - set(header)
    if missing:
        return [(0, None, f"missing columns {', '.join(sorted(missing))}")]
    for row in rows:
        try:
            out.append((row.number, _from_csv(row.fields), None))
        except (ValueError, json.JSONDecodeError) as e:
            out.append((row.number, None, f"bad cell: {e}"))
    return out


def validate(
    d: dict, vocab: Vocabulary, store: Store, texts: dict[str, str | None]
) -> tuple[Fact | None, list[str]]:
    """A fact from raw fields, or the list of everything wrong with them."""
    errors = [f"missing field {k}" for k in REQUIRED if d.get(k) is None]
    if d.get("state") not in vocab.states:
        errors.append(f"bad state code {d.get('state')!r}")
    if d.get("indicator") not in vocab.indicators:
        errors.append(f"unknown indicator {d.get('indicator')!r}")
    if d.get("status", "candidate") not in FACT_STATUSES:
        errors.append(f"bad status {d.get('status')!r}")
    if d.get("polarity", "affirmed") not in POLARITIES:
        errors.append(f"bad polarity {d.get('polarity')!r}")
    unknown_types = [m for m in d.get("mine_types") or [] if m not in vocab.mine_types]
    if unknown_types:
        errors.append(f"unknown mine types {unknown_types}")
    when = d.get("when")
    if when is not None:
        if not isinstance(when, dict) or when.get("precision") not in PRECISIONS:
            errors.append(f"bad period {when!r}")
        else:
            for end in ("start", "end"):
                try:
                    if when.get(end) is not None:
                        date.fromisoformat(when[end])
                except (TypeError, ValueError):
                    errors.append(f"bad date {when.get(end)!r} in when.{end}")
    conf = d.get("confidence", 0.5)
    if not isinstance(conf, int | float) or not 0 <= conf <= 1:
        errors.append(f"bad confidence {conf!r}")
    doc = d.get("doc")
    if doc not in texts:
        texts[doc] = store.document(doc).text if isinstance(doc, str) and store.has_document(doc) else None
    start, end = d.get("start"), d.get("end")
    if texts[doc] is None:
        errors.append(f"unknown document {doc!r}")
    elif not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(texts[doc])):
        errors.append(f"bad span {start!r}..{end!r}")
    elif texts[doc][start:end] != d.get("quote"):
        errors.append(f"quote does not match the document text at {start}..{end}")
    if errors:
        return None, errors
    try:
        return Fact.from_dict({k: v for k, v in d.items() if k not in ("id", "version")}), []
    except (TypeError, ValueError) as e:
        return None, [f"bad fact: {e}"]


def import_facts(
    store: Store,
    text: str,
    fmt: str,
    skip_invalid: bool = False,
    vocab: Vocabulary | None = None,
    user: str = "fact-import",
) -> ImportReport:
    """Validate every record, then store the facts (all, or only the valid ones with ``skip_invalid``)."""
    vocab = vocab or load_vocab()
    records = parse(text, fmt)
    report = ImportReport(rows=len(records))
    good: list[Fact] = []
    texts: dict[str, str | None] = {}
    for n, raw, problem in records:
        if problem:
            report.left_out.append(RowError(n, problem))
            continue
        fact, errors = validate(raw, vocab, store, texts)
        if errors:
            report.left_out.extend(RowError(n, e) for e in errors)
        else:
            good.append(fact)
    if report.left_out and not skip_invalid:
        report.written = False
        return report
    report.added = store.save_facts(good, user=user)
    return report
