from odoo import Command, fields, models


class LoyaltyProgram(models.Model):
    _inherit = "loyalty.program"

    retail_promotion_id = fields.Many2one(
        comodel_name="retail.promotion",
        string="Promotion",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
        help="The promotion that writes this program: edit the promotion, not the "
        "program.",
    )

    retail_channel_ids = fields.Many2many(
        comodel_name="retail.channel",
        string="Sales Channels",
        readonly=True,
        help="Only sale orders of these channels get the program; empty for every "
        "channel (written by its promotion).",
    )
    # the promotion's stacking, as the tills read it with the programs
    retail_promotion_name = fields.Char(related="retail_promotion_id.name")
    retail_priority = fields.Integer(related="retail_promotion_id.priority")
    retail_stack_ok = fields.Boolean(related="retail_promotion_id.stack_ok")
    retail_member_price_ok = fields.Boolean(
        related="retail_promotion_id.member_price_ok"
    )
    retail_flash_sale_ok = fields.Boolean(related="retail_promotion_id.flash_sale_ok")
    retail_markdown_ok = fields.Boolean(related="retail_promotion_id.markdown_ok")
    retail_coupon_threshold = fields.Monetary(
        related="retail_promotion_id.coupon_threshold"
    )

    def _retail_set_rule_reward(self, rule, reward):
        """The program's one rule and one reward, written in place: the rewards orders
        point at are kept (archived) when the program no longer needs them."""
        self.ensure_one()
        rules = self.rule_ids
        if rules:
            rules[0].write(rule)
            rules[1:].unlink()
        else:
            self.write({"rule_ids": [Command.create(rule)]})
        rewards = self.with_context(active_test=False).reward_ids
        if rewards:
            rewards[0].write(dict(reward, active=True))
            rewards[1:].write({"active": False})
        else:
            self.write({"reward_ids": [Command.create(reward)]})
