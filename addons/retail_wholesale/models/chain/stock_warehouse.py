from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare


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

    # ------------------------------------------------------------------ resupply
    @api.model
    def _retail_first_head_offices(self, companies):
        """{company: its first head office warehouse} for ``companies``."""
        head_offices = self.search(
            [("retail_role", "=", "hq"), ("company_id", "in", companies.ids)],
            order="sequence, id",
        )
        first = {}
        for warehouse in head_offices:
            first.setdefault(warehouse.company_id, warehouse)
        return first

    def _retail_supplying_head_office(self):
        """The first head office warehouse this store is resupplied from, if any."""
        self.ensure_one()
        return self.resupply_wh_ids.filtered(
            lambda warehouse: warehouse.retail_role == "hq"
        )[:1]

    def _retail_resupply_route(self, supplier, order_name):
        """This store's resupply route from the warehouse ``supplier``, which head
        office needs to approve the store order ``order_name``."""
        self.ensure_one()
        route = self.resupply_route_ids.filtered(
            lambda route: route.supplier_wh_id == supplier
        )[:1]
        if not route:
            raise UserError(
                _(
                    "Store %(store)s is not resupplied from %(warehouse)s: tick "
                    "%(warehouse)s in the store's Resupply From field (warehouse "
                    "settings) before approving %(order)s.",
                    store=self.display_name,
                    warehouse=supplier.display_name,
                    order=order_name,
                )
            )
        return route

    def _retail_check_stocks(self, products):
        """Refuse the ``products`` this warehouse neither has in stock nor expects."""
        self.ensure_one()
        missing = products.with_context(warehouse_id=self.id).filtered(
            lambda product: (
                float_compare(
                    product.qty_available,
                    0.0,
                    precision_rounding=product.uom_id.rounding,
                )
                <= 0
                and float_compare(
                    product.incoming_qty,
                    0.0,
                    precision_rounding=product.uom_id.rounding,
                )
                <= 0
            )
        )
        if missing:
            raise UserError(
                _(
                    "Head office warehouse %(warehouse)s has none of these products "
                    "in stock or on the way: %(products)s. Remove them from the order "
                    "or ask head office to buy them first.",
                    warehouse=self.display_name,
                    products=", ".join(missing.mapped("display_name")),
                )
            )
