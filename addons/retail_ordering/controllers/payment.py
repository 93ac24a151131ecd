import base64

from odoo import fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request
from odoo.tools.mimetypes import guess_mimetype

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..models.payment.retail_payment_report import SLIP_MAX_BYTES


class RetailOrderingPayments(CustomerPortal):
    """汇款凭证: a dealer reports a bank transfer with a photo of the slip."""

    def _retail_payment_values(self, **values):
        dealer = request.env.user.partner_id.sudo()._retail_portal_dealer()
        base = self._prepare_portal_layout_values()
        base.update(
            reports=request.env["retail.payment.report"].search([], limit=50),
            page_name="retail_ordering",
            today=fields.Date.context_today(request.env.user),
            currency=dealer.retail_ordering_channel_id.company_id.currency_id,
            **values,
        )
        return base

    @http.route(["/my/payments"], type="http", auth="user", website=True)
    def portal_my_payments(self, **kw):
        if not request.env.user.partner_id.sudo()._retail_portal_dealer():
            return request.redirect("/my")
        return request.render(
            "retail_ordering.portal_my_payments",
            self._retail_payment_values(
                error=request.session.pop("retail_payment_error", None),
                reported=kw.get("reported"),
            ),
        )

    @http.route(
        ["/my/payments/report"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_payment_report(self, amount="", date="", reference="", **kw):
        if not request.env.user.partner_id.sudo()._retail_portal_dealer():
            return request.redirect("/my")
        Report = request.env["retail.payment.report"]
        try:
            upload = request.httprequest.files.get("slip")
            content = upload.read(SLIP_MAX_BYTES + 1) if upload else b""
            values = {
                "amount": self._retail_amount(amount),
                "date": self._retail_date(date),
                "reference": (reference or "").strip()[:100],
            }
            if not values["reference"]:
                raise UserError(
                    request.env._("Give the bank reference (流水号) of the transfer.")
                )
            if content:
                Report._retail_check_slip(guess_mimetype(content), len(content))
                values.update(
                    slip=base64.b64encode(content),
                    slip_name=(upload.filename or "slip")[:100],
                )
            Report._retail_report(request.env.user, values)
        except (UserError, ValidationError) as error:
            request.session["retail_payment_error"] = error.args[0]
            return request.redirect("/my/payments")
        return request.redirect("/my/payments?reported=1")

    def _retail_amount(self, text):
        try:
            amount = float((text or "").replace(",", ""))
        except ValueError:
            amount = 0.0
        if amount <= 0:
            raise UserError(
                request.env._(
                    "The amount %(amount)s is not a positive amount.", amount=text
                )
            )
        return amount

    def _retail_date(self, text):
        try:
            return fields.Date.to_date(text)
        except ValueError:
            raise UserError(
                request.env._("The date %(date)s is not a date.", date=text)
            ) from None
