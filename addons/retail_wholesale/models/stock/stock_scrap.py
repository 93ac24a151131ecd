from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

SCRAP_APPROVER_GROUPS = (
    "retail_wholesale.retail_wholesale_group_store_manager,"
    "retail_wholesale.retail_wholesale_group_hq_admin"
)


class StockScrap(models.Model):
    """报损: scraps made by a person need a reason, and every scrap a store manager's or
    head office's approval above the company's value threshold."""

    _inherit = "stock.scrap"

    currency_id = fields.Many2one(related="company_id.currency_id")
    retail_value = fields.Monetary(
        string="Value at Cost",
        compute="_compute_retail_value",
        groups="stock.group_stock_user",
    )
    retail_needs_approval = fields.Boolean(
        string="Needs Approval", compute="_compute_retail_value"
    )
    retail_approved_by_id = fields.Many2one(
        comodel_name="res.users", string="Approved by", readonly=True, copy=False
    )
    retail_date_approved = fields.Datetime(
        string="Approved on", readonly=True, copy=False
    )

    @api.depends("product_id", "scrap_qty", "product_uom_id", "company_id")
    def _compute_retail_value(self):
        for scrap in self:
            product = scrap.product_id.with_company(scrap.company_id)
            qty = (
                scrap.product_uom_id._compute_quantity(scrap.scrap_qty, product.uom_id)
                if scrap.product_uom_id and product
                else scrap.scrap_qty
            )
            scrap.retail_value = qty * product.standard_price
            threshold = scrap.company_id.retail_scrap_approval_amount
            scrap.retail_needs_approval = bool(
                threshold
                and scrap.company_id.currency_id.compare_amounts(
                    scrap.retail_value, threshold
                )
                > 0
            )

    def action_validate(self):
        # a person scrapping from the form gives a reason (the form's buttons say so);
        # scraps other modules and core flows make in code are theirs to explain
        if not self.env.context.get("retail_scrap_reason_required"):
            return super().action_validate()
        for scrap in self:
            if not scrap.scrap_reason_tag_ids:
                raise UserError(
                    self.env._(
                        "Give a reason for scrapping %(product)s.",
                        product=scrap.product_id.display_name,
                    )
                )
        return super().action_validate()

    def do_scrap(self):
        for scrap in self.sudo():
            if scrap.retail_needs_approval and not scrap.retail_approved_by_id:
                raise UserError(
                    self.env._(
                        "Scrapping %(qty)s %(product)s is worth %(value)s, above "
                        "%(threshold)s: a store manager or head office must approve it "
                        "first.",
                        qty=scrap.scrap_qty,
                        product=scrap.product_id.display_name,
                        value=scrap.retail_value,
                        threshold=scrap.company_id.retail_scrap_approval_amount,
                    )
                )
        return super().do_scrap()

    def action_retail_approve(self):
        if not (self.env.su or self.env.user.has_groups(SCRAP_APPROVER_GROUPS)):
            raise AccessError(
                self.env._("Only store managers and head office can approve scraps.")
            )
        for scrap in self:
            if scrap.state == "done":
                raise UserError(
                    self.env._(
                        "%(scrap)s is already done.",
                        scrap=scrap.name or scrap.display_name,
                    )
                )
            if scrap.retail_approved_by_id:
                raise UserError(
                    self.env._(
                        "This scrap of %(product)s was already approved by %(user)s.",
                        product=scrap.product_id.display_name,
                        user=scrap.retail_approved_by_id.name,
                    )
                )
        self.write(
            {
                "retail_approved_by_id": self.env.user.id,
                "retail_date_approved": fields.Datetime.now(),
            }
        )
        return True
