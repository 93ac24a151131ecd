from odoo import api, fields, models


class PosOrderLine(models.Model):
    _name = "pos.order.line"
    _inherit = ["pos.order.line", "retail.book.line.mixin"]
    # 码洋 / 实洋 / 折扣 of book lines, stored when the order is synchronised
    _retail_qty_field = "qty"
    _retail_uom_field = "product_uom_id"
    _retail_tax_field = "tax_ids"
    _retail_total_field = "price_subtotal_incl"

    retail_accessory_parent_uuid = fields.Char(
        string="Accessory of Line",
        readonly=True,
        copy=False,
        help="配件: the uuid of the book line of the same order this accessory line was "
        "added with; the till keeps its quantity to the book's.",
    )

    @api.model
    def _load_pos_data_fields(self, config_id):
        fields_list = super()._load_pos_data_fields(config_id)
        return [*fields_list, "retail_accessory_parent_uuid"]
