from odoo import api, fields, models
from odoo.exceptions import ValidationError


class RetailStoreTarget(models.Model):
    """The revenue target (销售目标) of a store for a month, set by head office."""

    _name = "retail.store.target"
    _description = "Store Sales Target"
    _order = "month desc, warehouse_id"
    _rec_name = "warehouse_id"

    warehouse_id = fields.Many2one(
        "stock.warehouse", string="Store", required=True, ondelete="cascade"
    )
    month = fields.Date(
        required=True,
        help="Any day of the month: the target is kept on its first day.",
    )
    company_id = fields.Many2one(related="warehouse_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    target_revenue = fields.Monetary(required=True, help="Untaxed revenue.")

    _sql_constraints = [
        (
            "warehouse_month_unique",
            "UNIQUE(warehouse_id, month)",
            "A store has one target per month.",
        ),
        (
            "target_revenue_positive",
            "CHECK(target_revenue >= 0)",
            "A target revenue cannot be negative.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("month"):
                vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)
        self._check_month_free(
            [(vals.get("warehouse_id"), vals.get("month")) for vals in vals_list]
        )
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("month"):
            vals = dict(vals, month=fields.Date.to_date(vals["month"]).replace(day=1))
        if "warehouse_id" in vals or "month" in vals:
            self._check_month_free(
                [
                    (
                        vals.get("warehouse_id", target.warehouse_id.id),
                        vals.get("month", target.month),
                    )
                    for target in self
                ],
                exclude=self,
            )
        return super().write(vals)

    def _check_month_free(self, pairs, exclude=None):
        """Refuse a second target of a store for a month, naming the store and the
        month, before anything is written (the unique constraint backs it up)."""
        pairs = [(wh, month) for wh, month in pairs if wh and month]
        if not pairs:
            return
        seen = set()
        taken = None
        for pair in pairs:
            if pair in seen:
                taken = pair
            seen.add(pair)
        if not taken:
            existing = (
                self.sudo()
                .with_context(active_test=False)
                ._read_group(
                    [
                        ("warehouse_id", "in", [wh for wh, __ in pairs]),
                        ("month", "in", [month for __, month in pairs]),
                        ("id", "not in", exclude.ids if exclude else []),
                    ],
                    ["warehouse_id", "month:day"],
                )
            )
            found = {(warehouse.id, month) for warehouse, month in existing}
            taken = next((pair for pair in pairs if pair in found), None)
        if taken:
            raise ValidationError(
                self.env._(
                    "The store %(store)s already has a target for %(month)s.",
                    store=self.env["stock.warehouse"].browse(taken[0]).display_name,
                    month=taken[1].strftime("%Y-%m"),
                )
            )

    @api.constrains("target_revenue")
    def _check_target_revenue(self):
        if any(target.target_revenue < 0 for target in self):
            raise ValidationError(self.env._("A target revenue cannot be negative."))
