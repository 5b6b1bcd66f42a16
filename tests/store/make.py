"""Documents and facts built in code, so store tests need no reader or extractor."""

from __future__ import annotations

from datetime import date

from minewatch.model import Citation, Document, Fact, Footnote, Marker, Paragraph, Period

STATES = ("USA", "RUS", "CHN", "IND", "PAK", "MMR")
INDICATORS = ("stockpile", "use", "production", "transfer", "destruction", "retained")


def document(n: int = 0, source: str | None = None) -> Document:
    """A small document with paragraphs, a footnote, a missing footnote and markers."""
    text = (
        f"Report {n}\n\nIn 2014 the stockpile held just over {3000 + n} mines.[1]\n\n"
        f"No use was reported in {2000 + n % 20}.[2]\n\n[1] Press briefing, 27 June 2014.\n"
    )
    body = text.index("In 2014")
    return Document(
        text=text,
        source=source or f"reports/report-{n}.txt",
        title=f"Report {n}",
        date=date(2020, 11, 16),
        date_source="document",
        subject_state=STATES[n % len(STATES)],
        paragraphs=[
            Paragraph(0, len(f"Report {n}"), kind="heading"),
            Paragraph(body, text.index("\n\nNo use"), section="stockpile", heading="Stockpile"),
            Paragraph(text.index("No use"), text.index("\n\n[1]"), section="use", section_inferred=True),
            Paragraph(text.index("[1] Press"), len(text) - 1, kind="footnote"),
        ],
        footnotes={
            1: Footnote(1, "Press briefing, 27 June 2014.", text.index("[1] Press"), len(text) - 1),
            2: Footnote(2, None),
        },
        markers=[
            Marker(1, text.index("[1]"), text.index("[1]") + 3),
            Marker(2, text.index("[2]"), text.index("[2]") + 3),
        ],
        warnings=["footnote markers without a body: 2"],
    )


def facts_for(doc: Document, n: int = 3, offset: int = 0) -> list[Fact]:
    """``n`` distinct facts quoting ``doc``; the same arguments give the same keys."""
    out = []
    for i in range(offset, offset + n):
        out.append(
            Fact(
                state=STATES[i % len(STATES)],
                indicator=INDICATORS[i % len(INDICATORS)],
                value=float(1000 + i) if i % 3 else "denied use",
                unit="mines" if i % 3 else None,
                approx="just over" if i % 2 else None,
                quote=doc.text[:40],
                doc=doc.id,
                start=i,
                end=i + 40,
                when=Period("2014-01-01", "2014-12-31", "year", "2014") if i % 2 else None,
                mine_types=["M16A1"] if i % 4 == 0 else [],
                polarity="denied" if i % 5 == 0 else "affirmed",
                citations=[Citation(1, "Press briefing, 27 June 2014."), Citation(2, None)],
                extractor="test.rule@1",
                confidence=0.25 + (i % 3) / 4,
                attributes={"location": "Korea", "n": i} if i % 2 else {},
            )
        )
    return out


def fill(store, docs: int = 3) -> None:
    """A small but complete store: documents, facts with edits, users and their API tokens."""
    from datetime import UTC, datetime

    from minewatch.store.schema import api_tokens, users

    for n in range(docs):
        doc = document(n)
        store.save_document_and_facts(doc, facts_for(doc, 4, offset=n))
    for fact in store.facts()[::2]:
        store.update_fact(fact.id, {"status": "accepted"}, user="ana", reason="checked", expected_version=1)
    now = datetime(2026, 11, 23, 12, 30, 15, 123456, tzinfo=UTC)
    with store.engine.begin() as conn:
        for i, (name, role) in enumerate([("ana", "reviewer"), ("bo", "admin"), ("cy", "reader")], start=1):
            conn.execute(
                users.insert().values(
                    username=name,
                    password_hash=f"$argon2id$v=19${name}",
                    role=role,
                    active=i != 3,
                    created_at=now,
                )
            )
        conn.execute(api_tokens.insert().values(user_id=2, token_hash="ab" * 32, name="ci", created_at=now))
