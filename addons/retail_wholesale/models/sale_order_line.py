from odoo import api, fields, models

APPROVAL_FIELDS = {
    "product_id",
    "product_uom_qty",
    "product_uom",
    "price_unit",
    "discount",
}


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def write(self, vals):
        """A change of what is sold or its price voids the managers' approvals."""
        if APPROVAL_FIELDS.intersection(vals):
            self.order_id.filtered(
                lambda o: (
                    o.state in ("draft", "sent")
                    and (
                        o.retail_price_approved_by_id or o.retail_credit_approved_by_id
                    )
                )
            ).write(
                {
                    "retail_price_approved_by_id": False,
                    "retail_credit_approved_by_id": False,
                }
            )
        return super().write(vals)

    retail_flash_sale_id = fields.Many2one(
        comodel_name="retail.flash.sale",
        string="Flash Sale",
        compute="_compute_retail_flash_sale_id",
        store=True,
        index="btree_not_null",
        ondelete="set null",
        help="The flash sale whose price and quantity limits apply to this line.",
    )

    @api.depends("product_id", "order_id.date_order", "order_id.pricelist_id")
    def _compute_retail_flash_sale_id(self):
        """The flash sale of the product at the order date on the order's pricelist.

        Lines of confirmed or cancelled orders keep theirs: confirmation moves the order
        date, the sale stays counted in the flash sale it was checked against.
        """
        lines = self.filtered(
            lambda line: (
                line.state in ("draft", "sent")
                and line.product_id
                and not line.display_type
            )
        )
        (self - lines).filtered(
            lambda line: line.state in ("draft", "sent")
        ).retail_flash_sale_id = False
        if not lines:
            return
        now = fields.Datetime.now()
        dates = [line.order_id.date_order or now for line in lines]
        flash_sales = (
            self.env["retail.flash.sale"]
            .sudo()
            .search(
                [
                    ("product_id", "in", lines.product_id.ids),
                    ("date_start", "<=", max(dates)),
                    ("date_end", ">=", min(dates)),
                ]
            )
        )
        for line, date in zip(lines, dates, strict=True):
            line.retail_flash_sale_id = flash_sales.filtered(
                lambda flash_sale, line=line, date=date: (
                    flash_sale.product_id == line.product_id
                    and flash_sale.company_id == line.order_id.company_id
                    and flash_sale.date_start <= date <= flash_sale.date_end
                    and line.order_id.pricelist_id in flash_sale.pricelist_ids
                )
            )[:1]
