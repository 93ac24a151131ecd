from odoo import api, fields, models


class PosOrderLine(models.Model):
    _inherit = "pos.order.line"

    # looked up by every synchronisation of an order with combos or refunds: without an
    # index each look-up reads the whole history of lines
    combo_parent_id = fields.Many2one(index="btree_not_null")
    refunded_orderline_id = fields.Many2one(index="btree_not_null")
    retail_flash_sale_id = fields.Many2one(
        comodel_name="retail.flash.sale",
        string="Flash Sale",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The flash sale this line was sold in; it counts towards its limits.",
    )
    retail_markdown_percent = fields.Float(
        string="Near-expiry Markdown (%)",
        readonly=True,
        copy=False,
        help="The till sold this line at the company's near-expiry markdown price "
        "(临期促销) because its lot expires within the markdown window; the server "
        "checks the lot when the order is synchronised.",
    )

    @api.model
    def _load_pos_data_fields(self, config_id):
        fields_list = super()._load_pos_data_fields(config_id)
        return [*fields_list, "retail_markdown_percent"]

    def _retail_is_reward_line(self):
        """Loyalty rewards and gift cards are priced by their programs, not pricelists."""
        self.ensure_one()
        return bool(self._fields.get("is_reward_line") and self.is_reward_line)

    @api.model
    def get_existing_lots(self, company_id, product_id):
        """The till's lots, first to expire first (FEFO), each with its expiry: lots
        past their expiration date come last, flagged ``retail_expired`` (the till
        refuses them), lots past their alert date are flagged ``retail_near_expiry``."""
        lots = super().get_existing_lots(company_id, product_id)
        records = self.env["stock.lot"].sudo().browse([lot["id"] for lot in lots])
        now = fields.Datetime.now()
        by_id = {lot.id: lot for lot in records}
        company = self.env["res.company"].browse(company_id)
        product = self.env["product.product"].browse(product_id)
        for lot in lots:
            record = by_id[lot["id"]]
            lot.update(self._retail_lot_markdown(company, product, record, now))
            lot["expiration_date"] = fields.Datetime.to_string(record.expiration_date)
            lot["retail_expired"] = bool(
                record.expiration_date and record.expiration_date <= now
            )
            lot["retail_near_expiry"] = bool(
                not lot["retail_expired"]
                and record.alert_date
                and record.alert_date <= now
            )
        return sorted(
            lots,
            key=lambda lot: (
                lot["retail_expired"],
                not lot["expiration_date"],
                lot["expiration_date"] or "",
                lot["id"],
            ),
        )

    @api.model
    def _retail_lot_markdown(self, company, product, lot, at):
        """``retail_markdown_price`` and ``retail_markdown_percent`` of a lot at ``at``:
        the near-expiry board's suggested price when the lot is within the company's
        markdown window, else False."""
        price = company._retail_markdown_price(
            product.lst_price, lot.expiration_date, at
        )
        return {
            "retail_markdown_price": price,
            "retail_markdown_percent": company.retail_markdown_percent
            if price is not False
            else False,
        }

    @api.model
    def retail_lot_status(self, company_id, product_id, lot_names):
        """What the till needs of the lots a cashier typed or scanned: ``expired``
        (names past their expiration date) and ``markdowns`` ({name: {price,
        percent}} of the lots within the company's near-expiry markdown window)."""
        lots = (
            self.env["stock.lot"]
            .sudo()
            .search(
                [
                    ("product_id", "=", product_id),
                    ("name", "in", lot_names),
                    ("company_id", "in", [company_id, False]),
                ]
            )
        )
        now = fields.Datetime.now()
        company = self.env["res.company"].browse(company_id)
        product = self.env["product.product"].browse(product_id)
        markdowns = {}
        for lot in lots:
            markdown = self._retail_lot_markdown(company, product, lot, now)
            if markdown["retail_markdown_price"] is not False:
                markdowns[lot.name] = {
                    "price": markdown["retail_markdown_price"],
                    "percent": markdown["retail_markdown_percent"],
                }
        return {
            "expired": lots.filtered(
                lambda lot: lot.expiration_date and lot.expiration_date <= now
            ).mapped("name"),
            "markdowns": markdowns,
        }
