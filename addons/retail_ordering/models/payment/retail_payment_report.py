from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# the slip a dealer uploads: an image or a PDF, at most 5 MB
SLIP_TYPES = {"image/jpeg", "image/png", "image/webp", "application/pdf"}
SLIP_MAX_BYTES = 5 * 1024 * 1024


class RetailPaymentReport(models.Model):
    """A bank transfer a dealer reports on the portal (汇款凭证): amount, date, bank
    reference and a photo of the slip. The accountant matches it with the payment
    received (an existing one, or one made from the report) or refuses it with a
    reason; the dealer sees which."""

    _name = "retail.payment.report"
    _description = "Reported Bank Transfer"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Dealer", required=True, index=True
    )
    user_id = fields.Many2one(
        comodel_name="res.users", string="Reported by", readonly=True
    )
    amount = fields.Monetary(required=True, tracking=True)
    date = fields.Date(string="Transfer Date", required=True)
    reference = fields.Char(
        string="Bank Reference", required=True, help="流水号 of the transfer."
    )
    slip = fields.Binary(attachment=True)
    slip_name = fields.Char(string="Slip File Name")
    state = fields.Selection(
        selection=[
            ("reported", "To Match"),
            ("matched", "Matched"),
            ("refused", "Refused"),
        ],
        default="reported",
        required=True,
        tracking=True,
        index=True,
    )
    payment_id = fields.Many2one(
        comodel_name="account.payment",
        check_company=True,
        domain="[('partner_id', 'child_of', partner_id), ('payment_type', '=', 'inbound')]",
        tracking=True,
    )
    refuse_reason = fields.Text(
        help="Why the transfer is refused (not on the bank account, wrong amount…): "
        "the dealer reads it."
    )

    @api.depends("partner_id", "reference")
    def _compute_name(self):
        for report in self:
            report.name = (
                f"{report.partner_id.name or ''} {report.reference or ''}".strip()
            )

    @api.constrains("amount")
    def _check_amount(self):
        for report in self:
            if report.amount <= 0:
                raise ValidationError(
                    self.env._(
                        "The amount of a reported transfer must be positive, not %(amount)s.",
                        amount=report.amount,
                    )
                )

    @api.model
    def _retail_check_slip(self, mimetype, size):
        if mimetype not in SLIP_TYPES:
            raise UserError(
                self.env._(
                    "The slip must be a photo (JPEG, PNG, WebP) or a PDF, not %(type)s.",
                    type=mimetype or self.env._("an unknown file"),
                )
            )
        if size > SLIP_MAX_BYTES:
            raise UserError(
                self.env._(
                    "The slip is %(size)s MB: at most 5 MB.",
                    size=round(size / 1048576, 1),
                )
            )

    @api.model
    def _retail_report(self, user, values):
        """A dealer's user reports a transfer (from the portal): one record, and the
        company's dealer accountant is asked to match it."""
        dealer = user.partner_id._retail_portal_dealer()
        if not dealer:
            raise UserError(self.env._("Your company does not order on the portal."))
        company = dealer.retail_ordering_channel_id.company_id
        report = (
            self.sudo()
            .with_company(company)
            .create(
                {
                    **values,
                    "partner_id": dealer.id,
                    "user_id": user.id,
                    "company_id": company.id,
                }
            )
        )
        report.message_subscribe(partner_ids=user.partner_id.ids)
        accountant = company.retail_portal_accountant_id
        if accountant:
            report.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._(
                    "Match the transfer of %(dealer)s", dealer=dealer.name
                ),
                user_id=accountant.id,
            )
        return report

    def _retail_check_reported(self):
        for report in self:
            if report.state != "reported":
                raise UserError(
                    self.env._(
                        "%(report)s was already matched or refused.", report=report.name
                    )
                )

    def action_match(self):
        """The accountant found the payment: link it."""
        self._retail_check_reported()
        for report in self:
            if not report.payment_id:
                raise UserError(
                    self.env._(
                        "Choose the payment of %(report)s first.", report=report.name
                    )
                )
        self.write({"state": "matched"})
        self.activity_feedback(["mail.mail_activity_data_todo"])
        for report in self:
            report._retail_notify(
                self.env._("Your transfer %(ref)s is received.", ref=report.reference)
            )
        return True

    def action_create_payment(self):
        """No payment yet (no bank statement imported): make it from the report, in
        the company's first bank journal, and post it."""
        self._retail_check_reported()
        for report in self:
            journal = self.env["account.journal"].search(
                [("company_id", "=", report.company_id.id), ("type", "=", "bank")],
                limit=1,
            )
            if not journal:
                raise UserError(
                    self.env._(
                        "%(company)s has no bank journal.",
                        company=report.company_id.name,
                    )
                )
            payment = self.env["account.payment"].create(
                {
                    "payment_type": "inbound",
                    "partner_type": "customer",
                    "partner_id": report.partner_id.id,
                    "amount": report.amount,
                    "date": report.date,
                    "memo": report.reference,
                    "journal_id": journal.id,
                    "company_id": report.company_id.id,
                }
            )
            payment.action_post()
            report.payment_id = payment
        return self.action_match()

    def action_refuse(self, reason=None):
        reason = (reason or self.refuse_reason or "").strip()
        if not reason:
            raise UserError(self.env._("Tell the dealer why the transfer is refused."))
        self._retail_check_reported()
        self.write({"state": "refused", "refuse_reason": reason})
        self.activity_feedback(["mail.mail_activity_data_todo"])
        for report in self:
            report._retail_notify(
                self.env._(
                    "Your transfer %(ref)s is refused: %(reason)s",
                    ref=report.reference,
                    reason=reason,
                )
            )
        return True

    def _retail_notify(self, text):
        self.message_post(
            body=Markup("<p>%s</p>") % text,
            partner_ids=self.user_id.partner_id.ids,
            subtype_xmlid="mail.mt_comment",
        )
