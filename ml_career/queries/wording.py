"""How amounts and durations are written for people."""

from __future__ import annotations


def money(amount: int, currency: str) -> str:
    return f"${amount:,}" if currency == "USD" else f"{amount:,} {currency}"


def money_range(low: int, high: int, currency: str) -> str:
    return money(low, currency) if low == high else f"{money(low, currency)} to {money(high, currency)}"


def years_range(low: int, high: int) -> str:
    unit = "year" if high == 1 else "years"
    return f"{low} {unit}" if low == high else f"{low} to {high} {unit}"


def publisher_label(publisher: str | None) -> str:
    return publisher or "publisher not named"
