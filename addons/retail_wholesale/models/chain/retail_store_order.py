from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_compare, float_is_zero

APPROVER_GROUPS = (
    "retail_wholesale.retail_wholesale_group_hq_admin,"
    "retail_wholesale.retail_wholesale_group_buyer"
)
# state -> the states an order may come from
STATE_TRANSITIONS = {
    "draft": {"cancel", "rejected"},
    "submitted": {"draft"},
    "approved": {"submitted"},
    "partial": {"submitted"},
    "rejected": {"submitted"},
    "done": {"approved", "partial"},
    "cancel": {"draft", "submitted", "approved", "partial"},
}
# states only head office may set
APPROVER_STATES = {"approved", "partial", "rejected", "done"}
# fields fixed once head office has approved the order
LOCKED_FIELDS = {"company_id", "store_warehouse_id", "hq_warehouse_id"}


class RetailStoreOrder(models.Model):
    """门店要货单: a store asks head office for goods.

    Head office approves it, possibly cutting quantities, and the approval ships the goods
    along the store's resupply route (head office → transit → store); shipped and received
    quantities follow the transfers and the order is done once the store received all.
    """

    _name = "retail.store.order"
    _description = "Store Order"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        index="trigram",
        default=lambda self: _("New"),
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("partial", "Partially Approved"),
            ("rejected", "Rejected"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        required=True,
        readonly=True,
        copy=False,
        index=True,
        default="draft",
        tracking=True,
    )
    store_warehouse_id = fields.Many2one(
        comodel_name="stock.warehouse",
        string="Store",
        required=True,
        index=True,
        check_company=True,
        domain=[("retail_role", "=", "store")],
        default=lambda self: self._default_store_warehouse_id(),
        tracking=True,
    )
    hq_warehouse_id = fields.Many2one(
        comodel_name="stock.warehouse",
        string="Supplied From",
        required=True,
        index=True,
        check_company=True,
        domain=[("retail_role", "=", "hq")],
        compute="_compute_hq_warehouse_id",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="Head office warehouse that ships the goods: by default the first head "
        "office the store is resupplied from.",
    )
    requested_by_id = fields.Many2one(
        comodel_name="res.users",
        string="Requested by",
        required=True,
        default=lambda self: self.env.user,
    )
    date = fields.Date(
        string="Order Date",
        required=True,
        copy=False,
        default=fields.Date.context_today,
    )
    note = fields.Text()
    line_ids = fields.One2many(
        comodel_name="retail.store.order.line",
        inverse_name="order_id",
        string="Lines",
        copy=True,
    )
    amount_total = fields.Monetary(
        string="Total", compute="_compute_amount_total", store=True
    )
    approved_by_id = fields.Many2one(
        comodel_name="res.users", string="Approved by", readonly=True, copy=False
    )
    date_approved = fields.Datetime(string="Approved on", readonly=True, copy=False)
    reject_reason = fields.Text(string="Rejection Reason", readonly=True, copy=False)
    procurement_group_id = fields.Many2one(
        comodel_name="procurement.group",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    picking_ids = fields.Many2many(
        comodel_name="stock.picking",
        string="Transfers",
        compute="_compute_picking_ids",
    )
    picking_count = fields.Integer(
        string="Transfer Count", compute="_compute_picking_ids"
    )

    # ------------------------------------------------------------------ defaults
    @api.model
    def _default_store_warehouse_id(self):
        """The user's store, when they work in exactly one store of the company."""
        stores = self.env.user.retail_warehouse_ids.filtered(
            lambda warehouse: (
                warehouse.retail_role == "store"
                and warehouse.company_id == self.env.company
            )
        )
        return stores if len(stores) == 1 else self.env["stock.warehouse"]

    # ------------------------------------------------------------------ computes
    @api.depends("store_warehouse_id", "company_id")
    def _compute_hq_warehouse_id(self):
        head_offices = self.env["stock.warehouse"].search(
            [("retail_role", "=", "hq"), ("company_id", "in", self.company_id.ids)],
            order="sequence, id",
        )
        hq_by_company = {}
        for warehouse in head_offices:
            hq_by_company.setdefault(warehouse.company_id, warehouse)
        for order in self:
            suppliers = order.store_warehouse_id.resupply_wh_ids.filtered(
                lambda warehouse: warehouse.retail_role == "hq"
            )
            order.hq_warehouse_id = suppliers[:1] or hq_by_company.get(
                order.company_id, order.hq_warehouse_id
            )

    @api.depends("line_ids.amount")
    def _compute_amount_total(self):
        for order in self:
            order.amount_total = sum(order.line_ids.mapped("amount"))

    @api.depends("procurement_group_id")
    def _compute_picking_ids(self):
        groups = self.procurement_group_id
        pickings_by_group = {}
        if groups:
            pickings_by_group = dict(
                self.env["stock.picking"]._read_group(
                    [("group_id", "in", groups.ids)],
                    groupby=["group_id"],
                    aggregates=["id:recordset"],
                )
            )
        for order in self:
            pickings = pickings_by_group.get(
                order.procurement_group_id, self.env["stock.picking"]
            )
            order.picking_ids = pickings
            order.picking_count = len(pickings)

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", _("New")) == _("New"):
                company = self.env["res.company"].browse(
                    vals.get("company_id") or self.env.company.id
                )
                vals["name"] = self.env["ir.sequence"].with_company(
                    company
                ).next_by_code("retail.store.order") or _("New")
        return super().create(vals_list)

    def write(self, vals):
        if "state" in vals:
            self._check_state_transition(vals["state"])
        if LOCKED_FIELDS & vals.keys():
            locked = self.filtered(
                lambda order: order.state not in ("draft", "submitted")
            )
            if locked:
                raise UserError(
                    _(
                        "The store and the warehouses of %(orders)s are fixed once head "
                        "office has approved or closed it.",
                        orders=", ".join(locked.mapped("name")),
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        is_approver = self._is_approver()
        for order in self:
            if order.state == "draft" or (order.state == "cancel" and is_approver):
                continue
            raise UserError(
                _(
                    "%(order)s is %(state)s: only draft store orders can be deleted; "
                    "cancel it instead.",
                    order=order.name,
                    state=order._state_label(),
                )
            )

    # ------------------------------------------------------------------ helpers
    def _state_label(self):
        self.ensure_one()
        return dict(self._fields["state"]._description_selection(self.env))[self.state]

    def _is_approver(self):
        return self.env.su or self.env.user.has_groups(APPROVER_GROUPS)

    def _check_approver(self):
        if not self._is_approver():
            raise AccessError(
                _(
                    "Only head office administrators and buyers can approve or reject "
                    "store orders."
                )
            )

    def _check_state_transition(self, new_state):
        if new_state in APPROVER_STATES and any(
            order.state != new_state for order in self
        ):
            self._check_approver()
        for order in self:
            if order.state != new_state and order.state not in STATE_TRANSITIONS.get(
                new_state, ()
            ):
                new_label = dict(self._fields["state"]._description_selection(self.env))
                raise UserError(
                    _(
                        "%(order)s is %(state)s and cannot become %(new_state)s.",
                        order=order.name,
                        state=order._state_label(),
                        new_state=new_label.get(new_state, new_state),
                    )
                )

    def _check_state(self, states, message):
        """Raise ``message(order)`` for the first order that is not in ``states``."""
        for order in self:
            if order.state not in states:
                raise UserError(message(order))

    def _check_head_office_stocks_products(self):
        """Refuse products the head office warehouse neither has nor expects."""
        for warehouse, orders in self.grouped("hq_warehouse_id").items():
            products = orders.line_ids.product_id.with_context(
                warehouse_id=warehouse.id
            )
            missing = products.filtered(
                lambda product: (
                    float_compare(
                        product.qty_available,
                        0.0,
                        precision_rounding=product.uom_id.rounding,
                    )
                    <= 0
                    and float_compare(
                        product.incoming_qty,
                        0.0,
                        precision_rounding=product.uom_id.rounding,
                    )
                    <= 0
                )
            )
            if missing:
                raise UserError(
                    _(
                        "Head office warehouse %(warehouse)s has none of these products "
                        "in stock or on the way: %(products)s. Remove them from the order "
                        "or ask head office to buy them first.",
                        warehouse=warehouse.display_name,
                        products=", ".join(missing.mapped("display_name")),
                    )
                )

    def _get_resupply_route(self):
        self.ensure_one()
        route = self.store_warehouse_id.resupply_route_ids.filtered(
            lambda route: route.supplier_wh_id == self.hq_warehouse_id
        )[:1]
        if not route:
            raise UserError(
                _(
                    "Store %(store)s is not resupplied from %(warehouse)s: tick "
                    "%(warehouse)s in the store's Resupply From field (warehouse "
                    "settings) before approving %(order)s.",
                    store=self.store_warehouse_id.display_name,
                    warehouse=self.hq_warehouse_id.display_name,
                    order=self.name,
                )
            )
        return route

    def _run_procurements(self):
        """Ship the approved quantities along the store's resupply route."""
        self.ensure_one()
        route = self._get_resupply_route()
        if not self.procurement_group_id:
            self.procurement_group_id = self.env["procurement.group"].create(
                {"name": self.name, "move_type": "direct"}
            )
        store = self.store_warehouse_id
        procurement_group = self.env["procurement.group"]
        procurements = [
            procurement_group.Procurement(
                line.product_id,
                line.approved_qty,
                line.product_uom_id,
                store.lot_stock_id,
                line.product_id.display_name,
                self.name,
                self.company_id,
                {
                    "warehouse_id": store,
                    "group_id": self.procurement_group_id,
                    "route_ids": route,
                    "date_planned": fields.Datetime.now(),
                    "retail_store_order_line_id": line.id,
                },
            )
            for line in self.line_ids
            if float_compare(
                line.approved_qty, 0.0, precision_rounding=line.product_uom_id.rounding
            )
            > 0
        ]
        procurement_group.run(procurements)

    def _post_quantity_cuts(self, lines):
        self.ensure_one()
        items = Markup().join(
            Markup("<li>%s</li>")
            % self.env._(
                "%(product)s: %(requested)s %(uom)s requested, %(approved)s approved",
                product=line.product_id.display_name,
                requested=line.requested_qty,
                approved=line.approved_qty,
                uom=line.product_uom_id.name,
            )
            for line in lines
        )
        self.message_post(
            body=Markup("<p>%s</p><ul>%s</ul>")
            % (_("Head office cut these quantities:"), items)
        )

    def _close_when_received(self):
        """Mark done the approved orders the store received in full, or of which no
        transfer is left open (head office shipped less and cancelled the rest)."""
        for order in self.filtered(
            lambda order: order.state in ("approved", "partial")
        ):
            lines = order.line_ids
            received_all = all(
                float_compare(
                    line.received_qty,
                    line.approved_qty,
                    precision_rounding=line.product_uom_id.rounding,
                )
                >= 0
                for line in lines
            )
            moves = lines.move_ids
            nothing_open = (
                moves
                and all(move.state in ("done", "cancel") for move in moves)
                and any(move.state == "done" for move in moves)
            )
            if received_all or nothing_open:
                order.state = "done"

    # ------------------------------------------------------------------ actions
    def action_submit(self):
        self._check_state(
            {"draft"},
            lambda order: order.env._(
                "%(order)s is %(state)s: only draft store orders can be submitted.",
                order=order.name,
                state=order._state_label(),
            ),
        )
        for order in self:
            if not order.line_ids:
                raise UserError(
                    _(
                        "Add the products the store needs to %(order)s before submitting "
                        "it.",
                        order=order.name,
                    )
                )
        self._check_head_office_stocks_products()
        self.write({"state": "submitted"})
        return True

    def action_approve(self):
        self._check_approver()
        self._check_state(
            {"submitted"},
            lambda order: order.env._(
                "%(order)s is %(state)s: only submitted store orders can be approved.",
                order=order.name,
                state=order._state_label(),
            ),
        )
        for order in self:
            order._get_resupply_route()
            if all(
                float_is_zero(
                    line.approved_qty, precision_rounding=line.product_uom_id.rounding
                )
                for line in order.line_ids
            ):
                raise UserError(
                    _(
                        "Nothing is approved on %(order)s: reject it instead, with the "
                        "reason.",
                        order=order.name,
                    )
                )
        self.line_ids._set_settlement_price()
        for order in self:
            cut = order.line_ids.filtered(
                lambda line: (
                    float_compare(
                        line.approved_qty,
                        line.requested_qty,
                        precision_rounding=line.product_uom_id.rounding,
                    )
                    < 0
                )
            )
            order.write(
                {
                    "state": "partial" if cut else "approved",
                    "approved_by_id": self.env.uid,
                    "date_approved": fields.Datetime.now(),
                }
            )
            order._run_procurements()
            if cut:
                order._post_quantity_cuts(cut)
        return True

    def action_open_reject_wizard(self):
        self._check_approver()
        self._check_state(
            {"submitted"},
            lambda order: order.env._(
                "%(order)s is %(state)s: only submitted store orders can be rejected.",
                order=order.name,
                state=order._state_label(),
            ),
        )
        return {
            "type": "ir.actions.act_window",
            "name": _("Reject Store Order"),
            "res_model": "retail.store.order.reject",
            "view_mode": "form",
            "target": "new",
            "context": {"default_order_ids": self.ids},
        }

    def _action_reject(self, reason):
        self._check_approver()
        reason = (reason or "").strip()
        if not reason:
            raise UserError(
                _("Tell the store why its order is rejected: the reason is required.")
            )
        self._check_state(
            {"submitted"},
            lambda order: order.env._(
                "%(order)s is %(state)s: only submitted store orders can be rejected.",
                order=order.name,
                state=order._state_label(),
            ),
        )
        self.write({"state": "rejected", "reject_reason": reason})
        for order in self:
            order.message_post(body=_("Rejected: %(reason)s", reason=reason))
        return True

    def action_cancel(self):
        self._check_state(
            {"draft", "submitted", "approved", "partial"},
            lambda order: order.env._(
                "%(order)s is %(state)s and can no longer be cancelled.",
                order=order.name,
                state=order._state_label(),
            ),
        )
        approved = self.filtered(lambda order: order.state in ("approved", "partial"))
        if approved:
            approved._check_approver()
            shipped = approved.filtered(
                lambda order: any(
                    picking.state == "done" for picking in order.picking_ids
                )
            )
            if shipped:
                raise UserError(
                    _(
                        "Goods of %(orders)s have already moved: cancel the open "
                        "transfers or return the goods instead.",
                        orders=", ".join(shipped.mapped("name")),
                    )
                )
            approved.picking_ids.filtered(
                lambda picking: picking.state not in ("done", "cancel")
            ).action_cancel()
        self.write({"state": "cancel"})
        return True

    def action_draft(self):
        self._check_state(
            {"cancel", "rejected"},
            lambda order: order.env._(
                "%(order)s is %(state)s: only cancelled or rejected store orders can "
                "go back to draft.",
                order=order.name,
                state=order._state_label(),
            ),
        )
        self.write(
            {
                "state": "draft",
                "reject_reason": False,
                "approved_by_id": False,
                "date_approved": False,
            }
        )
        # start again from what the store asks for; the lines' approval fields are head
        # office's, hence sudo
        for line in self.line_ids.sudo():
            line.write({"approved_qty": line.requested_qty, "price_unit": 0.0})
        return True

    def action_view_pickings(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "stock.action_picking_tree_all"
        )
        action["domain"] = [("id", "in", self.picking_ids.ids)]
        action["context"] = {"create": False}
        if len(self.picking_ids) == 1:
            action["views"] = [(self.env.ref("stock.view_picking_form").id, "form")]
            action["res_id"] = self.picking_ids.id
        return action
