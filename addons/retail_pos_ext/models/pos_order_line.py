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
        for lot in lots:
            record = by_id[lot["id"]]
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
    def retail_expired_lots(self, product_id, lot_names):
        """Those of ``lot_names`` of the product that are past their expiration date."""
        lots = (
            self.env["stock.lot"]
            .sudo()
            .search(
                [
                    ("product_id", "=", product_id),
                    ("name", "in", lot_names),
                    ("expiration_date", "<=", fields.Datetime.now()),
                ]
            )
        )
        return lots.mapped("name")
