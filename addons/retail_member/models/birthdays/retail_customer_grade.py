from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class RetailCustomerGrade(models.Model):
    _inherit = "retail.customer.grade"

    retail_birthday_program_id = fields.Many2one(
        comodel_name="loyalty.program",
        string="Birthday Coupon",
        check_company=True,
        domain="[('program_type', '=', 'coupons')]",
        help="The coupon program whose coupon members of this level get for their "
        "birthday (生日礼), usable once at any store until the end of the birthday month.",
    )

    @api.constrains("retail_birthday_program_id")
    def _check_retail_birthday_program(self):
        for grade in self:
            program = grade.retail_birthday_program_id
            if program and program.program_type != "coupons":
                raise ValidationError(
                    _(
                        "The birthday coupon of %(level)s must be a coupon program; "
                        "%(program)s is not.",
                        level=grade.display_name,
                        program=program.display_name,
                    )
                )
