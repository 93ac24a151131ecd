from collections import defaultdict

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

    @api.depends("order_id.pricelist_id.retail_price_tax_excluded")
    def _compute_tax_id(self):
        """At a pricelist quoting before tax (报价不含税), the VAT comes on top of the
        pricelist's price: the product's tax-included taxes give way to their twins."""
        result = super()._compute_tax_id()
        # the pricelists are looked at once: most orders quote tax included
        excluded = self.order_id.pricelist_id.filtered("retail_price_tax_excluded")
        if not excluded:
            return result
        quoted = self.filtered(
            lambda line: line.tax_id and line.order_id.pricelist_id in excluded
        )
        twins = quoted.tax_id._retail_tax_excluded_twins()
        for line in quoted:
            line.tax_id = [twins.get(tax_id, tax_id) for tax_id in line.tax_id.ids]
        return result

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
        # the orders' dates bound the search; a line's own is read only when its
        # product is in a flash sale
        dates = [order.date_order or now for order in lines.order_id]
        if not all(line.order_id for line in lines):
            dates.append(now)
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
        # the lines of products in no flash sale (most of them) are cleared at once
        on_sale = set(flash_sales.product_id.ids)
        if off_sale := lines.filtered(lambda line: line.product_id.id not in on_sale):
            off_sale.retail_flash_sale_id = False
        for line in lines - off_sale:
            date = line.order_id.date_order or now
            line.retail_flash_sale_id = flash_sales.filtered(
                lambda flash_sale, line=line, date=date: (
                    flash_sale.product_id == line.product_id
                    and flash_sale.company_id == line.order_id.company_id
                    and flash_sale.date_start <= date <= flash_sale.date_end
                    and line.order_id.pricelist_id in flash_sale.pricelist_ids
                )
            )[:1]

    # ------------------------------------------------------------ expired stock
    def _retail_expired_stock(self):
        """{line: [(lot, quantity)]} of the expired lots, in the line's warehouse, of the
        expiry-tracked products of these quotation lines: stock that core never reserves
        for a delivery (product_expiry) and that is therefore not for sale.

        A lot counts as expired when it expires before the line's scheduled date (today
        when there is none). One grouped read per scheduled date."""
        lines = self.filtered(
            lambda line: (
                line.state in ("draft", "sent")
                and line.warehouse_id
                and line.product_id.is_storable
                and line.product_id.use_expiration_date
            )
        )
        by_date = defaultdict(lambda: self.browse())
        now = fields.Datetime.now()
        for line in lines:
            by_date[max(line.scheduled_date or now, now)] |= line
        result = {}
        Quant = self.env["stock.quant"].sudo()
        for date, date_lines in by_date.items():
            groups = Quant._read_group(
                [
                    ("product_id", "in", date_lines.product_id.ids),
                    ("location_id.usage", "=", "internal"),
                    ("location_id.warehouse_id", "in", date_lines.warehouse_id.ids),
                    ("expiration_date", "<", date),  # the lot's, stored on quants
                    ("quantity", ">", 0),
                ],
                ["product_id", "location_id", "lot_id"],
                ["quantity:sum"],
            )
            expired = defaultdict(list)
            for product, location, lot, quantity in groups:
                expired[product, location.warehouse_id].append((lot, quantity))
            for line in date_lines:
                if found := expired.get((line.product_id, line.warehouse_id)):
                    result[line] = found
        return result

    def _compute_qty_at_date(self):
        """The availability a quotation shows leaves out expired lots (never delivered)."""
        res = super()._compute_qty_at_date()
        for line, lots in self._retail_expired_stock().items():
            if not line.display_qty_widget:
                continue
            qty = line.product_id.uom_id._compute_quantity(
                sum(quantity for _lot, quantity in lots), line.product_uom
            )
            line.qty_available_today -= qty
            line.free_qty_today -= qty
            line.virtual_available_at_date -= qty
        return res
