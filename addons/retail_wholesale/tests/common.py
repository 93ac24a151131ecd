from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

ROLE_GROUPS = {
    "cashier": "retail_wholesale.retail_wholesale_group_cashier",
    "keeper": "retail_wholesale.retail_wholesale_group_warehouse_keeper",
    "buyer": "retail_wholesale.retail_wholesale_group_buyer",
    "accountant": "retail_wholesale.retail_wholesale_group_accountant",
    "store_manager": "retail_wholesale.retail_wholesale_group_store_manager",
    "hq_admin": "retail_wholesale.retail_wholesale_group_hq_admin",
}


class RetailCommon(BaseCommon):
    """One user per retail role, a head office and a store warehouse."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # databases created in Chinese have only zh_CN active; tours click English labels
        cls.env["res.lang"]._activate_lang("en_US")
        # messages are asserted in English, the source language
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.hq_warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], order="id", limit=1
        )
        cls.store_warehouse = cls.env["stock.warehouse"].create(
            {"name": "Test Store East", "code": "TSE"}
        )
        cls.role_users = {
            role: new_test_user(cls.env, login=f"rw_{role}", groups=group, lang="en_US")
            for role, group in ROLE_GROUPS.items()
        }


def deliver_lot(env, product, lot, qty, location, picked=True):
    """A delivery to a customer of ``qty`` of ``lot``, set by hand (not reserved)."""
    picking_type = (
        env["stock.warehouse"]
        .search([("lot_stock_id", "=", location.id)], limit=1)
        .out_type_id
    )
    customers = env.ref("stock.stock_location_customers")
    picking = env["stock.picking"].create(
        {
            "picking_type_id": picking_type.id,
            "location_id": location.id,
            "location_dest_id": customers.id,
            "move_ids": [
                Command.create(
                    {
                        "name": product.name,
                        "product_id": product.id,
                        "product_uom_qty": qty,
                        "location_id": location.id,
                        "location_dest_id": customers.id,
                    }
                )
            ],
        }
    )
    picking.action_confirm()
    picking.move_ids.move_line_ids.unlink()
    picking.move_ids.write(
        {
            "move_line_ids": [
                Command.create(
                    {
                        "product_id": product.id,
                        "lot_id": lot.id,
                        "quantity": qty,
                        "location_id": location.id,
                        "location_dest_id": customers.id,
                        "picking_id": picking.id,
                    }
                )
            ],
            "picked": picked,
        }
    )
    return picking
