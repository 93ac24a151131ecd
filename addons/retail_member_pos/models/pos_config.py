from odoo import models


class PosConfig(models.Model):
    _inherit = "pos.config"

    def _retail_add_default_payment_presets(self):
        """A company's tills take its stored value card (core eWallet, on every till of
        the company) along with the Chinese payment methods."""
        self.company_id.sudo()._retail_ensure_stored_value_program()
        return super()._retail_add_default_payment_presets()

    def action_retail_add_payment_presets(self):
        self.company_id.sudo()._retail_ensure_stored_value_program()
        return super().action_retail_add_payment_presets()
