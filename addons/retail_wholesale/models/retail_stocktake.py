from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError

STOCKTAKE_APPROVER_GROUPS = (
    "retail_wholesale.retail_wholesale_group_store_manager,"
    "retail_wholesale.retail_wholesale_group_hq_admin"
)


class RetailStocktake(models.Model):
    """盘点: a count sheet of a location. Counting starts from the quants in the location,
    optionally blind (the counters do not see the quantities on the books); a store
    manager or head office approves the variances, which core's inventory adjustment
    (stock.quant inventory mode) then applies."""

    _name = "retail.stocktake"
    _description = "Stocktake"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    warehouse_id = fields.Many2one(
        related="location_id.warehouse_id", store=True, index=True, precompute=True
    )
    location_id = fields.Many2one(
        comodel_name="stock.location",
        required=True,
        check_company=True,
        domain=[("usage", "=", "internal")],
        tracking=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    blind = fields.Boolean(
        string="Blind Count",
        help="Counters do not see the quantities on the books until the count is "
        "submitted.",
    )
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("counting", "Counting"),
            ("to_approve", "To Approve"),
            ("done", "Applied"),
            ("cancel", "Cancelled"),
        ],
        required=True,
        readonly=True,
        default="draft",
        copy=False,
        tracking=True,
    )
    line_ids = fields.One2many(
        comodel_name="retail.stocktake.line", inverse_name="stocktake_id", copy=False
    )
    approved_by_id = fields.Many2one(
        comodel_name="res.users", readonly=True, copy=False, tracking=True
    )
    date_approved = fields.Datetime(string="Approved on", readonly=True, copy=False)
    difference_value = fields.Monetary(
        string="Variance Value",
        compute="_compute_difference_value",
        groups="stock.group_stock_user",
    )

    @api.depends("line_ids.difference_value")
    def _compute_difference_value(self):
        for sheet in self:
            sheet.difference_value = sum(sheet.line_ids.mapped("difference_value"))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code(
                    "retail.stocktake"
                ) or self.env._("New")
        return super().create(vals_list)

    def _check_state(self, states):
        for sheet in self:
            if sheet.state not in states:
                raise UserError(
                    self.env._(
                        "%(sheet)s is %(state)s: this step is not possible now.",
                        sheet=sheet.name,
                        state=dict(
                            self._fields["state"]._description_selection(self.env)
                        )[sheet.state],
                    )
                )

    def action_start(self):
        """Fill the sheet with what the books say is in the location."""
        self._check_state({"draft"})
        for sheet in self:
            quants = self.env["stock.quant"].search(
                [
                    ("location_id", "child_of", sheet.location_id.id),
                    ("quantity", "!=", 0),
                    ("product_id.is_storable", "=", True),
                ]
            )
            sheet.line_ids = [
                fields.Command.create(
                    {
                        "product_id": quant.product_id.id,
                        "lot_id": quant.lot_id.id,
                        "location_id": quant.location_id.id,
                    }
                )
                for quant in quants
            ]
        self.state = "counting"
        return True

    def action_submit(self):
        self._check_state({"counting"})
        for sheet in self:
            if not sheet.line_ids:
                raise UserError(
                    self.env._("%(sheet)s has nothing counted.", sheet=sheet.name)
                )
            uncounted = sheet.line_ids.filtered(lambda line: not line.counted)
            if uncounted:
                raise UserError(
                    self.env._(
                        "Count every line of %(sheet)s first (%(products)s).",
                        sheet=sheet.name,
                        products=", ".join(
                            uncounted[:5].product_id.mapped("display_name")
                        ),
                    )
                )
        self.state = "to_approve"
        return True

    def action_approve(self):
        """A store manager or head office approves: the counts are applied to the stock
        through core's inventory adjustment."""
        if not (self.env.su or self.env.user.has_groups(STOCKTAKE_APPROVER_GROUPS)):
            raise AccessError(
                self.env._(
                    "Only store managers and head office can approve stocktakes."
                )
            )
        for sheet in self:
            if sheet.state == "done":
                raise UserError(
                    self.env._(
                        "%(sheet)s was already approved by %(user)s.",
                        sheet=sheet.name,
                        user=sheet.approved_by_id.name,
                    )
                )
        self._check_state({"to_approve"})
        for sheet in self:
            sheet._apply_counts()
        self.write(
            {
                "state": "done",
                "approved_by_id": self.env.user.id,
                "date_approved": fields.Datetime.now(),
            }
        )
        return True

    def _apply_counts(self):
        self.ensure_one()
        # core's inventory mode is for stock managers; the approval is our access check
        Quant = (
            self.env["stock.quant"]
            .with_user(SUPERUSER_ID)
            .with_context(inventory_mode=True, inventory_name=self.name)
        )
        quants = Quant
        for line in self.line_ids:
            quant = Quant.create(
                {
                    "product_id": line.product_id.id,
                    "location_id": line.location_id.id,
                    "lot_id": line.lot_id.id,
                    "inventory_quantity": line.counted_qty,
                }
            )
            quants |= quant
        quants.filtered(lambda q: q.inventory_quantity_set)._apply_inventory()

    def action_cancel(self):
        self._check_state({"draft", "counting", "to_approve"})
        self.state = "cancel"
        return True

    def action_view_variances(self):
        action = self.env["ir.actions.actions"]._for_xml_id(
            "retail_wholesale.retail_stocktake_line_action"
        )
        action["domain"] = [("stocktake_id", "in", self.ids)]
        action["context"] = {}
        return action
