import re

from odoo import api, models
from odoo.tools import format_amount

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

    @api.model
    def _text_stored_value(self, moves):
        """余额提醒: a text to the member for each top-up and payment of their stored
        value card, with the new balance, when their company sends them. ``moves``:
        (company, card, store, topped up, bonus, spent, balance) tuples."""
        texts = []
        for company, card, store, top_up, bonus, taken, balance in moves:
            if not company.retail_sms_stored_value or not card.partner_id:
                continue
            env = self.with_context(lang=card.partner_id.lang).env
            values = {
                "store": store,
                **{
                    key: format_amount(env, amount, company.currency_id)
                    for key, amount in (
                        ("amount", top_up),
                        ("bonus", bonus),
                        ("spent", taken),
                        ("balance", balance),
                    )
                },
            }
            if top_up and bonus:
                body = env._(
                    "Your stored value card was topped up with %(amount)s and a bonus "
                    "of %(bonus)s at %(store)s; balance: %(balance)s."
                )
            elif top_up:
                body = env._(
                    "Your stored value card was topped up with %(amount)s at "
                    "%(store)s; balance: %(balance)s."
                )
            else:
                body = None
            if body:
                texts.append((card.partner_id, body % values))
            if taken:
                body = env._(
                    "You paid %(spent)s with your stored value card at %(store)s; "
                    "balance: %(balance)s."
                )
                texts.append((card.partner_id, body % values))
        return self._queue(texts)
