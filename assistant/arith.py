"""Exact arithmetic over stored values, each result carrying the formula that produced it."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

TWO = Decimal("0.01")


@dataclass(frozen=True)
class Result:
    value: Decimal
    formula: str


class ZeroBase(ZeroDivisionError):
    """A share, multiple or rate whose divisor is 0: it cannot be computed (the engine says so, citing
    nothing it did not read); never an answer, never a crash."""

    def __init__(self, formula: str):
        super().__init__(formula)
        self.formula = formula


def fmt(d: Decimal) -> str:
    """A stored value as printed: keep its own precision, no exponent."""
    return format(d, "f")


def with_unit(d: Decimal, unit: str | None) -> str:
    return f"{fmt(d)} {unit}".strip() if unit else fmt(d)


def round2(d: Decimal) -> Decimal:
    return d.quantize(TWO, rounding=ROUND_HALF_UP)


def total(values: list[Decimal]) -> Result:
    s = sum(values, Decimal(0))
    return Result(s, " + ".join(fmt(v) for v in values) + f" = {fmt(s)}")


def difference(a: Decimal, b: Decimal) -> Result:
    """The gap between two amounts, as a magnitude: the larger minus the smaller."""
    hi, lo = (a, b) if a >= b else (b, a)
    d = hi - lo
    return Result(d, f"{fmt(hi)} − {fmt(lo)} = {fmt(d)}")


def share(part: Decimal, whole: Decimal) -> Result:
    """part as a percentage of whole, rounded half-up to 2 places."""
    if whole == 0:
        raise ZeroBase(f"{fmt(part)} ÷ {fmt(whole)}")
    p = round2(part / whole * 100)
    return Result(p, f"{fmt(part)} ÷ {fmt(whole)} = {fmt(p)}%")


def multiple(a: Decimal, b: Decimal) -> Result:
    if b == 0:
        raise ZeroBase(f"{fmt(a)} ÷ {fmt(b)}")
    m = round2(a / b)
    return Result(m, f"{fmt(a)} ÷ {fmt(b)} = {fmt(m)} 倍")


def prior(current: Decimal, change: Decimal) -> Result:
    """Last year's figure from this year's and the stated change (change > 0: an increase)."""
    p = current - change
    op = "−" if change >= 0 else "+"
    return Result(p, f"{fmt(current)} {op} {fmt(abs(change))} = {fmt(p)}")


def change_rate(change: Decimal, base: Decimal) -> Result:
    """Change as a percentage of last year's figure, as a magnitude."""
    if base == 0:
        raise ZeroBase(f"{fmt(abs(change))} ÷ {fmt(base)}")
    p = round2(abs(change) / base * 100)
    return Result(p, f"{fmt(abs(change))} ÷ {fmt(base)} = {fmt(p)}%")


# 元 per unit of each money unit the tables print: the one table every conversion and comparison reads.
YUAN_PER = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}


def is_money(unit: str | None) -> bool:
    return unit in YUAN_PER


def convert(value: Decimal, unit: str, to: str) -> Result:
    """An amount in another money unit, exactly (no rounding): 31214205.80 元 = 3121.42058 万元."""
    out = (value * YUAN_PER[unit] / YUAN_PER[to]).normalize()
    if out.as_tuple().exponent > -2 and "." in fmt(value):
        out = out.quantize(TWO)  # keep cents as printed: 0.95 万元 = 9500.00 元
    elif out.as_tuple().exponent > 0:
        out = out.quantize(Decimal(1))
    return Result(out, f"{fmt(value)} {unit} = {fmt(out)} {to}")
