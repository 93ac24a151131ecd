from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    retail_warehouse_ids = fields.Many2many(
        comodel_name="stock.warehouse",
        relation="res_users_retail_warehouse_rel",
        column1="user_id",
        column2="warehouse_id",
        string="Stores",
        help="Stores this user works in. Store managers and cashiers only see "
        "the documents of these stores; leave empty for head-office users.",
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["retail_warehouse_ids"]

    def _get_invalidation_fields(self):
        # record rules read the user's stores: their cached domains must follow
        return super()._get_invalidation_fields() | {"retail_warehouse_ids"}

    def _retail_single_store(self, company):
        """The user's store in ``company``, when they work in exactly one store of it."""
        self.ensure_one()
        stores = self.retail_warehouse_ids.filtered(
            lambda warehouse: (
                warehouse.retail_role == "store" and warehouse.company_id == company
            )
        )
        return stores if len(stores) == 1 else self.env["stock.warehouse"]
