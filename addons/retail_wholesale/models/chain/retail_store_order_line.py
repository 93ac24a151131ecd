from collections import defaultdict

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare

# fields head office decides on when approving
APPROVAL_FIELDS = {"approved_qty", "price_unit"}
# fields the store decides on while the order is a draft
REQUEST_FIELDS = {"product_id", "requested_qty"}


class RetailStoreOrderLine(models.Model):
    _name = "retail.store.order.line"
    _inherit = ["retail.approval.line.mixin"]
    _description = "Store Order Line"
    _order = "order_id, sequence, id"
    _check_company_auto = True

    order_id = fields.Many2one(
        comodel_name="retail.store.order",
        string="Store Order",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="order_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="order_id.currency_id")
    state = fields.Selection(related="order_id.state")
    sequence = fields.Integer(default=10)
    requested_qty = fields.Float(
        string="Requested",
        digits="Product Unit of Measure",
        required=True,
        default=1.0,
    )
    approved_qty = fields.Float(
        string="Approved",
        digits="Product Unit of Measure",
        compute="_compute_approved_qty",
        store=True,
        readonly=False,
        precompute=True,
        copy=False,
        help="Quantity head office supplies: the requested quantity unless head office "
        "lowers it when approving; 0 means not supplied.",
    )
    hq_qty_available = fields.Float(
        string="Head Office On Hand",
        digits="Product Unit of Measure",
        compute="_compute_hq_qty_available",
        help="Quantity on hand in the head office warehouse that supplies the order.",
    )
    move_ids = fields.One2many(
        comodel_name="stock.move",
        inverse_name="retail_store_order_line_id",
        string="Stock Moves",
        readonly=True,
    )
    shipped_qty = fields.Float(
        string="Shipped",
        digits="Product Unit of Measure",
        compute="_compute_transfer_qty",
        store=True,
        help="Quantity head office sent out (delivered into transit), net of returns.",
    )
    received_qty = fields.Float(
        string="Received",
        digits="Product Unit of Measure",
        compute="_compute_transfer_qty",
        store=True,
        help="Quantity the store received from transit, net of returns.",
    )
    difference_qty = fields.Float(
        string="Difference",
        digits="Product Unit of Measure",
        compute="_compute_transfer_qty",
        store=True,
        help="Shipped minus received: goods still in transit, or lost on the way.",
    )
    price_unit = fields.Float(
        string="Supply Price",
        digits="Product Price",
        readonly=True,
        copy=False,
        help="Price the store pays head office (门店拿货价): the company's store supply "
        "pricelist, or the product cost when the company has none; shown from the "
        "request on, settled when head office approves the order.",
    )
    amount = fields.Monetary(compute="_compute_amount", store=True)

    # ------------------------------------------------------------------ computes
    @api.depends("requested_qty")
    def _compute_approved_qty(self):
        for line in self:
            line.approved_qty = line.requested_qty

    @api.depends("approved_qty", "price_unit")
    def _compute_amount(self):
        for line in self:
            line.amount = line.currency_id.round(line.approved_qty * line.price_unit)

    @api.depends("product_id", "order_id.hq_warehouse_id")
    def _compute_hq_qty_available(self):
        self.hq_qty_available = 0.0
        for warehouse, lines in self.grouped(
            lambda line: line.order_id.hq_warehouse_id
        ).items():
            if not warehouse:
                continue
            products = lines.product_id.with_context(warehouse_id=warehouse.id)
            # computed for all the products at once
            on_hand = {product.id: product.qty_available for product in products}
            for line in lines:
                line.hq_qty_available = on_hand.get(line.product_id.id, 0.0)

    @api.depends(
        "move_ids.state",
        "move_ids.quantity",
        "move_ids.product_uom",
        "move_ids.location_id",
        "move_ids.location_dest_id",
    )
    def _compute_transfer_qty(self):
        """Shipped: done moves from head office into transit; received: done moves from
        transit into the store. Returns the other way round count negatively."""
        shipped = defaultdict(float)
        received = defaultdict(float)
        line_ids = self._origin.ids
        if line_ids:
            groups = (
                self.env["stock.move"]
                .sudo()
                ._read_group(
                    [
                        ("retail_store_order_line_id", "in", line_ids),
                        ("state", "=", "done"),
                    ],
                    groupby=[
                        "retail_store_order_line_id",
                        "location_id",
                        "location_dest_id",
                        "product_uom",
                    ],
                    aggregates=["quantity:sum"],
                )
            )
            for line, source, destination, uom, quantity in groups:
                order = line.order_id
                quantity = uom._compute_quantity(quantity, line.product_uom_id)
                if destination.usage == "transit":
                    if source.warehouse_id == order.hq_warehouse_id:
                        shipped[line.id] += quantity
                    elif source.warehouse_id == order.store_warehouse_id:
                        received[line.id] -= quantity
                elif source.usage == "transit":
                    if destination.warehouse_id == order.store_warehouse_id:
                        received[line.id] += quantity
                    elif destination.warehouse_id == order.hq_warehouse_id:
                        shipped[line.id] -= quantity
        for line in self:
            line.shipped_qty = shipped[line._origin.id]
            line.received_qty = received[line._origin.id]
            line.difference_qty = line.shipped_qty - line.received_qty

    # ------------------------------------------------------------------ constraints
    @api.constrains("requested_qty", "approved_qty")
    def _check_quantities(self):
        for line in self:
            rounding = line.product_uom_id.rounding or 0.01
            if float_compare(line.requested_qty, 0.0, precision_rounding=rounding) <= 0:
                raise ValidationError(
                    _(
                        "The requested quantity of %(product)s must be positive.",
                        product=line.product_id.display_name,
                    )
                )
            if float_compare(line.approved_qty, 0.0, precision_rounding=rounding) < 0:
                raise ValidationError(
                    _(
                        "The approved quantity of %(product)s cannot be negative: "
                        "approve 0 to not supply it.",
                        product=line.product_id.display_name,
                    )
                )
            if (
                float_compare(
                    line.approved_qty, line.requested_qty, precision_rounding=rounding
                )
                > 0
            ):
                raise ValidationError(
                    _(
                        "Head office cannot approve more %(product)s than the store "
                        "requested (%(requested)s).",
                        product=line.product_id.display_name,
                        requested=line.requested_qty,
                    )
                )

    @api.constrains("product_id")
    def _check_product(self):
        for line in self:
            if not line.product_id.is_storable:
                raise ValidationError(
                    _(
                        "%(product)s is not tracked in stock: stores can only order "
                        "storable products from head office.",
                        product=line.product_id.display_name,
                    )
                )
        for order in self.order_id:
            seen = self.env["product.product"]
            for line in order.line_ids:
                if line.product_id in seen:
                    raise ValidationError(
                        _(
                            "%(product)s is on %(order)s twice: put the whole quantity "
                            "on one line.",
                            product=line.product_id.display_name,
                            order=order.name,
                        )
                    )
                seen |= line.product_id

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        if any(APPROVAL_FIELDS & vals.keys() for vals in vals_list):
            self._check_approval_rights()
        lines = super().create(vals_list)
        lines._check_order_state({"draft"})
        # the expected value from the start: priced as head office will settle it
        lines.sudo()._set_settlement_price()
        return lines

    def write(self, vals):
        if APPROVAL_FIELDS & vals.keys():
            self._check_approval_rights()
            self._check_order_state({"draft", "submitted"})
        if REQUEST_FIELDS & vals.keys():
            self._check_order_state({"draft"})
        result = super().write(vals)
        if (
            "price_unit" not in vals
            and {
                "product_id",
                "requested_qty",
                "approved_qty",
            }
            & vals.keys()
        ):
            self.sudo()._set_settlement_price()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted_order(self):
        self._check_order_state({"draft", "cancel"})

    def _check_approval_rights(self):
        if not self.env.su and not self.env["retail.store.order"]._is_approver():
            raise AccessError(
                _(
                    "Only head office administrators and buyers set the approved "
                    "quantities and supply prices of store orders."
                )
            )

    def _check_order_state(self, states):
        """The store's fields change in draft only, head office's until it approves."""
        for line in self:
            if line.order_id.state not in states:
                raise UserError(
                    _(
                        "%(order)s is %(state)s: its products and quantities can no "
                        "longer change.",
                        order=line.order_id.name,
                        state=line.order_id._state_label(),
                    )
                )

    # ------------------------------------------------------------------ business
    def _set_settlement_price(self):
        """Store the price the store pays head office for each line (门店拿货价)."""
        for company, lines in self.grouped("company_id").items():
            pricelist = company.retail_store_pricelist_id
            if not pricelist:
                for line in lines:
                    line.price_unit = line.product_id.with_company(
                        company
                    ).standard_price
                continue
            # one pricelist computation per quantity, for all the products ordered in it
            by_quantity = defaultdict(lambda: self.browse())
            for line in lines:
                by_quantity[line.approved_qty or line.requested_qty] |= line
            for quantity, same_quantity in by_quantity.items():
                prices = pricelist._get_products_price(
                    same_quantity.product_id,
                    quantity,
                    currency=company.currency_id,
                )
                for line in same_quantity:
                    line.price_unit = prices[line.product_id.id]

    def _reset_approval(self):
        """Start again from what the store asks for (the order goes back to draft); the
        approval fields are head office's, hence sudo."""
        for line in self.sudo():
            line.write({"approved_qty": line.requested_qty, "price_unit": 0.0})

    def _check_head_office_stock(self):
        """Refuse products the head office warehouse neither has nor expects."""
        for warehouse, lines in self.grouped(
            lambda line: line.order_id.hq_warehouse_id
        ).items():
            warehouse._retail_check_stocks(lines.product_id)

    # ------------------------------------------------------------------ transfers
    def _compare_qty(self, qty, other_qty):
        self.ensure_one()
        return float_compare(
            qty, other_qty, precision_rounding=self.product_uom_id.rounding
        )

    def _is_supplied(self):
        """Head office supplies some of the line."""
        return self._compare_qty(self.approved_qty, 0.0) > 0

    def _is_cut(self):
        """Head office supplies less than the store requested."""
        return self._compare_qty(self.approved_qty, self.requested_qty) < 0

    def _prepare_resupply_procurement(self, route):
        """The procurement that ships the approved quantity along ``route``."""
        self.ensure_one()
        order = self.order_id
        store = order.store_warehouse_id
        return self.env["procurement.group"].Procurement(
            self.product_id,
            self.approved_qty,
            self.product_uom_id,
            store.lot_stock_id,
            self.product_id.display_name,
            order.name,
            order.company_id,
            {
                "warehouse_id": store,
                "group_id": order.procurement_group_id,
                "route_ids": route,
                "date_planned": fields.Datetime.now(),
                "retail_store_order_line_id": self.id,
            },
        )

    def _post_cuts(self):
        """Tell the store, on its order, what head office cut on these lines."""
        items = Markup().join(
            Markup("<li>%s</li>")
            % self.env._(
                "%(product)s: %(requested)s %(uom)s requested, %(approved)s approved",
                product=line.product_id.display_name,
                requested=line.requested_qty,
                approved=line.approved_qty,
                uom=line.product_uom_id.name,
            )
            for line in self
        )
        self.order_id.message_post(
            body=Markup("<p>%s</p><ul>%s</ul>")
            % (_("Head office cut these quantities:"), items)
        )

    def _all_arrived(self):
        """The store received all that was approved on these lines, or no transfer of
        them is left open (head office shipped less and cancelled the rest)."""
        received_all = all(
            line._compare_qty(line.received_qty, line.approved_qty) >= 0
            for line in self
        )
        moves = self.move_ids
        nothing_open = (
            moves
            and all(move.state in ("done", "cancel") for move in moves)
            and any(move.state == "done" for move in moves)
        )
        return received_all or nothing_open
