from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    _inherit = "product.template"

    retail_brand_id = fields.Many2one(
        comodel_name="retail.brand",
        string="Brand",
        index="btree_not_null",
        ondelete="restrict",
    )
    retail_min_qty = fields.Float(
        string="Minimum Order Quantity",
        digits="Product Unit of Measure",
        help="起批量: sale orders must order at least this quantity (in the product's unit).",
    )
    retail_pack_qty = fields.Float(
        string="Case Pack",
        digits="Product Unit of Measure",
        help="整件: sale orders must order whole cases of this many units. 0: any quantity.",
    )
    retail_floor_price = fields.Monetary(
        string="Floor Price",
        currency_field="currency_id",
        help="最低售价: a sale line below this net price needs a sales manager's approval.",
    )

    @api.constrains("retail_min_qty", "retail_pack_qty", "retail_floor_price")
    def _check_retail_rules(self):
        for product in self:
            if product.retail_min_qty < 0:
                raise ValidationError(
                    _(
                        "Minimum order quantity of %(product)s cannot be negative.",
                        product=product.display_name,
                    )
                )
            if product.retail_pack_qty < 0:
                raise ValidationError(
                    _(
                        "Case pack of %(product)s cannot be negative.",
                        product=product.display_name,
                    )
                )
            if product.retail_floor_price < 0:
                raise ValidationError(
                    _(
                        "Floor price of %(product)s cannot be negative.",
                        product=product.display_name,
                    )
                )

    # 价格矩阵: the grade prices and quantity breaks of the product, as core pricelist
    # items, so that sale orders and the point of sale price them as usual.
    retail_price_matrix_ids = fields.One2many(
        comodel_name="product.pricelist.item",
        inverse_name="product_tmpl_id",
        string="Price Matrix",
        domain=[("retail_is_price_matrix", "=", True)],
        context={
            "default_applied_on": "1_product",
            "default_display_applied_on": "1_product",
            "default_compute_price": "fixed",
        },
        help="Fixed prices of this product in the pricelists of the customer grades, "
        "one line per quantity break (阶梯价).",
    )
    retail_grade_pricelist_ids = fields.Many2many(
        comodel_name="product.pricelist",
        string="Grade Pricelists",
        compute="_compute_retail_grade_pricelist_ids",
    )

    @api.depends_context("company")
    def _compute_retail_grade_pricelist_ids(self):
        pricelists = self.env["product.pricelist.item"]._retail_grade_pricelists()
        self.retail_grade_pricelist_ids = pricelists

    def action_retail_export_price_matrix(self):
        """Download the price matrix of these products as an xlsx workbook."""
        export = self.env["retail.price.matrix.export"].create(
            {"product_tmpl_ids": [fields.Command.set(self.ids)]}
        )
        export._generate()
        return {
            "type": "ir.actions.act_url",
            "name": _("Price Matrix"),
            "url": f"/web/content/{export._name}/{export.id}/file/{export.filename}"
            "?download=true",
            "target": "download",
        }
