from odoo import Command

from odoo.addons.retail_reports.tests.test_retail_sales_report import SalesCommon


class PosSalesCommon(SalesCommon):
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
        cash_journal = cls.env["account.journal"].create(
            {"name": "门店现金", "code": "TCSH", "type": "cash"}
        )
        cash = cls.env["pos.payment.method"].create(
            {"name": "现金", "journal_id": cash_journal.id, "is_cash_count": True}
        )
        config = cls.env["pos.config"].create(
            {
                "name": "东店收银台",
                "picking_type_id": cls.store_warehouse.pos_type_id.id,
                "payment_method_ids": [Command.set(cash.ids)],
            }
        )
        config.open_ui()
        session = config.current_session_id
        total = qty * price
        order = cls.env["pos.order"].create(
            {
                "session_id": session.id,
                "partner_id": cls.member.id,
                "lines": [
                    Command.create(
                        {
                            "product_id": cls.product.id,
                            "qty": qty,
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
        cls.env["pos.make.payment"].with_context(
            active_id=order.id, active_ids=order.ids
        ).create({"amount": total, "payment_method_id": cash.id}).check()
        return order
