from odoo import Command, fields, models


class RetailSetupStore(models.TransientModel):
    _inherit = "retail.setup.store"

    retail_till = fields.Boolean(
        string="Till",
        default=True,
        help="Give the store a till (收银台) with the Chinese payment methods.",
    )


class RetailSetupWizard(models.TransientModel):
    _inherit = "retail.setup.wizard"

    def _retail_setup_stores(self, lines):
        """A till per new store that asks for one, selling from the store's stock; a
        till of a company in renminbi gets its cash, WeChat Pay, Alipay and UnionPay
        card on creation (``pos.config._retail_add_default_payment_presets``)."""
        result = super()._retail_setup_stores(lines)
        # one by one: core's check of the tills' cash methods reads one till
        for line in lines.filtered("retail_till"):
            self.env["pos.config"].create(
                {
                    "name": self.env._("%(store)s Till", store=line.warehouse_id.name),
                    "picking_type_id": line.warehouse_id.pos_type_id.id,
                    "company_id": self.company_id.id,
                    # not core's default methods of the chart: the presets
                    "payment_method_ids": [Command.clear()],
                }
            )
        return result
