from odoo import fields, models


class SaleReport(models.Model):
    _inherit = "sale.report"

    retail_channel_id = fields.Many2one(
        comodel_name="retail.channel", string="Channel", readonly=True
    )
    retail_grade_id = fields.Many2one(
        comodel_name="retail.customer.grade", string="Customer Grade", readonly=True
    )

    def _select_additional_fields(self):
        res = super()._select_additional_fields()
        res["retail_channel_id"] = "s.retail_channel_id"
        res["retail_grade_id"] = "s.retail_grade_id"
        return res

    def _group_by_sale(self):
        res = super()._group_by_sale()
        res += """,
            s.retail_channel_id,
            s.retail_grade_id"""
        return res
