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
    retail_velocity_days = fields.Integer(
        string="Sales Velocity Window",
        default=30,
        help="Days of sales (sale orders and POS) averaged into the daily sales that "
        "stock levels are computed from.",
    )
    retail_cover_days = fields.Integer(
        string="Cover Days",
        default=14,
        help="Days of sales an order should cover beyond the lead time.",
    )
    retail_safety_days = fields.Integer(
        string="Safety Days",
        default=3,
        help="Days of sales kept as safety stock on top of the lead time.",
    )
    retail_resupply_days = fields.Integer(
        string="Resupply Days",
        default=2,
        help="Days head office needs to resupply this store: the lead time of the "
        "store's stock levels.",
    )

    _sql_constraints = [
        (
            "retail_stock_days_positive",
            (
                "CHECK(retail_velocity_days > 0 AND retail_cover_days >= 0 "
                "AND retail_safety_days >= 0 AND retail_resupply_days >= 0)"
            ),
            (
                "The sales velocity window must be at least one day and the cover, "
                "safety and resupply days cannot be negative."
            ),
        ),
    ]

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
