from odoo import fields, models


class RetailPromotionTier(models.Model):
    """One step of a promotion: spend ``threshold``, get ``discount`` off (满减) or
    ``gift_product_id`` (满赠)."""

    _name = "retail.promotion.tier"
    _description = "Promotion Tier"
    _order = "promotion_id, threshold, id"

    promotion_id = fields.Many2one(
        comodel_name="retail.promotion",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="promotion_id.company_id", store=True)
    currency_id = fields.Many2one(related="promotion_id.currency_id")
    threshold = fields.Monetary(
        string="Spend at Least",
        required=True,
        help="Order amount, taxes included, from which this tier applies (满).",
    )
    discount = fields.Monetary(
        string="Amount Off",
        help="Amount taken off the order once it reaches this tier (减), in all: "
        "not added to the lower tiers.",
    )
    gift_product_id = fields.Many2one(
        comodel_name="product.product",
        string="Gift",
        check_company=True,
        domain="[('sale_ok', '=', True)]",
        help="Product given free once the order reaches this tier (赠).",
    )
    gift_qty = fields.Integer(string="Gift Quantity", default=1)
