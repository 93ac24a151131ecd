"""Going live (开账): loading a catalogue and the opening stock from files.

Ours: the setup assistant's xlsx imports (``retail.master.import``,
``retail.opening.import``), checks and all. Vanilla: what a user of plain Odoo does,
core's ``base_import`` of the same products from a CSV file, and an inventory adjustment
(quants in inventory mode, applied) for the opening stock."""

import base64
import csv
import io

import xlsxwriter
from registry import benchmark, setup

ROWS = 1000
PRODUCT_HEADER = ["商品编码", "商品名称", "商品分类", "条码", "零售价", "成本价"]
STOCK_HEADER = ["仓库编码", "商品编码", "批次号", "到期日", "数量", "单位成本"]


def _xlsx(header, rows):
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = workbook.add_worksheet()
    sheet.write_row(0, 0, header)
    for number, row in enumerate(rows, start=1):
        sheet.write_row(number, 0, row)
    workbook.close()
    return base64.b64encode(output.getvalue())


@setup
def going_live_products(env):
    """1,000 stocked products without stock, half of them tracked by lots, for the
    opening stock."""
    Template = env["product.template"]
    if Template.search_count([("default_code", "=like", "GLS%")], limit=1):
        return
    category = env["product.category"].create(
        {
            "name": "Going live bench",
            "property_cost_method": "average",
            "property_valuation": "real_time",
        }
    )
    Template.create(
        [
            {
                "name": f"Going live stock {i}",
                "default_code": f"GLS{i:05d}",
                "categ_id": category.id,
                "type": "consu",
                "is_storable": True,
                "standard_price": 3.3,
                "tracking": "lot" if i % 2 else "none",
            }
            for i in range(ROWS)
        ]
    )


@benchmark
def import_1000_products(env):
    """1,000 new products from a file: our products template (category path, checks,
    batches) against core's base_import of the same columns from CSV."""
    rows = [
        (f"GLP{i:05d}", f"导入商品 {i}", "食品", f"68{i:011d}", 9.9, 5.5)
        for i in range(ROWS)
    ]
    Category = env["product.category"]
    Category.search([("name", "=", "食品")]) or Category.create({"name": "食品"})
    if "retail.master.import" in env:
        wizard = env["retail.master.import"].create(
            {
                "kind": "products",
                "file": _xlsx(PRODUCT_HEADER, rows),
                "filename": "products.xlsx",
            }
        )
        wizard.action_import()
        assert wizard.state == "done", wizard.report
        return
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    fields = ["default_code", "name", "categ_id", "barcode", "list_price"]
    fields += ["standard_price", "is_storable"]
    writer.writerow(fields)
    writer.writerows([*row, "1"] for row in rows)
    importer = env["base_import.import"].create(
        {
            "res_model": "product.template",
            "file": buffer.getvalue().encode(),
            "file_type": "text/csv",
        }
    )
    result = importer.execute_import(
        fields,
        fields,
        {"has_headers": True, "separator": ",", "quoting": '"', "encoding": "utf-8"},
    )
    assert len(result["ids"]) == ROWS, result["messages"][:3]


@benchmark
def opening_stock_1000_rows(env):
    """Opening stock of 1,000 products (half with a lot and expiry date) into head
    office: our opening stock import (checks, lots, valued moves) against core's
    inventory adjustment of the same quantities."""
    warehouse = env["stock.warehouse"].search([], order="id", limit=1)
    products = env["product.product"].search(
        [("default_code", "=like", "GLS%")], order="default_code"
    )
    if "retail.opening.import" in env:
        rows = [
            (
                warehouse.code,
                product.default_code,
                f"L{i}" if product.tracking == "lot" else "",
                "2027-06-30" if product.tracking == "lot" else "",
                10,
                3.3,
            )
            for i, product in enumerate(products)
        ]
        if not env.company.account_opening_date:
            env.company.account_opening_date = "2026-01-01"
        wizard = env["retail.opening.import"].create(
            {"kind": "stock", "file": _xlsx(STOCK_HEADER, rows), "filename": "s.xlsx"}
        )
        wizard.action_import()
        assert wizard.state == "done", wizard.report
        return
    tracked = products.filtered(lambda p: p.tracking == "lot")
    lots = env["stock.lot"].create(
        [{"product_id": p.id, "name": f"L{p.default_code}"} for p in tracked]
    )
    lot_of = dict(zip(tracked, lots, strict=True))
    quants = (
        env["stock.quant"]
        .with_context(inventory_mode=True)
        .create(
            [
                {
                    "product_id": product.id,
                    "location_id": warehouse.lot_stock_id.id,
                    "inventory_quantity": 10,
                    "lot_id": lot_of[product].id if product in lot_of else False,
                }
                for product in products
            ]
        )
    )
    quants.action_apply_inventory()
