from collections import defaultdict

from odoo import _, api, fields, models

from odoo.addons.retail_wholesale.tools.pricing import net_unit_price


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

    # ----------------------------------------------------------- the review
    # of the lines of one order, as the server saved them (pos.order's review)
    def _retail_price_problems(self):
        """Lines whose price is not their pricelist's (where the order has no fiscal
        position), whose taxes are not their product's, or below the floor price."""
        order = self.order_id
        if not order:
            return []
        order.ensure_one()
        currency, company, date = order.currency_id, order.company_id, order.date_order
        pricelist = order.pricelist_id
        Tax = self.env["account.tax"]
        reasons = []
        for line in self:
            product = line.product_id
            net_price = net_unit_price(line)
            if pricelist and not order.fiscal_position_id:
                price = pricelist._get_product_price(
                    product, line.qty, currency=currency, date=date
                )
                taxes = product.taxes_id.filtered_domain(
                    Tax._check_company_domain(company)
                )
                if line.tax_ids != taxes:
                    reasons.append(
                        _(
                            "%(product)s: taxes %(sent)s instead of %(taxes)s.",
                            product=product.display_name,
                            sent=", ".join(line.tax_ids.mapped("name")) or "-",
                            taxes=", ".join(taxes.mapped("name")) or "-",
                        )
                    )
                price = Tax._fix_tax_included_price_company(
                    price, taxes, taxes, company
                )
                if currency.compare_amounts(net_price, price):
                    reasons.append(
                        _(
                            "%(product)s: sold at %(sent)s, the price is %(price)s.",
                            product=product.display_name,
                            sent=currency.round(net_price),
                            price=currency.round(price),
                        )
                    )
            below_floor = product._retail_below_floor(
                net_price, currency, company, date
            )
            if below_floor:
                reasons.append(below_floor)
        return reasons

    def _retail_at_markdown(self):
        """The lines sold at the company's near-expiry markdown price (临期促销) of
        their product, as the till marks them; whether their lots justify it is
        checked by ``_retail_markdown_problems``."""

        def at_markdown(line):
            company, currency = line.order_id.company_id, line.order_id.currency_id
            price = company._retail_marked_down(line.product_id.lst_price)
            return price is not False and not currency.compare_amounts(
                net_unit_price(line), price
            )

        return self.filtered(
            lambda line: line.retail_markdown_percent and at_markdown(line)
        )

    def _retail_lots_known_at_sale(self):
        """{line id: [(lot name, expiration date or False)]} of the lines' lots, the
        date False for a lot the server did not know when the order was made (made by
        the synchronisation from the name the till sent). One query."""
        order = self.order_id
        self.env["pos.pack.operation.lot"].flush_model(
            ["lot_name", "pos_order_line_id"]
        )
        self.env["stock.lot"].flush_model(["name", "product_id", "expiration_date"])
        self.env.cr.execute(
            """
            SELECT pl.pos_order_line_id, pl.lot_name, lot.expiration_date,
                   lot.create_date
              FROM pos_pack_operation_lot pl
              JOIN pos_order_line l ON l.id = pl.pos_order_line_id
              LEFT JOIN stock_lot lot
                     ON lot.product_id = l.product_id
                    AND lot.name = pl.lot_name
                    AND (lot.company_id = %s OR lot.company_id IS NULL)
             WHERE pl.pos_order_line_id IN %s
            """,
            [order.company_id.id, tuple(self.ids)],
        )
        lots_by_line = defaultdict(list)
        for line_id, lot_name, expiration_date, create_date in self.env.cr.fetchall():
            known = create_date and create_date <= order.date_order
            lots_by_line[line_id].append((lot_name, known and expiration_date))
        return lots_by_line

    def _retail_markdown_problems(self):
        """Near-expiry markdown prices are right only for lines whose every lot was
        known to the server at the order date and within the company's markdown window
        then (the lots of all the lines are read in one query)."""
        if not self:
            return []
        order = self.order_id
        order.ensure_one()
        company, currency = order.company_id, order.currency_id
        lots_by_line = self._retail_lots_known_at_sale()
        reasons = []
        for line in self:
            lots = lots_by_line.get(line.id)
            outside = [
                lot_name
                for lot_name, expiration_date in lots or []
                if not company._retail_in_markdown_window(
                    expiration_date, order.date_order
                )
            ]
            if lots and not outside:
                continue
            reasons.append(
                self.env._(
                    "%(product)s: sold at the near-expiry markdown price %(sent)s, but "
                    "lot %(lots)s is not within %(days)s days of its expiry on the "
                    "order date; the sales price is %(price)s.",
                    product=line.product_id.display_name,
                    sent=currency.round(net_unit_price(line)),
                    lots=", ".join(outside) or "-",
                    days=company.retail_markdown_days,
                    price=currency.round(line.product_id.lst_price),
                )
            )
        return reasons

    def _retail_expired_lot_problems(self):
        """Lots sold after their expiry date (a till offline, or a lot typed by hand):
        the sale happened, a manager looks at it. One query for all the lines' lots."""
        lot_lines = self.filtered("pack_lot_ids").pack_lot_ids
        names = {lot_line.lot_name for lot_line in lot_lines if lot_line.lot_name}
        if not names:
            return []
        order = self.order_id
        order.ensure_one()
        expired = (
            self.env["stock.lot"]
            .sudo()
            .search_fetch(
                [
                    ("name", "in", list(names)),
                    ("product_id", "in", lot_lines.product_id.ids),
                    ("product_id.use_expiration_date", "=", True),
                    ("expiration_date", "<=", order.date_order),
                    ("company_id", "in", (False, order.company_id.id)),
                ],
                ["name", "product_id", "expiration_date"],
            )
        )
        by_key = {(lot.product_id.id, lot.name): lot for lot in expired}
        in_tz = order.with_context(tz=order._retail_timezone())
        reasons = []
        for lot_line in lot_lines:
            lot = by_key.get((lot_line.product_id.id, lot_line.lot_name))
            if lot:
                reasons.append(
                    self.env._(
                        "%(product)s: lot %(lot)s expired on %(date)s.",
                        product=lot.product_id.display_name,
                        lot=lot.name,
                        date=fields.Datetime.context_timestamp(
                            in_tz, lot.expiration_date
                        ).strftime("%Y-%m-%d"),
                    )
                )
        return reasons
