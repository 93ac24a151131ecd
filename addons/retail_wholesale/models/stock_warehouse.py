from odoo import api, fields, models


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

    @api.model_create_multi
    def create(self, vals_list):
        warehouses = super().create(vals_list)
        if any(vals.get("retail_user_ids") for vals in vals_list):
            # record rules read the users' stores: drop their cached domains
            self.env.registry.clear_cache()
        return warehouses

    def write(self, vals):
        result = super().write(vals)
        if "retail_user_ids" in vals:
            # record rules read the users' stores: drop their cached domains
            self.env.registry.clear_cache()
        return result
