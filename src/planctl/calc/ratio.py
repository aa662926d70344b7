"""Shares: a part over a whole, as an exact percentage with the uncertainty its figures carry."""

from __future__ import annotations

from decimal import Decimal, localcontext

from planctl.calc.compare import Comparison, compare
from planctl.quantity import Quantity


def share_comparison(stated: Quantity, part: Quantity, whole: Quantity) -> Comparison | None:
    """Compare a stated percentage with `part / whole`; None when the whole is zero."""
    if whole.base == 0:
        return None
    with localcontext() as context:
        context.prec = 40
        low = (part.base - part.tolerance) / (whole.base + whole.tolerance) * 100
        high_whole = whole.base - whole.tolerance
        high = (part.base + part.tolerance) / high_whole * 100 if high_whole > 0 else low
        middle = part.base / whole.base * 100
        spread = max(high - middle, middle - low)
    quantum = Decimal("1e-12")
    return compare(
        stated,
        middle.quantize(quantum),
        spread.quantize(quantum) + quantum,
        finest_part=Decimal(0),
        rounding_units=Decimal(1),
    )
