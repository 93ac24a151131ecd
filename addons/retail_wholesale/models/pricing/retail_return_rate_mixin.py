from odoo import fields, models

RETURN_RATE_ACTIONS = [("warn", "Warn"), ("block", "Block")]


class RetailReturnRateMixin(models.AbstractModel):
    """退货率上限: the return-rate policy a customer grade sets for its customers and a
    customer may set for itself (``res.partner._retail_return_rate_policy``)."""

    _name = "retail.return.rate.mixin"
    _description = "Return Rate Policy"

    retail_return_rate_limit = fields.Float(
        string="Return Rate Limit (%)",
        digits=(16, 2),
        help="退货率上限: returned value / delivered value of a customer over the period. "
        "0: no limit.",
    )
    retail_return_rate_action = fields.Selection(
        selection=RETURN_RATE_ACTIONS,
        string="Above the Limit",
        default="warn",
        help="Warn: the return can be validated, with a warning in its chatter. Block: "
        "the return cannot be validated.",
    )
    retail_return_rate_days = fields.Integer(
        string="Return Rate Period (Days)",
        default=90,
        help="The return rate counts deliveries and returns of this many last days.",
    )
