from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class RetailExpiryDisposal(models.TransientModel):
    """过期处理: scrap every expired lot in stock in a warehouse, with a reason. Core scraps
    make the stock valuation entries."""

    _name = "retail.expiry.disposal"
    _description = "Expired Stock Disposal"

    warehouse_id = fields.Many2one(
        comodel_name="stock.warehouse",
        required=True,
        default=lambda self: (
            self.env.user.retail_warehouse_ids[:1]
            or self.env["stock.warehouse"].search(
                [("company_id", "=", self.env.company.id)], limit=1
            )
        ),
    )
    reason_tag_ids = fields.Many2many(
        comodel_name="stock.scrap.reason.tag",
        string="Reasons",
        default=lambda self: self.env.ref(
            "retail_wholesale.stock_scrap_reason_tag_expired", raise_if_not_found=False
        ),
    )
    note = fields.Char()
    quant_ids = fields.Many2many(
        comodel_name="stock.quant",
        string="Expired Stock",
        compute="_compute_quant_ids",
    )

    @api.depends("warehouse_id")
    def _compute_quant_ids(self):
        now = fields.Datetime.now()
        for wizard in self:
            wizard.quant_ids = self.env["stock.quant"].search(
                [
                    ("location_id.warehouse_id", "=", wizard.warehouse_id.id),
                    ("location_id.usage", "=", "internal"),
                    ("lot_id.expiration_date", "<=", now),
                    ("quantity", ">", 0),
                ]
            )

    def action_dispose(self):
        self.ensure_one()
        if not self.reason_tag_ids:
            raise UserError(self.env._("Give a reason for the disposal."))
        quants = self.quant_ids
        if not quants:
            raise UserError(
                self.env._(
                    "%(warehouse)s has no expired stock to dispose of.",
                    warehouse=self.warehouse_id.name,
                )
            )
        scraps = self.env["stock.scrap"].create(
            [
                {
                    "product_id": quant.product_id.id,
                    "product_uom_id": quant.product_id.uom_id.id,
                    "lot_id": quant.lot_id.id,
                    "package_id": quant.package_id.id,
                    "owner_id": quant.owner_id.id,
                    "location_id": quant.location_id.id,
                    "scrap_qty": quant.quantity,
                    "company_id": quant.company_id.id,
                    "origin": self.note or self.env._("Expired stock disposal"),
                    "scrap_reason_tag_ids": [Command.set(self.reason_tag_ids.ids)],
                }
                for quant in quants
            ]
        )
        # the disposal is decided by an approver (the wizard's access): no second step
        scraps.action_retail_approve()
        scraps.do_scrap()
        action = self.env["ir.actions.actions"]._for_xml_id("stock.action_stock_scrap")
        action["domain"] = [("id", "in", scraps.ids)]
        return action
