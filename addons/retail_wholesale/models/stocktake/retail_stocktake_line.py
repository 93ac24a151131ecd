from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class RetailStocktakeLine(models.Model):
    _name = "retail.stocktake.line"
    _inherit = ["retail.approval.line.mixin"]
    _description = "Stocktake Line"
    _order = "stocktake_id, location_id, product_id, lot_id"
    _check_company_auto = True

    stocktake_id = fields.Many2one(
        comodel_name="retail.stocktake",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="stocktake_id.company_id", store=True, index=True, precompute=True
    )
    warehouse_id = fields.Many2one(
        related="stocktake_id.warehouse_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="stocktake_id.currency_id")
    state = fields.Selection(related="stocktake_id.state")
    blind = fields.Boolean(related="stocktake_id.blind")
    location_id = fields.Many2one(
        comodel_name="stock.location",
        required=True,
        check_company=True,
        compute="_compute_location_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    tracking = fields.Selection(related="product_id.tracking")
    lot_id = fields.Many2one(
        comodel_name="stock.lot",
        check_company=True,
        domain="[('product_id', '=', product_id)]",
    )
    theoretical_qty = fields.Float(
        string="On the Books",
        digits="Product Unit of Measure",
        readonly=True,
        groups="retail_wholesale.retail_wholesale_group_store_manager,"
        "retail_wholesale.retail_wholesale_group_buyer",
    )
    shown_theoretical_qty = fields.Float(
        string="Book Quantity",
        digits="Product Unit of Measure",
        compute="_compute_shown_quantities",
        help="Hidden from the counters of a blind count until the count is submitted.",
    )
    counted_qty = fields.Float(string="Counted", digits="Product Unit of Measure")
    counted = fields.Boolean(
        string="Checked",
        help="The line was counted (a count of 0 included). Lines nobody counted have "
        "no variance and leave the stock as it is.",
        compute="_compute_counted",
        store=True,
        readonly=False,
        precompute=True,
    )
    difference_qty = fields.Float(
        string="Variance",
        digits="Product Unit of Measure",
        compute="_compute_shown_quantities",
        help="Counted minus the books, for counted lines only.",
    )
    unit_cost = fields.Float(
        compute="_compute_shown_quantities",
        groups="stock.group_stock_user",
        digits="Product Price",
    )
    difference_value = fields.Monetary(
        string="Variance Value",
        compute="_compute_shown_quantities",
        groups="stock.group_stock_user",
    )

    @api.depends("stocktake_id.location_id")
    def _compute_location_id(self):
        for line in self:
            if not line.location_id:
                line.location_id = line.stocktake_id.location_id

    @api.depends("counted_qty")
    def _compute_counted(self):
        for line in self:
            line.counted = line.counted or bool(line.counted_qty)

    @api.depends(
        "theoretical_qty",
        "counted_qty",
        "counted",
        "product_id",
        "stocktake_id.state",
        "blind",
    )
    def _compute_shown_quantities(self):
        for line in self:
            books = line.sudo().theoretical_qty
            hidden = line.blind and line.state in ("draft", "counting")
            line.shown_theoretical_qty = 0.0 if hidden else books
            line.difference_qty = (
                line.counted_qty - books if line.counted and not hidden else 0.0
            )
            cost = line.product_id.with_company(line.company_id).standard_price
            line.unit_cost = cost
            line.difference_value = line.difference_qty * cost

    def _snapshot_theoretical_qty(self):
        """What the books hold for each line's product, lot and location, in one
        _read_group."""
        if not self:
            return
        groups = self.env["stock.quant"]._read_group(
            [
                ("product_id", "in", self.product_id.ids),
                ("location_id", "in", self.location_id.ids),
            ],
            ["product_id", "location_id", "lot_id"],
            ["quantity:sum"],
        )
        books = {
            (product.id, location.id, lot.id): qty
            for product, location, lot, qty in groups
        }
        for line in self.sudo():
            line.theoretical_qty = books.get(
                (line.product_id.id, line.location_id.id, line.lot_id.id), 0.0
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if "counted_qty" in vals:
                vals.setdefault("counted", True)
        lines = super().create(vals_list)
        lines._check_editable()
        lines._snapshot_theoretical_qty()
        return lines

    def write(self, vals):
        self._check_editable()
        if "counted_qty" in vals and "counted" not in vals:
            # entering a count, 0 included, counts the line
            vals = dict(vals, counted=True)
        res = super().write(vals)
        if {"product_id", "lot_id", "location_id"} & set(vals):
            self._snapshot_theoretical_qty()
        return res

    def _check_editable(self):
        for line in self:
            if line.stocktake_id.state not in ("draft", "counting"):
                raise UserError(
                    self.env._(
                        "%(sheet)s is submitted: its counts cannot change any more.",
                        sheet=line.stocktake_id.name,
                    )
                )

    @api.constrains("product_id", "lot_id", "location_id", "counted_qty")
    def _check_lot_and_location(self):
        for line in self:
            if line.counted_qty < 0:
                raise ValidationError(
                    self.env._(
                        "The count of %(product)s cannot be negative (%(qty)s).",
                        product=line.product_id.display_name,
                        qty=line.counted_qty,
                    )
                )
            if line.lot_id and line.lot_id.product_id != line.product_id:
                raise ValidationError(
                    self.env._(
                        "Lot %(lot)s is not a lot of %(product)s.",
                        lot=line.lot_id.name,
                        product=line.product_id.display_name,
                    )
                )
            if line.product_id.tracking != "none" and not line.lot_id:
                raise ValidationError(
                    self.env._(
                        "%(product)s is tracked by lot: say which lot was counted.",
                        product=line.product_id.display_name,
                    )
                )
            sheet_location = line.stocktake_id.location_id
            if not line.location_id.parent_path.startswith(sheet_location.parent_path):
                raise ValidationError(
                    self.env._(
                        "%(location)s is not inside %(sheet_location)s, the location "
                        "of %(sheet)s.",
                        location=line.location_id.display_name,
                        sheet_location=sheet_location.display_name,
                        sheet=line.stocktake_id.name,
                    )
                )
