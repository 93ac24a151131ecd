from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

STOCKTAKE_APPROVER_GROUPS = (
    "retail_wholesale.retail_wholesale_group_store_manager,"
    "retail_wholesale.retail_wholesale_group_hq_admin"
)


class RetailStocktake(models.Model):
    """盘点: a count sheet of a location. Counting starts from the quants in the location,
    optionally blind (the counters do not see the quantities on the books); a store
    manager or head office approves the variances, which core's inventory adjustment
    (stock.quant inventory mode) then applies.

    A count may cover part of the location (部分盘点): some product categories, brands
    or products, or only the products scanned. Only the lines counted are applied: the
    stock of a product nobody counted never changes."""

    _name = "retail.stocktake"
    _description = "Stocktake"
    _inherit = [
        "retail.approval.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "barcodes.barcode_events_mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True
    _retail_approver_groups = STOCKTAKE_APPROVER_GROUPS

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
    scope = fields.Selection(
        selection=[
            ("all", "Whole Location"),
            ("category", "Product Categories"),
            ("brand", "Brands"),
            ("product", "Products"),
            ("scan", "Scanned Products"),
        ],
        string="Count",
        required=True,
        default="all",
        tracking=True,
        help="What the sheet lists when counting starts: everything in the location, "
        "the products of some categories, brands or a list, or nothing (the counters "
        "scan what they count). Products left out keep their stock.",
    )
    categ_ids = fields.Many2many(
        comodel_name="product.category",
        string="Product Categories",
        help="Their sub-categories are counted too.",
    )
    brand_ids = fields.Many2many(comodel_name="retail.brand", string="Brands")
    product_ids = fields.Many2many(
        comodel_name="product.product",
        string="Products",
        check_company=True,
        domain=[("is_storable", "=", True)],
    )
    scan_barcode = fields.Char(
        string="Scan",
        store=False,
        help="Scan or type a barcode (product, packaging or lot): the product is counted "
        "one more (a whole packaging for a packaging barcode), on a new line if the "
        "sheet has none.",
    )
    line_ids = fields.One2many(
        comodel_name="retail.stocktake.line", inverse_name="stocktake_id", copy=False
    )
    line_count = fields.Integer(string="Lines", compute="_compute_line_counts")
    counted_count = fields.Integer(
        string="Counted Lines", compute="_compute_line_counts"
    )
    approved_by_id = fields.Many2one(
        comodel_name="res.users", readonly=True, copy=False, tracking=True
    )
    difference_value = fields.Monetary(
        string="Variance Value",
        compute="_compute_difference_value",
        groups="stock.group_stock_user",
    )

    @api.depends("line_ids.difference_value")
    def _compute_difference_value(self):
        for sheet in self:
            sheet.difference_value = sum(sheet.line_ids.mapped("difference_value"))

    @api.depends("line_ids.counted")
    def _compute_line_counts(self):
        for sheet in self:
            sheet.line_count = len(sheet.line_ids)
            sheet.counted_count = len(sheet.line_ids.filtered("counted"))

    def _state_error(self, action=None):
        return self.env._(
            "%(sheet)s is %(state)s: this step is not possible now.",
            sheet=self.name,
            state=self._state_label(),
        )

    def _approver_error(self):
        return self.env._("Only store managers and head office can approve stocktakes.")

    def _scope_product_domain(self):
        """Domain on product.product of what the sheet counts."""
        self.ensure_one()
        if self.scope == "category":
            return [("categ_id", "child_of", self.categ_ids.ids)]
        if self.scope == "brand":
            return [("product_tmpl_id.retail_brand_id", "in", self.brand_ids.ids)]
        if self.scope == "product":
            return [("id", "in", self.product_ids.ids)]
        if self.scope == "scan":
            return expression.FALSE_DOMAIN
        return expression.TRUE_DOMAIN

    def _check_scope(self):
        scope_fields = {
            "category": "categ_ids",
            "brand": "brand_ids",
            "product": "product_ids",
        }
        for sheet in self:
            field_name = scope_fields.get(sheet.scope)
            if field_name and not sheet[field_name]:
                raise UserError(
                    self.env._(
                        "%(sheet)s counts by %(scope)s: choose at least one in "
                        "%(field)s.",
                        sheet=sheet.name,
                        scope=dict(
                            self._fields["scope"]._description_selection(self.env)
                        )[sheet.scope],
                        field=self._fields[field_name]._description_string(self.env),
                    )
                )

    def action_start(self):
        """Fill the sheet with what the books say is in the location, within the
        sheet's scope (nothing for a count of scanned products)."""
        self._check_state({"draft"})
        self._check_scope()
        for sheet in self:
            product_domain = sheet._scope_product_domain()
            if product_domain == expression.FALSE_DOMAIN:
                continue
            quants = self.env["stock.quant"].search(
                [
                    ("location_id", "child_of", sheet.location_id.id),
                    ("quantity", "!=", 0),
                    ("product_id.is_storable", "=", True),
                    ("product_id", "any", product_domain),
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
        """Submit what was counted; the lines nobody counted stay on the sheet,
        marked uncounted, and their stock is left as it is."""
        self._check_state({"counting"})
        for sheet in self:
            if not sheet.line_ids.filtered("counted"):
                raise UserError(
                    self.env._("%(sheet)s has nothing counted.", sheet=sheet.name)
                )
        self.state = "to_approve"
        return True

    def action_approve(self):
        """A store manager or head office approves: the counts are applied to the stock
        through core's inventory adjustment."""
        self._check_approver()
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
        self.write({"state": "done", **self._approval_stamp()})
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
        for line in self.line_ids.filtered("counted"):
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

    # ---------------------------------------------------------------- scanning
    def on_barcode_scanned(self, barcode):
        self._scan(barcode)

    @api.onchange("scan_barcode")
    def _onchange_scan_barcode(self):
        barcode = self.scan_barcode
        if barcode:
            self.scan_barcode = False
            self._scan(barcode)

    def _scan(self, barcode):
        """Count one more of what ``barcode`` names: a product, a packaging (its
        quantity) or a lot. Works on the sheet being edited in the form as well as on
        a saved sheet."""
        self.ensure_one()
        barcode = barcode.strip()
        self._check_state({"counting"})
        company = self.company_id or self.env.company
        product, lot, qty = self._find_barcode(barcode, company)
        if not product:
            raise UserError(
                self.env._(
                    "No product, packaging or lot has the barcode %(barcode)s.",
                    barcode=barcode,
                )
            )
        if not product.is_storable:
            raise UserError(
                self.env._(
                    "%(product)s (barcode %(barcode)s) is not tracked in stock: it "
                    "cannot be counted.",
                    product=product.display_name,
                    barcode=barcode,
                )
            )
        lines = self.line_ids.filtered(
            lambda line: line.product_id == product and (not lot or line.lot_id == lot)
        )
        if not lot and product.tracking != "none" and len(lines.lot_id) != 1:
            raise UserError(
                self.env._(
                    "%(product)s is tracked by lot: scan the lot's barcode rather "
                    "than the product's (%(barcode)s).",
                    product=product.display_name,
                    barcode=barcode,
                )
            )
        line = lines[:1]
        if line:
            line.counted_qty = (line.counted_qty if line.counted else 0.0) + qty
            line.counted = True
        else:
            # on the shelf the books put it on when there is a single one, so that the
            # count replaces that stock rather than adding to it
            shelves = (
                self.env["stock.quant"]
                .search(
                    [
                        ("product_id", "=", product.id),
                        ("lot_id", "=", lot.id),
                        ("location_id", "child_of", self.location_id._origin.id),
                        ("quantity", "!=", 0),
                    ]
                )
                .location_id
            )
            location = shelves if len(shelves) == 1 else self.location_id
            self.line_ids = [
                fields.Command.create(
                    {
                        "product_id": product.id,
                        "lot_id": lot.id,
                        "location_id": location.id,
                        "counted_qty": qty,
                        "counted": True,
                    }
                )
            ]

    @api.model
    def _find_barcode(self, barcode, company):
        """(product, lot, quantity) that ``barcode`` names in ``company``."""
        return self.env["product.product"]._retail_find_barcode(barcode, company)

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
