from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .book_common import BookCommon


@tagged("post_install", "-at_install")
class TestBookReturn(BookCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_accounting()
        cls.reason = cls.env.ref("retail_wholesale.retail_return_reason_unsold")
        cls._stock(cls.book, 500)
        cls._stock(cls.cd, 500)

    def _validate(self, picking):
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
        return picking.button_validate()

    def _delivered_sale(self, qty):
        order = self._sale([(self.book, qty)])
        order.action_confirm()
        self._validate(order.picking_ids)
        order._create_invoices().action_post()
        return order

    def _return(self, picking, qty, reason=None):
        """Return ``qty`` copies of the book of ``picking``; its CD is left at 0."""
        wizard_form = Form(
            self.env["stock.return.picking"].with_context(
                active_id=picking.id, active_model="stock.picking"
            )
        )
        if reason:
            wizard_form.retail_return_reason_id = reason
        for index in range(len(wizard_form.product_return_moves)):
            with wizard_form.product_return_moves.edit(index) as line:
                if line.product_id == self.book:
                    line.quantity = qty
        action = wizard_form.save().action_create_returns()
        return self.env["stock.picking"].browse(action["res_id"])

    def test_customer_return_refunded_at_the_original_discount(self):
        order = self._delivered_sale(100)
        # the cover price goes up: the refund still uses the order's 6.5折 of 40
        self.book.product_tmpl_id.retail_cover_price = 50.0
        returned = self._return(order.picking_ids, 20, self.reason)
        self.assertEqual(returned.retail_return_reason_id, self.reason)
        quantities = {m.product_id: m.product_uom_qty for m in returned.move_ids}
        self.assertEqual(quantities, {self.book: 20.0, self.cd: 20.0})
        self._validate(returned)
        book_line = order.order_line.filtered(lambda line: line.product_id == self.book)
        self.assertEqual(book_line.qty_delivered, 80.0)
        refund = order._create_invoices(final=True)
        self.assertEqual(refund.move_type, "out_refund")
        self.assertEqual(refund.retail_return_reason_id, self.reason)
        line = refund.invoice_line_ids.filtered(
            lambda line: line.product_id == self.book
        )
        self.assertEqual(line.quantity, 20.0)
        self.assertEqual(line.price_unit, 26.0)
        self.assertEqual(refund.retail_cover_amount_total, 800.0)
        self.assertEqual(refund.retail_net_amount_total, 520.0)
        self.assertEqual(refund.retail_discount_label, "6.5折")
        self.assertEqual(refund.amount_total, 520.0)

    def test_credit_note_from_invoice_keeps_reason_and_discount(self):
        order = self._delivered_sale(10)
        invoice = order.invoice_ids
        reversal = (
            self.env["account.move.reversal"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create(
                {
                    "journal_id": invoice.journal_id.id,
                    "retail_return_reason_id": self.reason.id,
                }
            )
        )
        refund = self.env["account.move"].browse(reversal.refund_moves()["res_id"])
        self.assertEqual(refund.retail_return_reason_id, self.reason)
        self.assertEqual(refund.retail_cover_amount_total, 400.0)
        self.assertEqual(refund.retail_net_amount_total, 260.0)

    def test_company_may_require_a_return_reason(self):
        """退货原因必填: with the company setting, a customer return or credit note
        without a reason is refused and nothing is made; with a reason it goes on."""
        order = self._delivered_sale(10)
        self.env.company.retail_return_reason_required = True
        Picking = self.env["stock.picking"]
        before = Picking.search_count([])
        wizard = (
            self.env["stock.return.picking"]
            .with_context(active_id=order.picking_ids.id, active_model="stock.picking")
            .create({})
        )
        self.assertTrue(wizard.retail_return_reason_required)
        wizard.product_return_moves.filtered(
            lambda line: line.product_id == self.book
        ).quantity = 2
        with self.assertRaisesRegex(UserError, "needs a return reason"):
            wizard.action_create_returns()
        self.assertEqual(Picking.search_count([]), before)
        returned = self._return(order.picking_ids, 2, self.reason)
        self.assertEqual(returned.retail_return_reason_id, self.reason)
        invoice = order.invoice_ids
        Move = self.env["account.move"]
        moves_before = Move.search_count([])
        reversal = (
            self.env["account.move.reversal"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"journal_id": invoice.journal_id.id})
        )
        self.assertTrue(reversal.retail_return_reason_required)
        with self.assertRaisesRegex(UserError, "needs a return reason"):
            reversal.refund_moves()
        self.assertEqual(Move.search_count([]), moves_before)
        reversal.retail_return_reason_id = self.reason
        refund = Move.browse(reversal.refund_moves()["res_id"])
        self.assertEqual(refund.retail_return_reason_id, self.reason)

    def test_return_rate_limit_blocks(self):
        self.grade.write(
            {"retail_return_rate_limit": 10.0, "retail_return_rate_action": "block"}
        )
        order = self._delivered_sale(100)
        delivery = order.picking_ids
        small = self._return(delivery, 5)
        self.assertFalse(small.retail_return_rate_warning)
        self._validate(small)
        self.assertEqual(small.state, "done")
        # 5 + 10 copies back of 100 delivered: 15 % > 10 %
        big = self._return(delivery, 10)
        self.assertIn("15.0 %", big.retail_return_rate_warning)
        # the warehouse keeper who receives it cannot validate it either
        with self.assertRaisesRegex(UserError, "cannot be validated"):
            self._validate(big.with_user(self.role_users["keeper"]))
        self.assertEqual(big.state, "assigned")
        # the customer's own limit wins over its grade's
        self.bookshop.retail_return_rate_limit = 20.0
        self.assertFalse(big.retail_return_rate_warning)
        self._validate(big)
        self.assertEqual(big.state, "done")

    def test_return_rate_limit_warns(self):
        self.bookshop.write(
            {"retail_return_rate_limit": 10.0, "retail_return_rate_action": "warn"}
        )
        order = self._delivered_sale(100)
        returned = self._return(order.picking_ids, 30)
        self.assertIn("30.0 %", returned.retail_return_rate_warning)
        self._validate(returned)
        self.assertEqual(returned.state, "done")
        self.assertIn("above their limit of 10 %", returned.message_ids[0].body)

    def test_return_to_publisher_at_the_purchase_price(self):
        order = self.env["purchase.order"].create(
            {
                "partner_id": self.publisher.id,
                "order_line": [
                    Command.create({"product_id": self.book.id, "product_qty": 40})
                ],
            }
        )
        order.button_confirm()
        self._validate(order.picking_ids)
        bill = self.env["account.move"].browse(order.action_create_invoice()["res_id"])
        bill.invoice_date = bill.date
        bill.action_post()
        # a return to the publisher is no customer return: no reason required
        self.env.company.retail_return_reason_required = True
        wizard = (
            self.env["stock.return.picking"]
            .with_context(active_id=order.picking_ids.id, active_model="stock.picking")
            .create({})
        )
        self.assertFalse(wizard.retail_return_reason_required)
        returned = self._return(order.picking_ids, 10, self.reason)
        self.assertEqual(
            {m.product_id: m.product_uom_qty for m in returned.move_ids},
            {self.book: 10.0, self.cd: 10.0},
        )
        self._validate(returned)
        refund = self.env["account.move"].browse(
            order.action_create_invoice()["res_id"]
        )
        self.assertEqual(refund.move_type, "in_refund")
        self.assertEqual(refund.retail_return_reason_id, self.reason)
        line = refund.invoice_line_ids.filtered(
            lambda line: line.product_id == self.book
        )
        self.assertEqual(line.quantity, 10.0)
        self.assertEqual(line.price_unit, 22.0)
        self.assertEqual(refund.retail_cover_amount_total, 400.0)
        self.assertEqual(refund.retail_discount_label, "5.5折")
