from odoo import models


class RetailPartnerStatement(models.Model):
    """The statement of account on the portal: the dealer's users read it under My
    Account once it is sent, and answer it there."""

    _name = "retail.partner.statement"
    _inherit = ["retail.partner.statement", "portal.mixin"]

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for statement in self:
            statement.access_url = f"/my/statements/{statement.id}"
        return res

    def _get_report_base_filename(self):
        self.ensure_one()
        return self._retail_file_name("pdf")[: -len(".pdf")]

    def action_send(self):
        res = super().action_send()
        for statement in self:
            statement.message_post(
                body=self.env._(
                    "The statement is waiting for your confirmation under My Account."
                ),
                partner_ids=statement.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return res
