from odoo import models
from odoo.exceptions import UserError


class RetailCustomerAnalysisRfm(models.TransientModel):
    _inherit = "retail.customer.analysis.rfm"

    def action_retail_send_sms(self):
        """短信群发 to a segment of the customer analysis: core's SMS composer in mass
        mode for the customers of the chosen lines (e.g. a segment's group, or its
        lines selected), so the company's gateway, the opt-outs (退订, core's phone
        blacklist), the daily limit per number and the SMS log all apply."""
        partners = self.partner_id.commercial_partner_id
        reachable = partners.filtered(lambda partner: partner.mobile or partner.phone)
        if not reachable:
            raise UserError(
                self.env._(
                    "None of the %(count)s customers chosen has a mobile number.",
                    count=len(partners),
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send SMS to %(count)s customers", count=len(reachable)),
            "res_model": "sms.composer",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_composition_mode": "mass",
                "default_mass_keep_log": True,
                "default_res_model": "res.partner",
                "default_res_ids": reachable.ids,
            },
        }
