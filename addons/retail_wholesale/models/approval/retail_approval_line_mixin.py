from odoo import fields, models


class RetailApprovalLineMixin(models.AbstractModel):
    """A line of a document under approval (``retail.approval.mixin``): a product kept
    in stock, in its unit."""

    _name = "retail.approval.line.mixin"
    _description = "Approval Document Line"

    product_id = fields.Many2one(
        comodel_name="product.product",
        required=True,
        index=True,
        check_company=True,
        domain=[("is_storable", "=", True)],
    )
    product_uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
