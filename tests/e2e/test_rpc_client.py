"""Drive the server over JSON-RPC with a real client library, as an integration would."""

import odoorpc
import pytest


def test_wholesale_order_gets_wholesale_price_and_ships_from_head_office(rpc):
    odoo = rpc("hq_admin")
    customer_id = odoo.env["res.partner"].search([("name", "=", "长宁区快客便利店")])[0]
    product = odoo.env["product.product"].browse(
        odoo.env["product.product"].search([("default_code", "=like", "G%")], limit=1)[
            0
        ]
    )
    order_id = odoo.env["sale.order"].create(
        {
            "partner_id": customer_id,
            "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 24})],
        }
    )
    order = odoo.env["sale.order"].browse(order_id)
    assert order.pricelist_id.name == "批发价"
    assert order.retail_grade_id.name == "批发一级"
    assert order.retail_channel_id.code == "WHOLESALE"
    assert order.order_line.price_unit == pytest.approx(
        round(product.lst_price * 0.88, 2)
    )
    order.action_confirm()
    order = odoo.env["sale.order"].browse(order_id)
    assert order.state == "sale"
    assert order.picking_ids.picking_type_id.warehouse_id.code == "HQ"
    assert order.picking_ids.move_ids.product_uom_qty == 24


def test_cashier_cannot_read_purchases_over_rpc(rpc):
    odoo = rpc("xh_cashier")
    with pytest.raises(odoorpc.error.RPCError) as error:
        odoo.env["purchase.order"].search([])
    assert (
        "AccessError" in str(error.value.info) or "access" in str(error.value).lower()
    )
    # ...but sees the POS of the store
    assert odoo.env["pos.config"].search_count([]) >= 1


def test_wrong_password_is_refused(server):
    client = odoorpc.ODOO("127.0.0.1", port=server["port"])
    with pytest.raises(odoorpc.error.RPCError):
        client.login(server["db"], "hq_admin", "wrong-password")


def test_wholesale_rules_refuse_a_quantity_below_the_minimum(rpc):
    odoo = rpc("hq_admin")
    customer_id = odoo.env["res.partner"].search([("name", "=", "长宁区快客便利店")])[0]
    product = odoo.env["product.product"].browse(
        odoo.env["product.product"].search([("default_code", "=like", "G%")], limit=1)[
            0
        ]
    )
    order_id = odoo.env["sale.order"].create(
        {
            "partner_id": customer_id,
            "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 4})],
        }
    )
    with pytest.raises(odoorpc.error.RPCError) as error:
        odoo.env["sale.order"].browse(order_id).action_confirm()
    assert product.display_name in str(error.value)
    assert odoo.env["sale.order"].browse(order_id).state == "draft"
