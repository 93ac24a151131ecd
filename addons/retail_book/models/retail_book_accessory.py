from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class RetailBookAccessory(models.Model):
    _name = "retail.book.accessory"
    _description = "Book Accessory"
    _order = "product_tmpl_id, sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    product_tmpl_id = fields.Many2one(
        comodel_name="product.template",
        string="Book",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    product_id = fields.Many2one(
        comodel_name="product.product",
        string="Accessory",
        required=True,
        ondelete="restrict",
        check_company=True,
        help="配件, e.g. 随书光盘: sold and bought with the book.",
    )
    quantity = fields.Float(
        string="Quantity per Copy",
        digits="Product Unit of Measure",
        default=1.0,
        required=True,
    )
    company_id = fields.Many2one(related="product_tmpl_id.company_id", store=True)

    _sql_constraints = [
        (
            "product_unique",
            "unique(product_tmpl_id, product_id)",
            "A book lists each accessory once.",
        ),
    ]

    @api.constrains("quantity", "product_id", "product_tmpl_id")
    def _check_accessory(self):
        for accessory in self:
            if accessory.quantity <= 0:
                raise ValidationError(
                    _(
                        "Quantity of accessory %(accessory)s of %(book)s must be "
                        "positive.",
                        accessory=accessory.product_id.display_name,
                        book=accessory.product_tmpl_id.display_name,
                    )
                )
            if accessory.product_id.product_tmpl_id == accessory.product_tmpl_id:
                raise ValidationError(
                    _(
                        "%(book)s cannot be its own accessory.",
                        book=accessory.product_tmpl_id.display_name,
                    )
                )
            if accessory.product_id.retail_accessory_ids:
                raise ValidationError(
                    _(
                        "%(accessory)s has accessories of its own and cannot be an "
                        "accessory of %(book)s.",
                        accessory=accessory.product_id.display_name,
                        book=accessory.product_tmpl_id.display_name,
                    )
                )
