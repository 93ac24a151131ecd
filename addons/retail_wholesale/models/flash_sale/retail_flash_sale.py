from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, float_compare

ITEM_FIELDS = {"product_id", "price", "date_start", "date_end", "pricelist_ids"}


class RetailFlashSale(models.Model):
    """秒杀: a product sold at a flash price during a time window, within quantity caps.

    The price reaches sale orders and the point of sale through core pricelist items that
    the flash sale owns, one per pricelist; the caps are enforced when orders are confirmed.
    """

    _name = "retail.flash.sale"
    _inherit = ["retail.company.mixin"]
    _description = "Flash Sale"
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    product_id = fields.Many2one(
        comodel_name="product.product",
        required=True,
        check_company=True,
        ondelete="restrict",
        index=True,
        domain="[('sale_ok', '=', True)]",
    )
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    price = fields.Monetary(
        string="Flash Price",
        required=True,
        help="Unit price of the product during the flash sale, in the product's unit.",
    )
    date_start = fields.Datetime(string="Start", required=True, index=True)
    date_end = fields.Datetime(string="End", required=True, index=True)
    per_customer_limit = fields.Float(
        string="Limit per Customer",
        digits="Product Unit of Measure",
        help="Units one customer (with all its contacts) may buy in this flash sale; "
        "0 means no limit.",
    )
    total_cap = fields.Float(
        string="Total Quantity",
        required=True,
        digits="Product Unit of Measure",
        help="Units sold in this flash sale over all customers.",
    )
    pricelist_ids = fields.Many2many(
        comodel_name="product.pricelist",
        string="Pricelists",
        compute="_compute_pricelist_ids",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        help="The flash price applies to customers buying at these pricelists. By "
        "default the shoppers' ones: trade pricelists (wholesale, store supply) are left "
        "out.",
    )
    pricelist_item_ids = fields.One2many(
        comodel_name="product.pricelist.item",
        inverse_name="retail_flash_sale_id",
        string="Pricelist Rules",
        readonly=True,
    )
    sale_line_ids = fields.One2many(
        comodel_name="sale.order.line",
        inverse_name="retail_flash_sale_id",
        string="Sale Order Lines",
        readonly=True,
    )
    last_order_date = fields.Datetime(
        string="Last Confirmed Order",
        readonly=True,
        copy=False,
    )
    state = fields.Selection(
        selection=[
            ("scheduled", "Scheduled"),
            ("running", "Running"),
            ("ended", "Ended"),
        ],
        compute="_compute_state",
        search="_search_state",
    )
    qty_sold = fields.Float(
        string="Sold",
        compute="_compute_qty_sold",
        digits="Product Unit of Measure",
    )
    qty_left = fields.Float(
        string="Left",
        compute="_compute_qty_sold",
        digits="Product Unit of Measure",
    )

    # ------------------------------------------------------------ computes
    @api.depends("company_id")
    def _compute_pricelist_ids(self):
        """The shoppers' pricelists of the company in its currency, until chosen: the
        active ones except the trade pricelists (wholesale, store supply)."""
        trade = self.env["product.pricelist"]._retail_trade_pricelists()
        for flash_sale in self:
            if flash_sale.pricelist_ids and not flash_sale.pricelist_ids.filtered(
                lambda pricelist, fs=flash_sale: (
                    pricelist.company_id and pricelist.company_id != fs.company_id
                )
            ):
                continue
            flash_sale.pricelist_ids = self.env["product.pricelist"].search(
                [
                    ("company_id", "in", [flash_sale.company_id.id, False]),
                    ("currency_id", "=", flash_sale.currency_id.id),
                    ("id", "not in", trade.ids),
                ]
            )

    @api.depends("active", "date_start", "date_end")
    def _compute_state(self):
        now = fields.Datetime.now()
        for flash_sale in self:
            if not flash_sale.active or (
                flash_sale.date_end and flash_sale.date_end < now
            ):
                flash_sale.state = "ended"
            elif flash_sale.date_start and flash_sale.date_start > now:
                flash_sale.state = "scheduled"
            else:
                flash_sale.state = "running"

    def _search_state(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise UserError(_("Unsupported search on the flash sale state."))
        states = {value} if isinstance(value, str) else set(value or [])
        now = fields.Datetime.now()
        domains = {
            "scheduled": [("active", "=", True), ("date_start", ">", now)],
            "running": [
                ("active", "=", True),
                ("date_start", "<=", now),
                ("date_end", ">=", now),
            ],
            "ended": ["|", ("active", "=", False), ("date_end", "<", now)],
        }
        if operator in ("!=", "not in"):
            states = set(domains) - states
        parts = [domains[state] for state in states if state in domains]
        if not parts:
            return [("id", "=", False)]
        return ["|"] * (len(parts) - 1) + [leaf for part in parts for leaf in part]

    def _sold_by_customer(self):
        """{flash sale: {commercial partner: units sold}} over confirmed orders.

        Counted as superuser: a salesman seeing only their own orders still gets the
        quantities sold by everyone.
        """
        sold = defaultdict(lambda: defaultdict(float))
        flash_sales = self.filtered("id")
        if not flash_sales:
            return sold
        groups = (
            self.env["sale.order.line"]
            .sudo()
            ._read_group(
                [
                    ("retail_flash_sale_id", "in", flash_sales.ids),
                    ("state", "=", "sale"),
                ],
                ["retail_flash_sale_id", "order_partner_id", "product_uom"],
                ["product_uom_qty:sum"],
            )
        )
        for flash_sale, partner, uom, qty in groups:
            flash_sale = flash_sale.with_env(self.env)
            sold[flash_sale][partner.commercial_partner_id.id] += uom._compute_quantity(
                qty, flash_sale.product_id.uom_id
            )
        return sold

    # ------------------------------------------------------------ limits
    def _retail_lock(self):
        """Lock the flash sales' rows until the end of the transaction, in id order so
        that two orders counting the same flash sales cannot deadlock."""
        if self:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM retail_flash_sale WHERE id IN %s "
                    "ORDER BY id FOR UPDATE",
                    tuple(self.ids),
                )
            )

    def _retail_limit_excess(self, ordered, counted=False):
        """What an order takes beyond the flash sales' limits: the one rule of the
        sale orders (refused) and the tills (flagged for review).

        ``ordered`` is {(flash sale, commercial partner): quantity in the product's
        unit} of the order; the partner is empty for a walk-in customer, whose order
        alone counts against the limit per customer. ``counted``: the order is saved
        already (a till's order), so what was sold includes it.

        The flash sales are locked first, then what they sold is read from the database,
        so that two orders counted at the same moment are counted one after the other.
        The lock alone is not enough: Odoo's transactions are REPEATABLE READ, so one
        that waited for the lock would still count with its older snapshot; the caller
        then writes the flash sales (``_retail_count_order``) so that such a transaction
        fails on a serialization error, which Odoo retries with fresh data.

        Returns [{"flash_sale", "customer" (None for the total cap), "sold" (before this
        order), "qty" (this order's), "limit"}], per flash sale its total cap first.
        """
        self.env.flush_all()
        self._retail_lock()
        sold = self._sold_by_customer()
        totals = defaultdict(float)
        for (flash_sale, _customer), qty in ordered.items():
            totals[flash_sale] += qty
        excess = []

        def before(sold_qty, qty):
            # what was sold before this order
            return sold_qty - qty if counted else sold_qty

        for flash_sale, total_qty in totals.items():
            sold_total = sum(sold[flash_sale].values())
            checks = [
                (None, before(sold_total, total_qty), total_qty, flash_sale.total_cap)
            ]
            if flash_sale.per_customer_limit:
                checks += [
                    (
                        customer,
                        # a walk-in customer's order is their only count
                        before(sold[flash_sale][customer.id], qty) if customer else 0.0,
                        qty,
                        flash_sale.per_customer_limit,
                    )
                    for (other, customer), qty in ordered.items()
                    if other == flash_sale
                ]
            rounding = flash_sale.product_id.uom_id.rounding
            for customer, sold_before, qty, limit in checks:
                if (
                    float_compare(sold_before + qty, limit, precision_rounding=rounding)
                    > 0
                ):
                    excess.append(
                        {
                            "flash_sale": flash_sale,
                            "customer": customer,
                            "sold": sold_before,
                            "qty": qty,
                            "limit": limit,
                        }
                    )
        return excess

    def _retail_count_order(self):
        """A write on the locked rows after the check: a concurrent transaction that
        counted before this one committed fails to serialize and runs again."""
        self.write({"last_order_date": fields.Datetime.now()})

    def _compute_qty_sold(self):
        sold = self._sold_by_customer()
        for flash_sale in self:
            flash_sale.qty_sold = sum(sold[flash_sale].values())
            flash_sale.qty_left = max(flash_sale.total_cap - flash_sale.qty_sold, 0.0)

    # --------------------------------------------------------- constraints
    @api.constrains("price", "total_cap", "per_customer_limit")
    def _check_quantities_and_price(self):
        for flash_sale in self:
            product = flash_sale.product_id.display_name
            if flash_sale.currency_id.compare_amounts(flash_sale.price, 0.0) <= 0:
                raise ValidationError(
                    _(
                        "The flash price of %(product)s must be positive.",
                        product=product,
                    )
                )
            if flash_sale.total_cap <= 0:
                raise ValidationError(
                    _(
                        "The total quantity of %(product)s in a flash sale must be "
                        "positive.",
                        product=product,
                    )
                )
            if flash_sale.per_customer_limit < 0:
                raise ValidationError(
                    _(
                        "The limit per customer of %(product)s in a flash sale cannot be "
                        "negative.",
                        product=product,
                    )
                )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for flash_sale in self:
            if flash_sale.date_end <= flash_sale.date_start:
                raise ValidationError(
                    _(
                        "The flash sale of %(product)s must end after it starts.",
                        product=flash_sale.product_id.display_name,
                    )
                )

    @api.constrains("product_id", "date_start", "date_end", "active", "company_id")
    def _check_overlap(self):
        flash_sales = self.filtered("active")
        if not flash_sales:
            return
        candidates = self.search(
            [
                ("product_id", "in", flash_sales.product_id.ids),
                ("company_id", "in", flash_sales.company_id.ids),
                ("date_start", "<=", max(flash_sales.mapped("date_end"))),
                ("date_end", ">=", min(flash_sales.mapped("date_start"))),
            ]
        )
        for flash_sale in flash_sales:
            overlapping = candidates.filtered(
                lambda other, fs=flash_sale: (
                    other != fs
                    and other.product_id == fs.product_id
                    and other.company_id == fs.company_id
                    and other.date_start <= fs.date_end
                    and fs.date_start <= other.date_end
                )
            )
            if overlapping:
                raise ValidationError(
                    _(
                        "%(product)s is already in the flash sale %(other)s during this "
                        "period.",
                        product=flash_sale.product_id.display_name,
                        other=overlapping[0].name,
                    )
                )

    @api.constrains("pricelist_ids", "company_id")
    def _check_pricelist_currency(self):
        for flash_sale in self:
            other_currency = flash_sale.pricelist_ids.filtered(
                lambda pricelist, fs=flash_sale: pricelist.currency_id != fs.currency_id
            )
            if other_currency:
                raise ValidationError(
                    _(
                        "The flash price of %(product)s is in %(currency)s: the pricelist "
                        "%(pricelist)s is in another currency.",
                        product=flash_sale.product_id.display_name,
                        currency=flash_sale.currency_id.name,
                        pricelist=other_currency[0].display_name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sold(self):
        for flash_sale in self:
            if flash_sale.qty_sold:
                raise UserError(
                    _(
                        "The flash sale %(name)s of %(product)s has confirmed orders: "
                        "archive it instead of deleting it.",
                        name=flash_sale.name,
                        product=flash_sale.product_id.display_name,
                    )
                )

    # ----------------------------------------------------------------- CRUD
    @api.model_create_multi
    def create(self, vals_list):
        flash_sales = super().create(vals_list)
        self.env["product.pricelist.item"]._retail_sync_flash_sales(flash_sales)
        return flash_sales

    def write(self, vals):
        res = super().write(vals)
        if ITEM_FIELDS.union({"active", "company_id"}).intersection(vals):
            self.env["product.pricelist.item"]._retail_sync_flash_sales(self)
        return res
