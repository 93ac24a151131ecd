from odoo import fields, models


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    retail_role = fields.Selection(
        selection=[("hq", "Head office"), ("store", "Store")],
        default="store",
        required=True,
        index=True,
        help="Head office warehouses supply the stores; store warehouses sell to "
        "customers and order their goods from head office.",
    )
    retail_user_ids = fields.Many2many(
        comodel_name="res.users",
        relation="res_users_retail_warehouse_rel",
        column1="warehouse_id",
        column2="user_id",
        string="Store Staff",
        help="Users who work in this store. Store-scoped roles only see the "
        "documents of their own stores.",
    )
