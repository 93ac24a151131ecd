from odoo import api, fields, models
from odoo.tools import consteq
from odoo.tools.misc import hmac

# core's "Customer Barcodes" rule of the till's nomenclature: scanning a code of this
# prefix picks the customer whose barcode it is (the member's card)
CARD_PREFIX = "042"
LINK_SCOPE = "retail_member.card"


class RetailMemberCard(models.AbstractModel):
    """The e-member card (电子会员卡): a member's card number (their barcode, scanned at
    the till), the link to their card page, and what the page shows."""

    _name = "retail.member.card"
    _description = "E-Member Card"

    @api.model
    def _code_for(self, partner_id):
        """042 + the member's id on 9 digits + the EAN-13 check digit."""
        digits = f"{CARD_PREFIX}{partner_id:09d}"
        odd = sum(int(d) for d in digits[::2])
        even = sum(int(d) for d in digits[1::2])
        return digits + str((10 - (odd + 3 * even) % 10) % 10)

    @api.model
    def _ensure_codes(self, partners):
        """Members without a card number get one (their barcode, in the current
        company: the till of that company finds them by it)."""
        for partner in partners.sudo().filtered(lambda p: not p.barcode):
            partner.barcode = self._code_for(partner.id)
        return partners

    @api.model
    def _token(self, partner):
        return hmac(self.env(su=True), LINK_SCOPE, partner.id)

    @api.model
    def _check_token(self, partner, token):
        return bool(token) and consteq(self._token(partner), token)

    @api.model
    def _url(self, partner):
        """The card's link, to open without logging in (sent to the member)."""
        base = partner.sudo().get_base_url()
        return f"{base}/member_card/{partner.id}/{self._token(partner)}"

    @api.model
    def _cards(self, partner):
        """The member's valid loyalty cards, eWallets and coupons (all companies)."""
        today = fields.Date.context_today(self)
        return (
            self.env["loyalty.card"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", partner.id),
                    ("program_id.active", "=", True),
                    "|",
                    ("expiration_date", "=", False),
                    ("expiration_date", ">=", today),
                ],
                order="program_id, id",
            )
        )

    @api.model
    def _purchases(self, partner, limit=10):
        """The member's latest purchases, newest first: [{date, reference, amount,
        currency, where}] (sale orders here; the till's addon adds its orders)."""
        orders = (
            self.env["sale.order"]
            .sudo()
            .search(
                [
                    ("partner_id", "child_of", partner.commercial_partner_id.id),
                    ("state", "=", "sale"),
                ],
                order="date_order desc, id desc",
                limit=limit,
            )
        )
        return [
            {
                "date": order.date_order,
                "reference": order.name,
                "amount": order.amount_total,
                "currency": order.currency_id,
                "where": order.warehouse_id.name or order.company_id.name,
            }
            for order in orders
        ]

    @api.model
    def _values(self, partner):
        """What the card page shows."""
        partner = partner.sudo()
        self._ensure_codes(partner)
        cards = self._cards(partner)
        grade = partner.retail_grade_id
        return {
            "member": partner,
            "level": grade if grade.retail_member_level else grade.browse(),
            "code": partner.barcode,
            "points": cards.filtered(lambda c: c.program_type == "loyalty"),
            "wallets": cards.filtered(lambda c: c.program_type == "ewallet"),
            "coupons": cards.filtered(
                lambda c: (
                    c.program_type in ("coupons", "next_order_coupons") and c.points > 0
                )
            ),
            "purchases": sorted(
                self._purchases(partner), key=lambda p: p["date"], reverse=True
            )[:10],
        }
