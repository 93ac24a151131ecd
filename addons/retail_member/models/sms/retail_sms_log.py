from odoo import fields, models


class RetailSmsLog(models.Model):
    """Every text the company's SMS gateway was asked to send, or refused to send
    (opted out, over the daily limit), with the gateway's answer (短信发送记录)."""

    _name = "retail.sms.log"
    _description = "SMS Log"
    _order = "id desc"

    company_id = fields.Many2one(
        "res.company", required=True, index=True, readonly=True
    )
    partner_id = fields.Many2one("res.partner", string="Member", readonly=True)
    number = fields.Char(required=True, index=True, readonly=True)
    body = fields.Text(readonly=True)
    template_code = fields.Char(readonly=True)
    state = fields.Selection(
        selection=[
            ("sent", "Sent"),
            ("error", "Refused by the Gateway"),
            ("opted_out", "Opted Out (退订)"),
            ("rate_limited", "Over the Daily Limit"),
        ],
        required=True,
        readonly=True,
    )
    message = fields.Char(
        string="Gateway Answer", readonly=True, help="The gateway's code and message."
    )
