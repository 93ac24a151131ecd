from odoo import models


class RetailCustomerGrade(models.Model):
    _inherit = "retail.customer.grade"
