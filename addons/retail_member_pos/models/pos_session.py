from odoo import models


class PosSession(models.Model):
    _inherit = "pos.session"

    def _create_account_move(
        self,
        balancing_account=False,
        amount_to_balance=0,
        bank_payment_method_diffs=None,
    ):
        """充值赠送: the session's entry moves the bonus part of what its orders paid
        with stored value cards from the 预收账款 (which the card's payment debited in
        full) to a discount on the sales: the bonus was never paid."""
        data = super()._create_account_move(
            balancing_account, amount_to_balance, bank_payment_method_diffs
        )
        amount = sum(
            self._get_closed_orders().mapped("retail_stored_value_bonus_spent")
        )
        lines = self.env["retail.stored.value.bonus"]._retail_discount_lines(
            self.company_id, amount, self.env._("Stored value bonus spent")
        )
        if lines and self.move_id:
            self.env["account.move.line"].with_context(
                check_move_validity=False, skip_invoice_sync=True
            ).create([{**line, "move_id": self.move_id.id} for line in lines])
        return data
