from odoo import api, fields, models


class RetailPosOrderReview(models.AbstractModel):
    _inherit = "retail.pos.order.review"

    @api.model
    def _retail_allowed_pricelists(self, order):
        """A member's order is at their level's price, or at its member day price
        (会员日) when the order was made on that day: an offline till's order that
        arrives the next day is judged by the day it was made."""
        allowed = super()._retail_allowed_pricelists(order)
        grade = order.partner_id.commercial_partner_id.with_company(
            order.company_id
        ).retail_grade_id
        if grade.retail_member_level:
            made = fields.Datetime.context_timestamp(order, order.date_order).date()
            today = fields.Date.context_today(order)
            config = order.config_id
            allowed = (
                (allowed - grade._retail_member_day_pricelist(today))
                | config.available_pricelist_ids
                | config.pricelist_id
                | grade.pricelist_id
                | grade._retail_member_day_pricelist(made)
            )
        return allowed
