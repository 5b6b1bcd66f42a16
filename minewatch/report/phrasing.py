"""One plain sentence per fact, written from its fields alone.

The wording never adds what the fact does not hold: the value with its
qualifier and unit, the period in the source's own precision, the polarity.
"""

from __future__ import annotations

from datetime import date

from minewatch.model import Fact, Period
from minewatch.vocab import Vocabulary

VERBS = {
    "stockpile": ("held a stockpile of {q}", "holds no {v}"),
    "production": ("produced or procured {q}", "did not produce or procure antipersonnel mines"),
    "transfer": ("transferred {q}", "did not transfer antipersonnel mines"),
    "use": ("used {q}", "did not use antipersonnel mines"),
    "destruction": ("destroyed {q}", "did not destroy stockpiled mines"),
    "retained": ("retained {q} for training and research", "retained no antipersonnel mines"),
    "alternatives": ("spent {q} on alternatives to antipersonnel mines", "spent nothing on alternatives"),
    "mine_action": ("funded mine action: {q}", "did not fund mine action"),
    "treaty_status": ("recorded a treaty event: {v}", "has not completed {v}"),
    "diplomacy": ("{v}", "did not: {v}"),
    "policy": ("set out its {v}", "withdrew its {v}"),
}
TREATY_WORDS = {  # (value, polarity) → phrase, for treaty_status facts
    ("party", "affirmed"): "is a party to the Mine Ban Treaty",
    ("party", "denied"): "is not a party to the Mine Ban Treaty",
    ("accession", "affirmed"): "acceded to the Mine Ban Treaty",
    ("accession", "denied"): "has not acceded to the Mine Ban Treaty",
    ("ratification", "affirmed"): "ratified the Mine Ban Treaty",
    ("ratification", "denied"): "has not ratified the Mine Ban Treaty",
    ("signature", "affirmed"): "signed the Mine Ban Treaty",
    ("signature", "denied"): "did not sign the Mine Ban Treaty",
    ("withdrawal", "affirmed"): "announced its withdrawal from the Mine Ban Treaty",
    ("withdrawal", "denied"): "has not withdrawn from the Mine Ban Treaty",
    ("CCW party", "affirmed"): "is a party to the Convention on Conventional Weapons",
    ("CCW Amended Protocol II report", "affirmed"): "submitted its CCW Amended Protocol II report",
}
EVENT_WORDS = {
    "last production": "last produced antipersonnel mines",
    "export moratorium": "had an export moratorium on antipersonnel mines in force",
    "use": "used antipersonnel mines",
    "abstain": "abstained in the UN General Assembly vote",
    "yes": "voted in favour in the UN General Assembly",
    "no": "voted against in the UN General Assembly",
    "attended": "attended a meeting of the Mine Ban Treaty",
    "statement": "made a statement on the mine ban",
}


def number(value: float) -> str:
    if value >= 1_000_000 and value % 100_000 == 0:
        return f"{value / 1_000_000:g} million"
    if value >= 1_000_000_000 and value % 100_000_000 == 0:
        return f"{value / 1_000_000_000:g} billion"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def quantity(fact: Fact, vocab: Vocabulary) -> str:
    v = fact.value
    if not isinstance(v, int | float):
        return str(v)
    amount = number(v)
    if fact.unit == "USD":
        amount = "US$" + (number(v / 1e9) + " billion" if v >= 1e9 else number(v))
        amount = amount.replace(" million billion", " billion")
    types = ", ".join(vocab.mine_types[m].name for m in fact.mine_types if m in vocab.mine_types)
    unit = (
        ""
        if fact.unit in (None, "USD")
        else f" {'antipersonnel ' if fact.unit == 'mines' else ''}{fact.unit}"
    )
    text = f"{fact.approx + ' ' if fact.approx else ''}{amount}{unit}"
    return f"{text} ({types})" if types else text


def period(p: Period | None) -> str:
    if p is None:
        return ""
    if p.precision == "day" and p.start:
        return "on " + date.fromisoformat(p.start).strftime("%-d %B %Y")
    if p.precision == "month" and p.start:
        return "in " + date.fromisoformat(p.start).strftime("%B %Y")
    if p.precision == "year" and p.start:
        return f"in {p.start[:4]}"
    if p.precision == "range" and p.start and p.end:
        return f"between {p.start[:4]} and {p.end[:4]}"
    if p.precision == "since" and p.start:
        return f"since {p.start[:4]}"
    if p.precision == "until" and p.end:
        return f"by {p.end[:4]}"
    if p.precision == "decade" and p.start:
        return f"in the {p.start[:3]}0s"
    return p.text


def sentence(fact: Fact, vocab: Vocabulary) -> str:
    """The profile sentence for ``fact``, without its footnote mark."""
    state = vocab.states[fact.state].name if fact.state in vocab.states else fact.state
    affirmed, denied = VERBS.get(fact.indicator, ("{v}", "not {v}"))
    value = str(fact.value)
    if fact.indicator == "treaty_status" and (value, fact.polarity) in TREATY_WORDS:
        body = TREATY_WORDS[(value, fact.polarity)]
    elif fact.indicator == "policy":
        provisions = fact.attributes.get("provisions") or {}
        detail = "; ".join(f"{k.replace('_', ' ')}: {v}" for k, v in provisions.items())
        body = f"set out its {value}" + (f" ({detail})" if detail else "")
    elif fact.polarity == "denied":
        body = denied.format(v=value, q=quantity(fact, vocab))
    elif not isinstance(fact.value, int | float) and value in EVENT_WORDS:
        body = EVENT_WORDS[value]
    else:
        body = affirmed.format(v=value, q=quantity(fact, vocab))
    extras = []
    if where := fact.attributes.get("location"):
        extras.append("in " + " and ".join(vocab.states[c].name for c in where if c in vocab.states))
    if cost := fact.attributes.get("cost_usd"):
        extras.append(f"at a cost of US${number(cost)}")
    if res := fact.attributes.get("resolution"):
        extras.append(f"on Resolution {res}" if "/" in str(res) else f"on {res}")
    when = period(fact.when)
    if fact.indicator == "policy" and fact.when and fact.when.precision == "since":
        when = f"in {fact.when.start[:4]}"
    words = " ".join(x for x in (f"{state} {body}", *extras, when) if x)
    return words[0].upper() + words[1:] + "."
