from odoo import api, fields, models, tools

# channels (retail.channel.code) selling to the trade, not to shoppers
TRADE_CHANNEL_CODES = ("WHOLESALE", "STORE")


class ProductPricelist(models.Model):
    _inherit = "product.pricelist"

    retail_trade = fields.Boolean(
        string="Trade Pricelist",
        help="Prices for wholesale customers, dealers or the company's own stores "
        "(批发价, 门店拿货价), not for shoppers: flash sales and other consumer "
        "promotions leave it out unless it is chosen. The store supply pricelist and "
        "the pricelists of the wholesale and store ordering channels count as trade "
        "pricelists too.",
    )

    retail_keep_base_breaks = fields.Boolean(
        string="Keep Base Quantity Breaks",
        default=True,
        help="When a rule of this pricelist prices a product that a rule based on another "
        "pricelist also covers, the other pricelist's quantity breaks (阶梯价) from a higher "
        "minimum quantity still apply. Core Odoo lets the first rule win at any quantity.",
    )

    retail_price_tax_excluded = fields.Boolean(
        string="Prices Before Tax",
        help="报价不含税: this pricelist's prices are before VAT, which orders at it add on "
        "top (a wholesale quote). Off, its prices include VAT as consumer prices do "
        "(含税价). Applies to sale orders; tills always sell tax included.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        pricelists = super().create(vals_list)
        pricelists._retail_ensure_tax_twins()
        return pricelists

    def write(self, vals):
        result = super().write(vals)
        if vals.get("retail_price_tax_excluded"):
            self._retail_ensure_tax_twins()
        return result

    def _retail_ensure_tax_twins(self):
        quoting = self.filtered("retail_price_tax_excluded")
        if quoting:
            self.env["account.tax"]._retail_ensure_tax_excluded_twins(
                quoting.company_id or self.env.companies
            )

    @api.model
    def _retail_trade_pricelists(self):
        """Pricelists for the trade rather than shoppers: marked as such, the store
        supply pricelist (门店拿货价) of a company, or the pricelist of the wholesale or
        store ordering channel."""
        Pricelist = self.sudo().with_context(active_test=False)
        trade = Pricelist.search([("retail_trade", "=", True)])
        trade |= (
            self.env["res.company"]
            .sudo()
            .search([("retail_store_pricelist_id", "!=", False)])
            .retail_store_pricelist_id
        )
        trade |= (
            self.env["retail.channel"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [("code", "in", TRADE_CHANNEL_CODES), ("pricelist_id", "!=", False)]
            )
            .pricelist_id
        )
        return trade.with_env(self.env)

    def _get_partner_pricelist_multi(self, partner_ids):
        """A customer's grade decides its pricelist in the current company."""
        result = super()._get_partner_pricelist_multi(partner_ids)
        partners = (
            self.env["res.partner"].with_context(active_test=False).browse(partner_ids)
        )
        result.update(self.env["retail.customer.grade"]._grade_pricelists(partners))
        return result

    def _compute_price_rule(
        self,
        products,
        quantity,
        currency=None,
        uom=None,
        date=False,
        compute_price=True,
        **kwargs,
    ):
        """Let a base pricelist's quantity breaks through its derived pricelists.

        Example (odoo/odoo#105505): base pricelist "A: 50, A from 10: 40"; derived pricelist
        "A: 45, everything else: the base pricelist". Core prices 10 A at 45, because the
        derived rule on A matches first; here the base's break from 10 wins: 40.
        """
        results = super()._compute_price_rule(
            products,
            quantity,
            currency=currency,
            uom=uom,
            date=date,
            compute_price=compute_price,
            **kwargs,
        )
        if not (self and self.retail_keep_base_breaks):
            return results
        if self.id not in self._retail_pricelists_with_based_rules():
            return results
        date = date or fields.Datetime.now()
        currency = currency or self.currency_id or self.env.company.currency_id
        based_rules = self._get_applicable_rules(products, date, **kwargs).filtered(
            lambda rule: (
                rule.base == "pricelist"
                and rule.base_pricelist_id
                and rule.compute_price in ("percentage", "formula")
            )
        )
        if not based_rules:
            return results
        Item = self.env["product.pricelist.item"]
        for product in products:
            rule = Item.browse(results[product.id][1])  # core returns (price, rule id)
            if not rule or rule in based_rules or rule.retail_flash_sale_id:
                continue  # a flash sale price (秒杀) wins at any quantity
            target_uom = uom or product.uom_id
            qty = target_uom._compute_quantity(
                quantity, product.uom_id, raise_if_failure=False
            )
            based = next(
                (r for r in based_rules if r._is_applicable_for(product, qty)), None
            )
            if not based:
                continue
            base_rule_id = based.base_pricelist_id._compute_price_rule(
                product,
                quantity,
                currency=currency,
                uom=uom,
                date=date,
                compute_price=False,
            )[product.id][1]
            if (
                base_rule_id
                and Item.browse(base_rule_id).min_quantity > rule.min_quantity
            ):
                # sale order lines ask for the rule only (compute_price=False), then price it
                price = (
                    based._compute_price(
                        product, quantity, target_uom, date=date, currency=currency
                    )
                    if compute_price
                    else 0.0
                )
                results[product.id] = (price, based.id)
        return results

    @api.model
    @tools.ormcache()
    def _retail_pricelists_with_based_rules(self):
        """Ids of the pricelists having a rule based on another pricelist: price
        computations of the others skip the base-breaks check without a query. Cleared
        when such rules change (product.pricelist.item create/write/unlink)."""
        items = (
            self.env["product.pricelist.item"]
            .sudo()
            .with_context(active_test=False)
            .search([("base", "=", "pricelist"), ("base_pricelist_id", "!=", False)])
        )
        return frozenset(items.pricelist_id.ids)
