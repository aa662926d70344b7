"""The one arithmetic context every figure is computed in: wide enough to stay exact.

A figure has at most 24 significant digits and is below 10^24 in its base unit (see
`quantity.MAX_DIGITS`), but its last digit may be as small as 10^-23 元. Adding the largest and
the smallest such figures needs 47 digits, a rate times a count times a number of years about
51, and quantizing such a product to the smallest last digit about 75; Decimal's default of 28
digits rounds or raises (InvalidOperation) there. 160 digits keep every sum, product and
quantization inside that range exact; quotients (shares, unit costs), which never end, are
rounded by the code that computes them (`calc.budget_lines.divide`). The context is set for
this thread and as the default of new ones when planctl.quantity is imported, so no figure is
ever computed in another.
"""

from __future__ import annotations

import decimal

PRECISION = 160


def install() -> None:
    """Make the exact context the current one and the default for new threads."""
    for context in (decimal.DefaultContext, decimal.getcontext()):
        context.prec = PRECISION


install()
