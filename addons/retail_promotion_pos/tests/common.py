import uuid
from datetime import timedelta

from odoo import Command, fields


def reward_line(program, amount):
    """The line a till sends for ``program``'s reward taking ``amount`` off, with the
    order's card of the program (as core's till has it confirmed)."""
    reward = program.reward_ids
    reward.discount_line_product_id.action_unarchive()
    card = program.env["loyalty.card"].create({"program_id": program.id, "points": 0})
    return Command.create(
        {
            "product_id": reward.discount_line_product_id.id,
            "qty": 1,
            "price_unit": -amount,
            "discount": 0,
            "price_subtotal": -amount,
            "price_subtotal_incl": -amount,
            "tax_ids": [],
            "is_reward_line": True,
            "reward_id": reward.id,
            "coupon_id": card.id,
            "points_cost": 1,
            "reward_identifier_code": str(uuid.uuid4())[:8],
        }
    )


def running_window(env):
    """From yesterday to tomorrow: the promotion runs on the cashier's day, which may
    not be the server's (core's test cashier works in New York)."""
    today = fields.Date.context_today(env["retail.promotion"])
    return today - timedelta(days=1), today + timedelta(days=1)
