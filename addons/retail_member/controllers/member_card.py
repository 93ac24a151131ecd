from odoo import http
from odoo.http import request


class RetailMemberCardController(http.Controller):
    """The e-member card (电子会员卡): the member's own page when logged in to the
    portal, or the card's link (sent to the member) without logging in."""

    def _render(self, partner):
        values = request.env["retail.member.card"]._values(partner)
        return request.render("retail_member.member_card_page", values)

    @http.route("/my/member_card", type="http", auth="user", website=True)
    def my_member_card(self):
        return self._render(request.env.user.partner_id.commercial_partner_id)

    @http.route(
        "/member_card/<int:partner_id>/<string:token>",
        type="http",
        auth="public",
        website=True,
    )
    def member_card(self, partner_id, token):
        Card = request.env["retail.member.card"]
        partner = request.env["res.partner"].sudo().browse(partner_id).exists()
        if not partner or not Card._check_token(partner, token):
            raise request.not_found()
        return self._render(partner)
