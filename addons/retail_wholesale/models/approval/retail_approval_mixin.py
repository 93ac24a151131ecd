from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class RetailApprovalMixin(models.AbstractModel):
    """A document that goes through states until someone entitled approves it: store
    orders (门店要货单) and stocktakes (盘点).

    The model defines ``state`` and ``approved_by_id``, the groups that approve
    (``_retail_approver_groups``) and what it says when a step is refused
    (``_state_error``, ``_approver_error``). A model that declares its moves
    (``_retail_state_transitions``) checks them with ``_check_state_transition`` and
    ``_check_can_become``.
    """

    _name = "retail.approval.mixin"
    _inherit = ["retail.company.mixin"]
    _description = "Approval Document"

    # comma-separated xml ids of the groups that approve, as for has_groups()
    _retail_approver_groups = ""
    # new state -> the states a document may come from
    _retail_state_transitions = {}
    # the states only an approver may set
    _retail_approver_states = frozenset()

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_approved = fields.Datetime(string="Approved on", readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                vals["name"] = self._next_reference(vals) or self.env._("New")
        return super().create(vals_list)

    @api.model
    def _next_reference(self, vals):
        """The number of a new document created with ``vals``."""
        return self.env["ir.sequence"].next_by_code(self._name)

    def _state_label(self):
        self.ensure_one()
        return dict(self._fields["state"]._description_selection(self.env))[self.state]

    def _state_error(self, action=None):
        """Why this document cannot take ``action`` in its state."""
        raise NotImplementedError()

    def _check_state(self, states, action=None):
        """Refuse ``action`` on the first document that is not in ``states``."""
        for document in self:
            if document.state not in states:
                raise UserError(document._state_error(action))

    def _is_approver(self):
        return self.env.su or self.env.user.has_groups(self._retail_approver_groups)

    def _approver_error(self):
        """What a user who may not approve is told."""
        raise NotImplementedError()

    def _check_approver(self):
        if not self._is_approver():
            raise AccessError(self._approver_error())

    def _approval_stamp(self):
        """Who approves, and when: the values written with the approved state."""
        return {"approved_by_id": self.env.uid, "date_approved": fields.Datetime.now()}

    def _check_can_become(self, new_state):
        """Refuse, with the model's own message, a move to ``new_state``."""
        self._check_state(self._retail_state_transitions[new_state], new_state)

    def _check_state_transition(self, new_state):
        """Refuse a write of ``new_state`` that is not a move the model allows."""
        if new_state in self._retail_approver_states and any(
            document.state != new_state for document in self
        ):
            self._check_approver()
        labels = dict(self._fields["state"]._description_selection(self.env))
        for document in self:
            if document.state != new_state and (
                document.state not in self._retail_state_transitions.get(new_state, ())
            ):
                raise UserError(
                    self.env._(
                        "%(order)s is %(state)s and cannot become %(new_state)s.",
                        order=document.name,
                        state=document._state_label(),
                        new_state=labels.get(new_state, new_state),
                    )
                )
