import uuid

from odoo import Command

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.retail_pos_ext.tests.common import RetailPosHttpCommon


class StoredValueCommon(RetailPosHttpCommon):
    """A company on the Chinese chart (小企业会计准则) with its stored value card
    program, a member and a till; orders are sent as the cashier's till sends them."""

    @classmethod
    @AccountTestInvoicingCommon.setup_chart_template("cn")
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.main_pos_config.company_id
        cls.program = cls.company.retail_stored_value_program_id
        # the common set-up archives every program (other modules' points)
        cls.program.active = True
        cls.top_up = cls.program.rule_ids.with_context(active_test=False).product_ids
        cls.reward = cls.program.reward_ids
        # and core's POS tests archive the products of the tills
        (cls.top_up | cls.reward.discount_line_product_id).action_unarchive()
        cls.liability = cls.company._retail_stored_value_account()
        cls.member = cls.env["res.partner"].create({"name": "Member Li"})
        cls.tea = cls._create_retail_product("Retail SV Tea", 300.0)
        cls.cash = cls.main_pos_config.payment_method_ids.filtered("is_cash_count")[:1]

    def _card(self, points, partner=None, program=None):
        return self.env["loyalty.card"].create(
            {
                "program_id": (program or self.program).id,
                "partner_id": (partner or self.member).id,
                "points": points,
            }
        )

    def _spend_payload(self, session, card, amount, goods=None, cash=0.0):
        """An order of ``goods`` ([(product, qty, price)]) paid ``amount`` with the
        stored value card (core's eWallet reward line) and ``cash``."""
        goods = goods or [(self.tea, 1, amount + cash)]
        payments = [(self.cash, cash)] if cash else []
        data = self._order_payload(session, goods, payments, partner=card.partner_id)
        code = str(uuid.uuid4())[:8]
        data["lines"].append(
            Command.create(
                {
                    "product_id": self.reward.discount_line_product_id.id,
                    "qty": 1,
                    "price_unit": -amount,
                    "discount": 0,
                    "price_subtotal": -amount,
                    "price_subtotal_incl": -amount,
                    "tax_ids": [],
                    "is_reward_line": True,
                    "reward_id": self.reward.id,
                    "coupon_id": card.id,
                    "points_cost": amount,
                    "reward_identifier_code": code,
                }
            )
        )
        data["amount_total"] = data["amount_paid"] = cash
        return data, code

    def _sync(self, payloads, user=None):
        result = (
            self.env["pos.order"]
            .with_user(user or self.pos_user)
            .sync_from_ui(payloads)
        )
        return self.env["pos.order"].browse([o["id"] for o in result["pos.order"]])

    def _confirm(self, order, card, points, code=None, user=None):
        """The till's confirmation of the order's points after its synchronisation."""
        return order.with_user(user or self.pos_user).confirm_coupon_programs(
            {
                card.id: {
                    "points": points,
                    "program_id": self.program.id,
                    "coupon_id": card.id,
                    "barcode": False,
                    "partner_id": card.partner_id.id,
                    "line_codes": [code] if code else [],
                }
            }
        )

    def _ledger(self, account=None):
        """The balance of the 预收账款 in the ledger (posted entries), as a credit."""
        lines = self.env["account.move.line"].search(
            [
                ("account_id", "=", (account or self.liability).id),
                ("parent_state", "=", "posted"),
            ]
        )
        return -sum(lines.mapped("balance"))
