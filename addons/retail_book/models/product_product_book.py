from odoo import _, api, models
from odoo.exceptions import UserError
from odoo.tools import float_round

from ..tools import pack_qty


class ProductProduct(models.Model):
    _inherit = "product.product"

    @api.model_create_multi
    def create(self, vals_list):
        # the barcode and the sales price are fields of the variant's records: give
        # them the ISBN and the cover price here, before the template is made
        Template = self.env["product.template"]
        vals_list = [
            Template._retail_prepare_book_vals(dict(vals), vals.get("name"))
            for vals in vals_list
        ]
        return super().create(vals_list)

    def _retail_accessory_quantities(self, quantity=1.0):
        """[(accessory product, quantity)] that go with ``quantity`` copies of the book,
        in the accessories' units, rounded to them."""
        self.ensure_one()
        result = []
        for accessory in self.product_tmpl_id.retail_accessory_ids:
            uom = accessory.product_id.uom_id
            result.append(
                (
                    accessory.product_id,
                    float_round(
                        accessory.quantity * quantity,
                        precision_rounding=uom.rounding,
                    ),
                )
            )
        return result

    def retail_parse_pack_qty(self, text):
        """The copies (本) in ``text`` such as 3件2包5本, 2包5本, 3件 or 12; a UserError
        naming the product and the text, saying what is wrong, if it is not a quantity
        of this book."""
        self.ensure_one()
        template = self.product_tmpl_id
        try:
            return pack_qty.parse_pack_qty(
                text, template.retail_bundle_qty, template.retail_case_bundles
            )
        except pack_qty.PackQtyError as error:
            if error.code == "no_case":
                message = _(
                    "%(product)s is not packed in cases (件), so %(text)s is not a "
                    "quantity of it: set its bundles per case, or enter the quantity in "
                    "bundles (包) or copies (本).",
                    product=self.display_name,
                    text=text,
                )
            elif error.code == "no_bundle":
                message = _(
                    "%(product)s is not bundled (包), so %(text)s is not a quantity of "
                    "it: set its copies per bundle, or enter the quantity in copies (本).",
                    product=self.display_name,
                    text=text,
                )
            else:
                message = _(
                    "%(text)s is not a quantity of %(product)s: enter copies (12) or "
                    "cases, bundles and copies such as 3件2包5本, 3件 or 2包5本.",
                    product=self.display_name,
                    text=text,
                )
            raise UserError(message) from None

    def retail_format_pack_qty(self, quantity):
        """``quantity`` copies in cases, bundles and copies, e.g. 3件2包5本."""
        self.ensure_one()
        template = self.product_tmpl_id
        return pack_qty.format_pack_qty(
            quantity, template.retail_bundle_qty, template.retail_case_bundles
        )
