"""The meeting calendar of the Mine Ban Treaty, read from ``data/meetings.yaml``.

Attendance lists name meetings by short id ("1MSP", "4RC"); this calendar gives
each its kind, number, place and dates so that attendance facts carry a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data" / "meetings.yaml"
ID = re.compile(r"^(?P<number>\d{1,2})\s*(?P<kind>MSP|RC)$", re.IGNORECASE)
KINDS = {"MSP": "Meeting of the States Parties", "RC": "Review Conference"}


@dataclass(frozen=True)
class Meeting:
    id: str  # "4RC", "18MSP"
    kind: str  # "MSP" or "RC"
    number: int
    year: int
    city: str
    country: str  # ISO3 of the host
    start: date | None
    end: date | None
    note: str | None = None

    @property
    def title(self) -> str:
        return f"{_ordinal(self.number)} {KINDS[self.kind]}, {self.city} {self.year}"


def meeting_id(text: str) -> str | None:
    """Canonical id for "4RC", "4 RC" or "18msp"; None when the text is no meeting id."""
    m = ID.match(text.strip())
    return f"{int(m['number'])}{m['kind'].upper()}" if m else None


def load_meetings(path: Path = DATA) -> dict[str, Meeting]:
    """Every meeting by id, in calendar order; checks ids, years and dates agree."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))["meetings"]
    out: dict[str, Meeting] = {}
    for m in raw:
        mid = meeting_id(m["id"])
        if mid is None or mid != m["id"]:
            raise ValueError(f"meetings.yaml: bad meeting id {m['id']!r}")
        start, end = m.get("start"), m.get("end")
        year = start.year if start else m["year"]
        if (start and m.get("year", year) != year) or (start and end and end < start):
            raise ValueError(f"meetings.yaml: {mid} has inconsistent dates")
        kind = mid.lstrip("0123456789")
        out[mid] = Meeting(
            mid, kind, int(mid[: -len(kind)]), year, m["city"], m["country"], start, end, m.get("note")
        )
    return out


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
