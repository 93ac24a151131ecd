from odoo import _, api, fields, models

from .store_scope import own_stores_only

# what the promotion writes on its loyalty programs: a change of these rewrites them
PROGRAM_FIELDS = {
    "name",
    "active",
    "company_id",
    "promotion_type",
    "date_start",
    "date_end",
    "warehouse_ids",
    "retail_ok",
    "wholesale_ok",
    "channel_ids",
    "grade_ids",
    "tier_ids",
    "repeat",
    "max_steps",
    "product_ids",
    "categ_ids",
    "brand_ids",
    "buy_qty",
    "free_qty",
    "gift_product_id",
    "discount_percent",
    "coupon_discount",
    "coupon_threshold",
    "coupon_issue",
    "coupon_given_from",
}


class RetailPromotion(models.Model):
    """营销活动: one form for a promotion of the kinds a Chinese store runs every week.

    The promotion owns core loyalty programs (``program_ids``) and writes them anew when
    it changes: core ``pos_loyalty`` applies them at the tills, ``sale_loyalty`` on sale
    orders. No second promotion engine: what the form adds is the Chinese kinds, their
    checks, the stores, channels and customer grades, and the effect afterwards.

    A spend-and-save on the whole order (满100减10 / 满200减30) is one program per tier,
    each taking off its full amount as a discount on the order: core keeps one such
    discount per order, the best, so an order of 250 gets 30 off, never 10 + 30; "every
    step" (每满100减10) is one program per step up to the steps allowed (300 → 30 off).
    """

    _name = "retail.promotion"
    _inherit = [
        "retail.company.mixin",
        "retail.promotion.checks",
        "retail.promotion.programs",
        "retail.promotion.limits",
        "retail.promotion.stacking",
        "retail.promotion.coupons",
    ]
    _description = "Promotion"
    _order = "date_start desc, id desc"

    name = fields.Char(
        required=True,
        translate=True,
        help="Shown on the receipt and the order line, e.g. 满200减30.",
    )
    active = fields.Boolean(default=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    promotion_type = fields.Selection(
        selection=[
            ("amount_off", "Spend and Save (满减)"),
            ("gift", "Spend and Get a Gift (满赠)"),
            ("buy_get", "Buy N Get M Free (买赠)"),
            ("nth_discount", "Nth Item Discount (第N件X折)"),
            ("discount", "Timed Discount (限时折扣)"),
            ("coupon", "Coupons (优惠券)"),
        ],
        string="Type",
        required=True,
        default="amount_off",
    )
    date_start = fields.Date(
        string="Start", required=True, default=fields.Date.context_today
    )
    date_end = fields.Date(string="End", required=True)
    warehouse_ids = fields.Many2many(
        comodel_name="stock.warehouse",
        string="Stores",
        check_company=True,
        domain="[('retail_role', '=', 'store')]",
        help="Stores whose tills run the promotion; empty for every store (head "
        "office only).",
    )
    retail_ok = fields.Boolean(
        string="At the Tills",
        default=True,
        help="Retail: the tills of the stores apply the promotion.",
    )
    wholesale_ok = fields.Boolean(
        string="On Sale Orders",
        help="Wholesale: quotations and sale orders get the promotion.",
    )
    channel_ids = fields.Many2many(
        comodel_name="retail.channel",
        string="Sales Channels",
        check_company=True,
        help="Only sale orders of these channels get the promotion, e.g. Store "
        "Ordering (门店订货) for the stores' orders from head office; empty for every "
        "channel.",
    )
    grade_ids = fields.Many2many(
        comodel_name="retail.customer.grade",
        string="Customer Grades",
        check_company=True,
        help="Only customers of these grades or member levels (their pricelists) get "
        "the promotion; empty for everybody.",
    )
    tier_ids = fields.One2many(
        comodel_name="retail.promotion.tier",
        inverse_name="promotion_id",
        string="Tiers",
        copy=True,
    )
    repeat = fields.Boolean(
        string="Every Step",
        help="每满: the amount off is given again for each step of the threshold "
        "(每满100减10: 300 gets 30 off), up to the steps allowed.",
    )
    max_steps = fields.Integer(
        string="Steps Allowed",
        default=5,
        help="The most times one order gets the amount off of an every-step promotion.",
    )
    product_ids = fields.Many2many(
        comodel_name="product.product",
        string="Products",
        check_company=True,
        domain="[('sale_ok', '=', True)]",
    )
    categ_ids = fields.Many2many(
        comodel_name="product.category",
        string="Product Categories",
    )
    brand_ids = fields.Many2many(
        comodel_name="retail.brand",
        string="Brands",
    )
    buy_qty = fields.Integer(
        string="Buy",
        default=2,
        help="买N: units of the products to buy. 第N件: every Nth unit is discounted.",
    )
    free_qty = fields.Integer(
        string="Get Free",
        default=1,
        help="赠M: units given free for every N bought.",
    )
    gift_product_id = fields.Many2one(
        comodel_name="product.product",
        string="Free Product",
        check_company=True,
        domain="[('sale_ok', '=', True)]",
        help="The product given free; empty for the product bought when the promotion "
        "is on one product (买二送一).",
    )
    discount_percent = fields.Float(
        string="Percent Off",
        digits="Discount",
        help="限时折扣: percent taken off the products' price (8折 = 20).",
    )
    program_ids = fields.One2many(
        comodel_name="loyalty.program",
        inverse_name="retail_promotion_id",
        string="Loyalty Programs",
        readonly=True,
        context={"active_test": False},
    )
    state = fields.Selection(
        selection=[
            ("scheduled", "Scheduled"),
            ("running", "Running"),
            ("ended", "Ended"),
        ],
        compute="_compute_state",
    )

    # ------------------------------------------------------------ computes
    @api.depends("active", "date_start", "date_end")
    def _compute_state(self):
        today = fields.Date.context_today(self)
        for promotion in self:
            if not promotion.active or (
                promotion.date_end and promotion.date_end < today
            ):
                promotion.state = "ended"
            elif promotion.date_start and promotion.date_start > today:
                promotion.state = "scheduled"
            else:
                promotion.state = "running"

    # ------------------------------------------------------------ ORM
    def _retail_check_stores(self):
        """A store manager runs promotions in their own stores only."""
        own_stores_only(
            self,
            lambda promotion: self.env._(
                "Promotion “%(name)s”: you run promotions in your own stores "
                "(%(stores)s) only; promotions for other stores or all stores "
                "are set up by head office.",
                name=promotion.name,
                stores=", ".join(self.env.user.retail_warehouse_ids.mapped("name"))
                or self.env._("none"),
            ),
        )

    @api.model_create_multi
    def create(self, vals_list):
        promotions = super().create(vals_list)
        promotions._retail_check_stores()
        promotions._retail_write_programs()
        return promotions

    def write(self, vals):
        self._retail_check_stores()
        result = super().write(vals)
        if "warehouse_ids" in vals:
            self._retail_check_stores()
        if PROGRAM_FIELDS & set(vals):
            self._retail_write_programs()
        return result

    def unlink(self):
        self._retail_check_stores()
        programs = self.env["loyalty.program"].sudo().with_context(active_test=False)
        programs = programs.search([("retail_promotion_id", "in", self.ids)])
        # programs used by orders stay, archived, for their history
        programs.write({"active": False, "retail_promotion_id": False})
        return super().unlink()

    # ------------------------------------------------------------ actions
    def action_view_programs(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Loyalty Programs"),
            "res_model": "loyalty.program",
            "view_mode": "list,form",
            "domain": [("retail_promotion_id", "=", self.id)],
            "context": {"active_test": False},
        }
