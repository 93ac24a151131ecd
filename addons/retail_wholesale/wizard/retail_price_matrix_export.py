import base64
import io

import xlsxwriter

from odoo import fields, models

# Columns of the price matrix workbook, in order. The file is for Chinese users: its
# headers are Chinese whatever the language of the user.
COL_CODE = "商品编码"
COL_NAME = "商品名称"
COL_BARCODE = "条码"
COL_LIST_PRICE = "零售价"
COL_GRADE = "客户等级"
COL_MIN_QTY = "起订数量"
COL_PRICE = "价格"
PRICE_MATRIX_HEADERS = (
    COL_CODE,
    COL_NAME,
    COL_BARCODE,
    COL_LIST_PRICE,
    COL_GRADE,
    COL_MIN_QTY,
    COL_PRICE,
)


class RetailPriceMatrixExport(models.TransientModel):
    _name = "retail.price.matrix.export"
    _description = "Price Matrix Export"

    product_tmpl_ids = fields.Many2many(
        comodel_name="product.template", string="Products", required=True
    )
    file = fields.Binary(readonly=True, attachment=False)
    filename = fields.Char(readonly=True)

    def _grade_by_pricelist(self):
        """{pricelist: its first active grade} in the current company."""
        grades = self.env["retail.customer.grade"].search(
            [("company_id", "=", self.env.company.id)], order="sequence desc, id desc"
        )
        return {grade.pricelist_id: grade for grade in grades}

    def _rows(self):
        """One row per product, grade and quantity break; one row with the retail
        price only for a product without matrix prices."""
        self.ensure_one()
        grade_by_pricelist = self._grade_by_pricelist()
        items = self.env["product.pricelist.item"].search(
            [
                ("retail_is_price_matrix", "=", True),
                ("product_tmpl_id", "in", self.product_tmpl_ids.ids),
            ]
        )
        items_by_product = {}
        for item in items:
            items_by_product.setdefault(item.product_tmpl_id, []).append(item)
        rows = []
        for product in self.product_tmpl_ids.sorted(
            lambda p: (p.default_code or "", p.name or "", p.id)
        ):
            head = [
                product.default_code or "",
                product.name,
                product.barcode or "",
                product.list_price,
            ]
            product_items = sorted(
                items_by_product.get(product, []),
                key=lambda i: (
                    grade_by_pricelist[i.pricelist_id].sequence,
                    grade_by_pricelist[i.pricelist_id].id,
                    i.min_quantity,
                ),
            )
            if not product_items:
                rows.append(head + ["", "", ""])
            for item in product_items:
                grade = grade_by_pricelist[item.pricelist_id]
                rows.append(
                    head
                    + [grade.code or grade.name, item.min_quantity, item.fixed_price]
                )
        return rows

    def _generate(self):
        self.ensure_one()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet("价格矩阵")
        bold = workbook.add_format({"bold": True})
        text = workbook.add_format({"num_format": "@"})
        sheet.write_row(0, 0, PRICE_MATRIX_HEADERS, bold)
        sheet.freeze_panes(1, 0)
        for col, width in enumerate((16, 30, 16, 10, 12, 10, 10)):
            sheet.set_column(col, col, width)
        for row_index, row in enumerate(self._rows(), start=1):
            code, name, barcode, list_price, grade, min_qty, price = row
            if code:
                sheet.write_string(row_index, 0, code, text)
            sheet.write_string(row_index, 1, name)
            if barcode:
                sheet.write_string(row_index, 2, barcode, text)
            sheet.write_number(row_index, 3, list_price)
            if grade:
                sheet.write_string(row_index, 4, grade)
                sheet.write_number(row_index, 5, min_qty)
                sheet.write_number(row_index, 6, price)
        workbook.close()
        self.write(
            {
                "file": base64.b64encode(output.getvalue()),
                "filename": f"price_matrix_{fields.Date.context_today(self)}.xlsx",
            }
        )
