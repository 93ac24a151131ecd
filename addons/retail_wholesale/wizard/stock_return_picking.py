from odoo import api, fields, models
from odoo.exceptions import UserError


class StockReturnPicking(models.TransientModel):
    _inherit = "stock.return.picking"

    retail_return_reason_id = fields.Many2one(
        comodel_name="retail.return.reason",
        string="Return Reason",
        help="退货原因, kept on the return and on its credit note.",
    )
    retail_return_reason_required = fields.Boolean(
        compute="_compute_retail_return_reason_required"
    )

    @api.depends("picking_id")
    def _compute_retail_return_reason_required(self):
        for wizard in self:
            picking = wizard.picking_id
            # a customer return: the goods come back from the customer
            wizard.retail_return_reason_required = (
                picking.location_dest_id.usage == "customer"
                and picking.company_id.retail_return_reason_required
            )

    def _prepare_picking_default_values(self):
        values = super()._prepare_picking_default_values()
        if self.retail_return_reason_id:
            values["retail_return_reason_id"] = self.retail_return_reason_id.id
        return values

    def _create_return(self):
        if self.retail_return_reason_required and not self.retail_return_reason_id:
            raise UserError(
                self.env._(
                    "%(company)s needs a return reason on customer returns: choose why "
                    "%(picking)s comes back.",
                    company=self.picking_id.company_id.name,
                    picking=self.picking_id.name,
                )
            )
        return super()._create_return()
