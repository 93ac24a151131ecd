import re

from odoo import api, models

# a Chinese mobile number: 11 digits starting with 1, written with or without +86
MOBILE_RE = re.compile(r"^(?:\+?86)?(1\d{10})$")


class RetailMemberSms(models.AbstractModel):
    """Texts to members (短信): queued as core SMS (sent by core's queue, through the
    company's gateway when it has one), never to a number that opted out."""

    _name = "retail.member.sms"
    _description = "Member SMS"

    @api.model
    def _normalize(self, number):
        """13900001234 for "+86 139-0000-1234"; other numbers without spaces and
        dashes."""
        compact = re.sub(r"[\s\-()]", "", number or "")
        match = MOBILE_RE.match(compact)
        return match.group(1) if match else compact

    @api.model
    def _opted_out(self, numbers):
        """The normalised numbers among ``numbers`` that opted out (core's phone
        blacklist, whatever the way each was written)."""
        normalized = {self._normalize(n) for n in numbers if n}
        if not normalized:
            return set()
        variants = normalized | {f"+86{n}" for n in normalized}
        found = (
            self.env["phone.blacklist"]
            .sudo()
            .search([("number", "in", list(variants))])
            .mapped("number")
        )
        return {self._normalize(number) for number in found}

    @api.model
    def _queue(self, partner_bodies):
        """Queue one text per (member, body) of ``partner_bodies`` to the member's
        mobile number; members without a number are skipped. Core's SMS queue sends
        them (its job is woken up)."""
        values = [
            {
                "number": self._normalize(partner.mobile or partner.phone),
                "partner_id": partner.id,
                "body": body,
                "state": "outgoing",
            }
            for partner, body in partner_bodies
            if partner.mobile or partner.phone
        ]
        if not values:
            return self.env["sms.sms"]
        sms = self.env["sms.sms"].sudo().create(values)
        self.env.ref("sms.ir_cron_sms_scheduler_action")._trigger()
        return sms

    @api.model
    def _record_opt_out(self, number, reply):
        """A member replied 退订 (TD, T, N...): their number is blacklisted, with the
        reply as the reason (core's phone blacklist, which core's SMS honours too)."""
        number = self._normalize(number)
        if not number:
            return self.env["phone.blacklist"]
        return (
            self.env["phone.blacklist"]
            .sudo()
            ._add(
                [number],
                message=self.env._("Opted out by SMS reply: %(reply)s", reply=reply),
            )
        )
