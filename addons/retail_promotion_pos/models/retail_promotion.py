from odoo import Command, models


class RetailPromotion(models.Model):
    _inherit = "retail.promotion"

    def _retail_tills(self):
        """The tills of the promotion's stores; none for a promotion of every store."""
        self.ensure_one()
        if not self.warehouse_ids:
            return self.env["pos.config"]
        return (
            self.env["pos.config"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("picking_type_id.warehouse_id", "in", self.warehouse_ids.ids),
                    ("company_id", "=", self.company_id.id),
                ]
            )
        )

    def _retail_program_values(self, label, program_type):
        values = super()._retail_program_values(label, program_type)
        tills = self._retail_tills()
        values["pos_ok"] = self.retail_ok and (not self.warehouse_ids or bool(tills))
        values["pos_config_ids"] = [Command.set(tills.ids)]
        return values
