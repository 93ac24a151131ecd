from odoo import api, fields, models
from odoo.osv import expression


class ResPartner(models.Model):
    _inherit = "res.partner"

    retail_ordering_channel_id = fields.Many2one(
        comodel_name="retail.channel",
        string="Orders on the Portal in",
        company_dependent=True,
        domain="[('company_id', '=', current_company_id)]",
        help="A dealer or franchise store ordering on the portal (订货平台): their "
        "orders go to this channel (门店订货, 批发) and they see the products offered "
        "in it. Empty: no ordering on the portal.",
    )
    # head office's page of its dealers
    retail_portal_to_approve_count = fields.Integer(
        string="Orders to Approve", compute="_compute_retail_dealer_figures"
    )
    retail_portal_open_amount = fields.Monetary(
        string="Orders not Invoiced",
        compute="_compute_retail_dealer_figures",
        currency_field="currency_id",
    )
    retail_overdue_amount = fields.Monetary(
        string="Overdue",
        compute="_compute_retail_dealer_figures",
        currency_field="currency_id",
        help="What the dealer owes past its due date (posted, unpaid receivables).",
    )
    retail_credit_use = fields.Float(
        string="Credit Used (%)",
        compute="_compute_retail_dealer_figures",
        help="Receivable and orders not invoiced yet, in % of the credit limit.",
    )

    @api.model
    def _commercial_fields(self):
        return super()._commercial_fields() + ["retail_ordering_channel_id"]

    def _compute_retail_dealer_figures(self):
        Order = self.env["sale.order"]
        dealers = self.commercial_partner_id
        to_approve = Order._read_group(
            [
                ("partner_id", "child_of", dealers.ids),
                ("retail_portal_state", "in", ("to_approve", "changed")),
            ],
            ["partner_id"],
            ["__count"],
        )
        open_orders = Order.search(
            [
                ("partner_id", "child_of", dealers.ids),
                ("state", "=", "sale"),
                ("invoice_status", "!=", "invoiced"),
            ]
        )
        overdue = dict(
            self.env["account.move.line"]._read_group(
                [
                    ("partner_id", "child_of", dealers.ids),
                    ("company_id", "=", self.env.company.id),
                    ("parent_state", "=", "posted"),
                    ("account_id.account_type", "=", "asset_receivable"),
                    ("reconciled", "=", False),
                    ("date_maturity", "<", fields.Date.context_today(self)),
                ],
                ["partner_id"],
                ["amount_residual:sum"],
            )
        )
        for partner in self:
            dealer = partner.commercial_partner_id
            partner.retail_overdue_amount = sum(
                amount
                for contact, amount in overdue.items()
                if contact.commercial_partner_id == dealer
            )
            partner.retail_portal_to_approve_count = sum(
                count
                for contact, count in to_approve
                if contact.commercial_partner_id == dealer
            )
            open_amount = sum(
                order.currency_id._convert(
                    order.amount_to_invoice,
                    order.company_id.currency_id,
                    order.company_id,
                    fields.Date.context_today(self),
                )
                for order in open_orders
                if order.partner_id.commercial_partner_id == dealer
            )
            partner.retail_portal_open_amount = open_amount
            limit = dealer.credit_limit
            partner.retail_credit_use = (
                100.0 * (dealer.credit + open_amount) / limit if limit else 0.0
            )

    # ---------------------------------------------------------------- catalog
    def _retail_portal_dealer(self):
        """The dealer (commercial partner) ordering on the portal, or nothing."""
        dealer = self.commercial_partner_id
        return dealer if dealer.retail_ordering_channel_id else dealer.browse()

    def _retail_portal_offer_domain(self):
        """The products this dealer may order: on the ordering platform, for sale,
        in their channel (or in every channel)."""
        self.ensure_one()
        channel = self.retail_ordering_channel_id
        return [
            ("sale_ok", "=", True),
            ("retail_portal_ok", "=", True),
            ("company_id", "in", (False, channel.company_id.id)),
            "|",
            ("retail_portal_channel_ids", "=", False),
            ("retail_portal_channel_ids", "in", channel.ids),
        ]

    def _retail_portal_search_domain(self, search=None, category=None):
        domain = self._retail_portal_offer_domain()
        if search:
            search = search.strip()
            # a code or barcode first, in two look-ups of product_product alone, so
            # that the search by name is not an OR across products and templates
            Product = self.env["product.product"].sudo().with_context(active_test=True)
            exact = Product.search(
                ["|", ("default_code", "=ilike", search), ("barcode", "=", search)]
            )
            domain = expression.AND(
                [
                    domain,
                    ["|", ("id", "in", exact.ids), ("name", "ilike", search)]
                    if exact
                    else [("name", "ilike", search)],
                ]
            )
        if category:
            domain = expression.AND([domain, [("categ_id", "child_of", category.id)]])
        return domain

    def _retail_portal_rows(self, products, promotions=None):
        """One dict per product as this dealer sees it: their price (their grade's
        price list, at the minimum order quantity) and quantity breaks, case pack,
        minimum, and head office's availability as the company shows it."""
        self.ensure_one()
        company = self.retail_ordering_channel_id.company_id
        pricelist = self.with_company(company).property_product_pricelist
        products = products.with_company(company)
        warehouse = company._retail_hq_warehouse()
        stock = products.with_context(
            warehouse_id=warehouse.id
        )._compute_quantities_dict(None, None, None)
        breaks = self._retail_portal_breaks(pricelist, products)
        if promotions is None:
            promotions = self._retail_portal_promotions(products)[1]
        Rule = self.env["product.pricelist.item"].sudo()
        rows = []
        for product in products:
            first_qty = max(product.retail_min_qty, 1.0)
            prices = pricelist._compute_price_rule(
                product,
                first_qty,
                currency=pricelist.currency_id or company.currency_id,
            )
            rule = Rule.browse(prices[product.id][1])
            available = (
                stock[product.id]["qty_available"] - stock[product.id]["outgoing_qty"]
            )
            rows.append(
                {
                    "product": product,
                    "price": prices[product.id][0],
                    "breaks": [
                        (qty, pricelist._get_product_price(product, qty))
                        for qty in breaks.get(product.id, ())
                        if qty > first_qty
                    ],
                    "available": max(available, 0.0),
                    "level": self._retail_portal_level(company, available),
                    # 秒杀: the price is a flash sale's, until its end
                    "flash": rule.retail_flash_sale_id,
                    "promotions": promotions.get(product.id, ()),
                }
            )
        return rows

    def _retail_portal_promotions(self, products):
        """The promotions (营销活动) that this dealer's orders reach today, by the
        order's own rule for its programs (``_get_program_domain``: dates, grade's
        price list, channel), and {product id: promotions} of those limited to some
        products, among ``products``. Head office's confirmation of the order claims
        their rewards."""
        self.ensure_one()
        channel = self.retail_ordering_channel_id
        company = channel.company_id
        order = (
            self.env["sale.order"]
            .sudo()
            .with_company(company)
            .new(
                {
                    "partner_id": self.id,
                    "company_id": company.id,
                    "retail_channel_id": channel.id,
                    "pricelist_id": self.with_company(
                        company
                    ).property_product_pricelist.id,
                }
            )
        )
        programs = (
            self.env["loyalty.program"]
            .sudo()
            .with_company(company)
            .search(
                [
                    *order._get_program_domain(),
                    ("trigger", "=", "auto"),
                    ("retail_promotion_id", "!=", False),
                ]
            )
        )
        by_product = {}
        for program in programs:
            domains = [rule._get_valid_product_domain() for rule in program.rule_ids]
            if not products or not domains or not all(domains):
                continue  # on the whole order: shown above the catalogue
            promotion = program.retail_promotion_id
            for product in products.sudo().search(
                expression.AND([expression.OR(domains), [("id", "in", products.ids)]])
            ):
                by_product[product.id] = (
                    by_product.get(product.id, promotion.browse()) | promotion
                )
        return programs.retail_promotion_id, by_product

    def _retail_portal_breaks(self, pricelist, products):
        """{product id: [quantities]} where the dealer's price list (or the one it
        is based on) changes price: its quantity breaks (阶梯价)."""
        pricelists = pricelist | pricelist.item_ids.base_pricelist_id
        items = (
            self.env["product.pricelist.item"]
            .sudo()
            .search(
                [
                    ("pricelist_id", "in", pricelists.ids),
                    ("min_quantity", ">", 1),
                    "|",
                    "|",
                    ("product_id", "in", products.ids),
                    ("product_tmpl_id", "in", products.product_tmpl_id.ids),
                    ("applied_on", "in", ("3_global", "2_product_category")),
                ]
            )
        )
        result = {}
        for product in products:
            quantities = {
                item.min_quantity
                for item in items
                if (not item.product_id or item.product_id == product)
                and (
                    not item.product_tmpl_id
                    or item.product_tmpl_id == product.product_tmpl_id
                )
                and (
                    not item.categ_id
                    or product.categ_id.parent_path.startswith(
                        item.categ_id.parent_path
                    )
                )
            }
            result[product.id] = sorted(quantities)[:4]
        return result

    @api.model
    def _retail_portal_level(self, company, available):
        if available <= 0:
            return "out"
        if available < company.retail_portal_low_stock:
            return "low"
        return "ok"
