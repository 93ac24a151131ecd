from odoo import fields, models


class RetailSetupStore(models.TransientModel):
    _name = "retail.setup.store"
    _description = "Setup Assistant Store"

    wizard_id = fields.Many2one(
        comodel_name="retail.setup.wizard", required=True, ondelete="cascade"
    )
    name = fields.Char(required=True)
    code = fields.Char(required=True, help="1 to 5 letters or digits, e.g. XH.")
    warehouse_id = fields.Many2one(comodel_name="stock.warehouse", readonly=True)
