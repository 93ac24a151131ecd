from odoo import _, models
from odoo.exceptions import AccessError


class LoyaltyCardUpdateBalance(models.TransientModel):
    _inherit = "loyalty.card.update.balance"

    def action_update_card_point(self):
        """Points and balances are adjusted by store managers (and head office), with
        the reason core asks for; core lets every till user do it."""
        user = self.env.user
        if not self.env.su and not (
            user.has_group("retail_wholesale.retail_wholesale_group_store_manager")
            or user.has_group("sales_team.group_sale_manager")
        ):
            raise AccessError(
                _(
                    "Only a store manager can adjust the points or the balance of a card "
                    "(%(card)s).",
                    card=self.card_id.code,
                )
            )
        return super().action_update_card_point()
