from odoo import Command

from odoo.addons.retail_reports.tests.test_retail_sales_report import SalesCommon


class PosTillCommon:
    """Selling ``cls.product`` at a till of ``cls.store_warehouse``, paid cash."""

    @classmethod
    def _open_session(cls, name, code, journal_name=None):
        """A till ``name`` paid cash into a journal ``code``, opened."""
        journal = cls.env["account.journal"].create(
            {"name": journal_name or f"{name}现金", "code": code, "type": "cash"}
        )
        cash = cls.env["pos.payment.method"].create(
            {"name": "现金", "journal_id": journal.id, "is_cash_count": True}
        )
        config = cls.env["pos.config"].create(
            {
                "name": name,
                "picking_type_id": cls.store_warehouse.pos_type_id.id,
                "payment_method_ids": [Command.set(cash.ids)],
            }
        )
        config.open_ui()
        return config.current_session_id

    @classmethod
    def _pay(cls, order):
        cls.env["pos.make.payment"].with_context(
            active_id=order.id, active_ids=order.ids
        ).create(
            {
                "amount": order.amount_total,
                "payment_method_id": order.config_id.payment_method_ids.id,
            }
        ).check()

    @classmethod
    def _pos_order(cls, session, quantity, price, partner=None):
        """A paid order of ``quantity`` × ``price`` (untaxed) of the product."""
        total = quantity * price
        order = cls.env["pos.order"].create(
            {
                "session_id": session.id,
                **({"partner_id": partner.id} if partner else {}),
                "lines": [
                    Command.create(
                        {
                            "product_id": cls.product.id,
                            "qty": quantity,
                            "price_unit": price,
                            "price_subtotal": total,
                            "price_subtotal_incl": total,
                        }
                    )
                ],
                "amount_tax": 0.0,
                "amount_total": total,
                "amount_paid": 0.0,
                "amount_return": 0.0,
            }
        )
        cls._pay(order)
        return order


class PosSalesCommon(PosTillCommon, SalesCommon):
    """The sales analyses' fixture with the member's order of 2 at 12.00 paid at the
    store's till: the same figures, from the till's branch of the sales fact.

    The test classes built on it run the tests of ``retail_reports`` they extend
    (Odoo runs only a class's own test methods unless told so)."""

    allow_inherited_tests_method = True
    member_source = "pos"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pos_order = cls.member_order

    @classmethod
    def _member_order(cls, qty, price):
        session = cls._open_session("东店收银台", "TCSH", journal_name="门店现金")
        return cls._pos_order(session, qty, price, partner=cls.member)
