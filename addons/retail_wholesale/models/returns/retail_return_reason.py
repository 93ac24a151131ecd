from odoo import fields, models


class RetailReturnReason(models.Model):
    """退货原因: why goods come back from a customer or go back to a publisher."""

    _name = "retail.return.reason"
    _description = "Return Reason"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Short code used in reports, e.g. UNSOLD.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique (code)", "Another return reason has this code."),
    ]
