from odoo import api, fields, models

# kinds whose payer's transaction reference is kept on the payment by default
REFERENCE_KINDS = ("wechat", "alipay")


class PosPaymentMethod(models.Model):
    _inherit = "pos.payment.method"

    retail_payment_kind = fields.Selection(
        selection=[
            ("cash", "Cash"),
            ("wechat", "WeChat Pay"),
            ("alipay", "Alipay"),
            ("unionpay", "UnionPay Card"),
            # the former method charged to the member's account: kept for the
            # payments made with it, no longer created (stored value is an eWallet)
            ("stored_value", "Member Stored Value"),
            ("other", "Other"),
        ],
        string="Kind",
        compute="_compute_retail_payment_kind",
        store=True,
        readonly=False,
        help="What the customer pays with; WeChat Pay and Alipay payments keep the "
        "payer's transaction reference.",
    )
    retail_requires_reference = fields.Boolean(
        string="Transaction Reference Required",
        compute="_compute_retail_requires_reference",
        store=True,
        readonly=False,
        help="The cashier scans or types the payer's transaction reference (the number "
        "in the customer's WeChat or Alipay bill) before the order is validated.",
    )
    retail_reference_adapter = fields.Selection(
        selection=[("manual", "Scanned or typed by the cashier")],
        string="Reference From",
        default="manual",
        required=True,
        help="Where the transaction reference comes from; a payment gateway integration "
        "adds its own option.",
    )

    @api.depends("is_cash_count")
    def _compute_retail_payment_kind(self):
        for method in self:
            if method.is_cash_count:
                method.retail_payment_kind = "cash"
            elif method.retail_payment_kind in (False, "cash"):
                method.retail_payment_kind = "other"

    @api.depends("retail_payment_kind")
    def _compute_retail_requires_reference(self):
        for method in self:
            method.retail_requires_reference = (
                method.retail_payment_kind in REFERENCE_KINDS
            )

    @api.model
    def _load_pos_data_fields(self, config_id):
        return super()._load_pos_data_fields(config_id) + [
            "retail_payment_kind",
            "retail_requires_reference",
            "retail_reference_adapter",
        ]
