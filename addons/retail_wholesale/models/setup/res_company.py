from odoo import _, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_round


class ResCompany(models.Model):
    _inherit = "res.company"

    retail_store_pricelist_id = fields.Many2one(
        comodel_name="product.pricelist",
        string="Store Supply Pricelist",
        domain="[('company_id', 'in', [id, False])]",
        help="Prices stores pay head office for the goods they order (门店拿货价). "
        "Without it, store orders are priced at the product cost.",
    )
    retail_markdown_days = fields.Integer(
        string="Near-expiry Markdown Days",
        default=30,
        help="Lots expiring within this many days get a suggested markdown price on the "
        "near-expiry board (临期促销).",
    )
    retail_markdown_percent = fields.Float(
        string="Near-expiry Markdown (%)",
        default=30.0,
        help="Discount off the sales price suggested for near-expiry lots.",
    )
    retail_return_reason_required = fields.Boolean(
        string="Return Reason Required",
        help="Customer returns (退货) and customer credit notes cannot be made without "
        "a return reason.",
    )
    retail_lot_negative_allowed = fields.Boolean(
        string="Lots May Go Negative",
        default=True,
        help="Deliveries may take more of a lot than its recorded stock (批次允许负库存), "
        "as in core Odoo: the goods are on the shelf, their receipt is not booked yet. "
        "Untick to refuse such deliveries in the back office, naming the lot; the tills' "
        "sales are never refused.",
    )
    retail_scrap_approval_amount = fields.Monetary(
        string="Scrap Approval Above",
        currency_field="currency_id",
        default=500.0,
        help="Scraps (报损) worth more than this at cost need a store manager's or head "
        "office's approval. 0: never.",
    )

    def _retail_setup_china(self):
        """Make the company a Chinese one, as the setup assistant (开账向导) and the demo
        chain do: China, CNY, the chart of the 小企业会计准则 (l10n_cn) with prices entered
        tax included (含税价), documents in Chinese, and stock valued perpetually at
        moving average (永续盘存, 移动加权平均) for the categories made from now on.

        The currency and the chart can only change before the company's first entry: a
        company with entries that lacks them is refused, naming what it has."""
        self.ensure_one()
        company = self.sudo()
        cny = self.env.ref("base.CNY").sudo()
        if not cny.active:
            cny.active = True
        if company.chart_template != "cn" or company.currency_id != cny:
            if company._existing_accounting():
                raise UserError(
                    _(
                        "%(company)s already has journal entries in %(currency)s with "
                        "the chart %(chart)s: the Chinese chart and CNY can only be set "
                        "up before the first entry.",
                        company=company.name,
                        currency=company.currency_id.name,
                        chart=company.chart_template or "-",
                    )
                )
            company.write(
                {"country_id": self.env.ref("base.cn").id, "currency_id": cny.id}
            )
        if company.chart_template != "cn":
            # core loads a chart as the superuser only; the assistant checked the role
            self.env["account.chart.template"].sudo().try_loading(
                "cn", company, install_demo=False
            )
        if company.account_price_include != "tax_included" and not (
            company._existing_accounting()
        ):
            company.account_price_include = "tax_included"
        lang = self.env["res.lang"].sudo()._activate_lang("zh_CN")
        if lang:
            company.partner_id.lang = lang.code
        Default = self.env["ir.default"].sudo()
        for field, value in (
            ("property_cost_method", "average"),
            ("property_valuation", "real_time"),
        ):
            Default.set("product.category", field, value, company_id=company.id)
        return True

    def _retail_in_markdown_window(self, expiration_date, at):
        """Whether a lot expiring at ``expiration_date`` is within the company's
        near-expiry markdown window at ``at`` (UTC datetimes): not yet expired and at
        most ``retail_markdown_days`` calendar days left, as on the near-expiry board."""
        self.ensure_one()
        return bool(
            expiration_date
            and expiration_date > at
            and (expiration_date.date() - at.date()).days
            <= (self.retail_markdown_days or 0)
        )

    def _retail_markdown_price(self, sales_price, expiration_date, at):
        """The near-expiry board's suggested markdown price of a lot at ``at``
        (``sales_price`` less the company's markdown, rounded to the cent), or False
        when the lot is outside the window or the company has no markdown."""
        self.ensure_one()
        if not self._retail_in_markdown_window(expiration_date, at):
            return False
        return self._retail_marked_down(sales_price)

    def _retail_marked_down(self, sales_price):
        """``sales_price`` less the company's near-expiry markdown, rounded to the cent,
        or False when the company marks nothing down: the one markdown price of the
        board, the till and the review of the till's orders."""
        self.ensure_one()
        percent = self.retail_markdown_percent or 0.0
        if percent <= 0:
            return False
        return float_round(sales_price * (100 - percent) / 100, precision_digits=2)
