from decimal import Decimal

from odoo.tests import BaseCase, tagged

from ..tools.reorder import (
    Reorder,
    alert_state,
    forecast_qty,
    reorder,
    suggested_qty,
    velocity_levels,
)


def _figures(**figures):
    """Arguments of ``reorder``: a level set by hand of a product with nothing in
    stock, nothing moving or ordered and no supplier, unless given."""
    return {
        "mode": "manual",
        "daily_sales": Decimal(0),
        "lead_days": 0,
        "cover_days": 14,
        "safety_days": 3,
        "min_qty": Decimal(0),
        "max_qty": Decimal(0),
        "on_hand": Decimal(0),
        "free": Decimal(0),
        "incoming": Decimal(0),
        "outgoing": Decimal(0),
        "ordered": 0.0,
        "supplier_min_qty": Decimal(0),
        "pack_qty": Decimal(0),
        **figures,
    }


@tagged("post_install", "-at_install")
class TestReorder(BaseCase):
    """The reorder maths of the stock levels, without a database."""

    def test_velocity_levels_cover_lead_and_safety_days_rounded_up(self):
        # 2/day × (5 + 3) = 16; × (5 + 14 + 3) = 44
        self.assertEqual(velocity_levels(Decimal(2), 5, 14, 3), (16, 44))
        # 0.25/day: 2 and 5.5 units, rounded up to whole units
        self.assertEqual(velocity_levels(Decimal("0.25"), 5, 14, 3), (2, 6))
        self.assertEqual(velocity_levels(Decimal(0), 5, 14, 3), (0, 0))

    def test_velocity_levels_are_the_exact_products_postgresql_computes(self):
        # PostgreSQL divides 20 sold over 30 days to 0.66666666666666666667 a day;
        # its exact product by 3 days is 2.00000000000000000001, rounded up to 3
        self.assertEqual(
            velocity_levels(Decimal("0.66666666666666666667"), 3, 0, 0), (3, 3)
        )
        # 30 digits, beyond Decimal's default 28 (which would round to 99999): exact
        daily = Decimal("99999.0000000000000000000000001")
        self.assertEqual(velocity_levels(daily, 1, 0, 0), (100000, 100000))

    def test_forecast_adds_incoming_and_ordered_and_takes_outgoing(self):
        self.assertEqual(forecast_qty(Decimal(10), Decimal(5), Decimal(8), 12.0), 19.0)
        # the ordered quantity is a float: the exact sum is rounded to a float first
        self.assertEqual(
            forecast_qty(Decimal("0.1"), Decimal(0), Decimal(0), 0.2), 0.1 + 0.2
        )
        self.assertIsInstance(forecast_qty(Decimal(1), 0, 0, 0.0), float)

    def test_negative_stock_comes_before_the_other_alerts(self):
        self.assertEqual(alert_state(Decimal(-1), Decimal(-1), -1.0, 5, 10), "negative")

    def test_short_when_the_free_or_the_forecast_quantity_is_below_safety_stock(self):
        # enough forecast, but most of the stock is reserved
        self.assertEqual(alert_state(Decimal(8), Decimal(2), 8.0, 5, 10), "short")
        # enough free stock, but deliveries will take it below
        self.assertEqual(alert_state(Decimal(8), Decimal(8), 3.0, 5, 10), "short")
        self.assertEqual(alert_state(Decimal(5), Decimal(5), 5.0, 5, 10), "ok")

    def test_over_stock_only_above_a_set_over_stock_level(self):
        self.assertEqual(alert_state(Decimal(11), Decimal(11), 11.0, 5, 10), "over")
        self.assertEqual(alert_state(Decimal(10), Decimal(10), 10.0, 5, 10), "ok")
        # no over-stock level (0) means no limit
        self.assertEqual(alert_state(Decimal(999), Decimal(999), 999.0, 0, 0), "ok")

    def test_alert_compares_the_forecast_as_a_float(self):
        # 0.3 as a float is below the exact 0.3, but PostgreSQL compares the safety
        # stock as a float too: not short
        self.assertEqual(
            alert_state(Decimal("0.3"), Decimal("0.3"), 0.3, Decimal("0.3"), 0), "ok"
        )

    def test_empty_levels_raise_no_alert_and_suggest_nothing(self):
        self.assertEqual(alert_state(Decimal(0), Decimal(0), -5.0, None, None), "ok")
        self.assertEqual(suggested_qty(-5.0, None, None, Decimal(0), Decimal(0)), 0.0)

    def test_suggestion_fills_up_to_the_over_stock_level_in_whole_packs(self):
        # forecast 7 below safety stock 10: 30 - 7 = 23, in packs of 12: 24
        self.assertEqual(suggested_qty(7.0, 10, 30, Decimal(0), Decimal(12)), 24.0)
        # no pack size: the exact quantity
        self.assertEqual(suggested_qty(7.0, 10, 30, Decimal(0), Decimal(0)), 23.0)

    def test_no_suggestion_while_the_forecast_reaches_safety_stock(self):
        self.assertEqual(suggested_qty(10.0, 10, 30, Decimal(50), Decimal(12)), 0.0)

    def test_suggestion_is_raised_to_the_suppliers_minimum_before_packing(self):
        # needs 23, the supplier sells 50 at least: 50, in packs of 12: 60
        self.assertEqual(suggested_qty(7.0, 10, 30, Decimal(50), Decimal(12)), 60.0)

    def test_suggestion_fills_to_safety_stock_without_over_stock_level(self):
        self.assertEqual(suggested_qty(-2.0, 10, 0, Decimal(0), Decimal(0)), 12.0)
        self.assertEqual(suggested_qty(-2.0, 10, None, Decimal(0), Decimal(0)), 12.0)

    def test_reorder_derives_velocity_levels_and_keeps_levels_set_by_hand(self):
        figures = _figures(
            daily_sales=Decimal(2),
            lead_days=5,
            on_hand=Decimal(10),
            free=Decimal(10),
            outgoing=Decimal(4),
            supplier_min_qty=Decimal(50),
            pack_qty=Decimal(12),
        )
        # 16 and 44 from 2/day; forecast 6 < 16: max(44 - 6, 50) = 50 → 60
        self.assertEqual(
            reorder(**dict(figures, mode="velocity")),
            Reorder(16, 44, 6.0, "short", 60.0),
        )
        self.assertEqual(
            reorder(**dict(figures, min_qty=Decimal(5), max_qty=Decimal(8))),
            Reorder(Decimal(5), Decimal(8), 6.0, "over", 0.0),
        )
