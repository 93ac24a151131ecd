"""Reorder maths of the stock levels (库存水位): safety stock, over-stock level, alert
and the quantity to order. Plain Python, no database: the stock levels' refresh gathers
the figures of every product × warehouse in SQL and applies :func:`reorder` to them.

The figures come as PostgreSQL holds them: ``Decimal`` (or ``int``) for its exact
``numeric`` quantities (sales per day, stock, levels, supplier minimum, pack size) and
``float`` for the quantity ordered (purchase lines keep a ``double precision``). The
maths mixes them as SQL does, so that the results are the very numbers SQL would
compute: sums and levels stay exact, and whatever involves the quantity ordered (the
forecast, then the quantity to order) is a float, the exact figures rounded to floats
where they meet it. A level set by hand may be empty (``None``, SQL's NULL): it then
counts as no level, as in SQL.
"""

import math
from decimal import Context
from typing import NamedTuple

#: exact sums and products of PostgreSQL's numeric figures: its numeric arithmetic does
#: not round, Decimal's default context (28 digits) could
EXACT = Context(prec=60)


class Reorder(NamedTuple):
    min_qty: object  # safety stock (下限)
    max_qty: object  # over-stock level (上限)
    forecast: float  # on hand + incoming - outgoing + ordered
    alert: str  # "ok", "over", "short" or "negative"
    suggested_qty: float  # quantity to order


def velocity_levels(daily_sales, lead_days, cover_days, safety_days):
    """(safety stock, over-stock level) from the sales per day: the sales until goods
    ordered now arrive plus the safety days, and the cover days on top for the
    over-stock level; both rounded up to whole units. ``daily_sales``: a Decimal or
    an int."""
    return (
        math.ceil(EXACT.multiply(daily_sales, lead_days + safety_days)),
        math.ceil(EXACT.multiply(daily_sales, lead_days + cover_days + safety_days)),
    )


def forecast_qty(on_hand, incoming, outgoing, ordered):
    """On hand + incoming - outgoing (exact: Decimals or ints) + ordered (a float)."""
    return float(EXACT.subtract(EXACT.add(on_hand, incoming), outgoing)) + ordered


def alert_state(on_hand, free, forecast, min_qty, max_qty):
    """Negative stock (负库存) first, then below safety stock (the free or the forecast
    quantity under it), then over-stock (more on hand than the over-stock level, when
    it is set)."""
    if on_hand < 0:
        return "negative"
    if (min_qty or 0) > 0 and min(float(free), forecast) < float(min_qty):
        return "short"
    if (max_qty or 0) > 0 and on_hand > max_qty:
        return "over"
    return "ok"


def suggested_qty(forecast, min_qty, max_qty, supplier_min_qty, pack_qty):
    """When the forecast falls below the safety stock: fill up to the over-stock level
    (the safety stock when that is lower), at least the supplier's minimum, rounded up
    to whole packs. Nothing otherwise."""
    if min_qty is None or not forecast < float(min_qty):
        return 0.0
    fill_to = min_qty if max_qty is None else max(max_qty, min_qty)
    need = max(float(fill_to) - forecast, float(supplier_min_qty))
    if need > 0 and pack_qty > 0:
        pack = float(pack_qty)
        return math.ceil(need / pack) * pack
    return need


def reorder(
    mode,
    daily_sales,
    lead_days,
    cover_days,
    safety_days,
    min_qty,
    max_qty,
    on_hand,
    free,
    incoming,
    outgoing,
    ordered,
    supplier_min_qty,
    pack_qty,
):
    """The levels, forecast, alert and quantity to order of one product in one
    warehouse. ``mode`` "velocity" derives the levels from ``daily_sales``; otherwise
    (set by hand) ``min_qty`` and ``max_qty`` are kept."""
    if mode == "velocity":
        min_qty, max_qty = velocity_levels(
            daily_sales, lead_days, cover_days, safety_days
        )
    forecast = forecast_qty(on_hand, incoming, outgoing, ordered)
    return Reorder(
        min_qty,
        max_qty,
        forecast,
        alert_state(on_hand, free, forecast, min_qty, max_qty),
        suggested_qty(forecast, min_qty, max_qty, supplier_min_qty, pack_qty),
    )
