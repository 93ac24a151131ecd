from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_is_zero

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
    _inherit = ["retail.approval.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _retail_approver_groups = APPROVER_GROUPS
    _retail_state_transitions = STATE_TRANSITIONS
    _retail_approver_states = APPROVER_STATES

    name = fields.Char(index="trigram")
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
        return self.env.user._retail_single_store(self.env.company)

    # ------------------------------------------------------------------ computes
    @api.depends("store_warehouse_id", "company_id")
    def _compute_hq_warehouse_id(self):
        hq_by_company = self.env["stock.warehouse"]._retail_first_head_offices(
            self.company_id
        )
        for order in self:
            supplier = order.store_warehouse_id._retail_supplying_head_office()
            order.hq_warehouse_id = supplier or hq_by_company.get(
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
    @api.model
    def _next_reference(self, vals):
        company = self.env["res.company"].browse(
            vals.get("company_id") or self.env.company.id
        )
        return (
            self.env["ir.sequence"]
            .with_company(company)
            .next_by_code("retail.store.order")
        )

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

    # ------------------------------------------------------------------ states
    def _approver_error(self):
        return self.env._(
            "Only head office administrators and buyers can approve or reject store "
            "orders."
        )

    def _state_error(self, action=None):
        """Why this order cannot go to the state ``action`` from where it is."""
        names = {"order": self.name, "state": self._state_label()}
        if action == "submitted":
            return self.env._(
                "%(order)s is %(state)s: only draft store orders can be submitted.",
                **names,
            )
        if action == "approved":
            return self.env._(
                "%(order)s is %(state)s: only submitted store orders can be approved.",
                **names,
            )
        if action == "rejected":
            return self.env._(
                "%(order)s is %(state)s: only submitted store orders can be rejected.",
                **names,
            )
        if action == "cancel":
            return self.env._(
                "%(order)s is %(state)s and can no longer be cancelled.", **names
            )
        return self.env._(
            "%(order)s is %(state)s: only cancelled or rejected store orders can go "
            "back to draft.",
            **names,
        )

    # ------------------------------------------------------------------ transfers
    def _get_resupply_route(self):
        self.ensure_one()
        return self.store_warehouse_id._retail_resupply_route(
            self.hq_warehouse_id, self.name
        )

    def _run_procurements(self):
        """Ship the approved quantities along the store's resupply route."""
        self.ensure_one()
        route = self._get_resupply_route()
        if not self.procurement_group_id:
            self.procurement_group_id = self.env["procurement.group"].create(
                {"name": self.name, "move_type": "direct"}
            )
        self.env["procurement.group"].run(
            [
                line._prepare_resupply_procurement(route)
                for line in self.line_ids
                if line._is_supplied()
            ]
        )

    def _close_when_received(self):
        """Mark done the approved orders the store received in full, or of which no
        transfer is left open (head office shipped less and cancelled the rest)."""
        for order in self.filtered(
            lambda order: order.state in ("approved", "partial")
        ):
            if order.line_ids._all_arrived():
                order.state = "done"

    # ------------------------------------------------------------------ actions
    def action_submit(self):
        self._check_can_become("submitted")
        for order in self:
            if not order.line_ids:
                raise UserError(
                    _(
                        "Add the products the store needs to %(order)s before submitting "
                        "it.",
                        order=order.name,
                    )
                )
        self.line_ids._check_head_office_stock()
        self.write({"state": "submitted"})
        return True

    def action_approve(self):
        self._check_approver()
        self._check_can_become("approved")
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
            cut = order.line_ids.filtered(lambda line: line._is_cut())
            order.write(
                {"state": "partial" if cut else "approved", **self._approval_stamp()}
            )
            order._run_procurements()
            if cut:
                cut._post_cuts()
        return True

    def action_open_reject_wizard(self):
        self._check_approver()
        self._check_can_become("rejected")
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
        self._check_can_become("rejected")
        self.write({"state": "rejected", "reject_reason": reason})
        for order in self:
            order.message_post(body=_("Rejected: %(reason)s", reason=reason))
        return True

    def action_cancel(self):
        self._check_can_become("cancel")
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
        self._check_can_become("draft")
        self.write(
            {
                "state": "draft",
                "reject_reason": False,
                "approved_by_id": False,
                "date_approved": False,
            }
        )
        self.line_ids._reset_approval()
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
