import base64
import io
import zipfile

import xlsxwriter
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from odoo import _, fields, models

# what openpyxl raises for a file that is not an xlsx workbook
XLSX_ERRORS = (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError)


def _text(value):
    """A cell as text: codes typed as numbers come back as 1001, not 1001.0."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def amount_text(amount):
    """An amount as a report shows it: 12,345.60 (outside the translated call, whose
    arguments the translation export reads as text only)."""
    return f"{amount:,.2f}"


def _number(value):
    """(number, ok): (None, True) for an empty cell, (None, False) for text."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, True
    if isinstance(value, bool):
        return None, False
    if isinstance(value, int | float):
        return float(value), True
    try:
        return float(str(value).strip()), True
    except ValueError:
        return None, False


class RetailFileImport(models.AbstractModel):
    """What the import wizards share: the uploaded file, the reading of its rows, and
    the report of the rows refused (nothing is imported then) or of what was imported.

    A wizard reads its rows (``_read_rows``), checks all of them before writing anything
    (``_check_rows``: errors ``[(row, column, message)]``), then reports the errors
    (``_retail_report_errors``) or writes what it checked."""

    _name = "retail.file.import"
    _description = "File Import"

    file = fields.Binary(required=True)
    filename = fields.Char()
    state = fields.Selection(
        selection=[("draft", "Draft"), ("error", "Errors"), ("done", "Done")],
        default="draft",
        required=True,
    )
    report = fields.Text(readonly=True)

    @staticmethod
    def _read_xlsx_rows(data):
        """The rows of the first sheet of the xlsx workbook ``data``, as tuples of
        cells; raises one of ``XLSX_ERRORS`` when ``data`` is not a workbook."""
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        rows = list(workbook.worksheets[0].iter_rows(values_only=True))
        workbook.close()
        return rows

    @staticmethod
    def _map_rows(rows, index):
        """[(row number, {column: value})] of the rows below the header, with the
        cells at the positions ``index`` {column: position}; empty rows skipped."""
        result = []
        for number, row in enumerate(rows[1:], start=2):
            values = {
                column: row[position] if position < len(row) else None
                for column, position in index.items()
            }
            if any(_text(value) for value in values.values()):
                result.append((number, values))
        return result

    def _retail_report_errors(self, errors):
        """Nothing imported: the report names each error, row by row."""
        lines = [
            self.env._(
                "Row %(row)s, column %(column)s: %(message)s",
                row=number,
                column=column,
                message=message,
            )
            for number, column, message in sorted(errors, key=lambda e: e[0])
        ]
        self.write(
            {
                "state": "error",
                "report": _(
                    "Nothing was imported: correct these rows and import the file "
                    "again.\n%(errors)s",
                    errors="\n".join(lines),
                ),
            }
        )

    def _retail_find_grades(self):
        """{code or name, lower case: grade} of the active grades of the company; a
        code wins over another grade's name."""
        grades = self.env["retail.customer.grade"].search(
            [("company_id", "=", self.env.company.id)], order="sequence desc, id desc"
        )
        result = {}
        for grade in grades:
            result[grade.name.strip().lower()] = grade
        for grade in grades.filtered("code"):
            result[grade.code.strip().lower()] = grade
        return result

    def _retail_write_grade_prices(self, matrix, replace=True):
        """Write grade prices (价格矩阵) checked by an import; {counter: number} of what
        changed. ``matrix`` is {product template: {"list_price": price or None,
        "tiers": {(grade pricelist, minimum quantity): price}}}. With ``replace``,
        the matrix prices of these products that are not in ``matrix`` are removed;
        without, they are kept."""
        counts = {"products": len(matrix), "created": 0, "updated": 0, "removed": 0}
        Item = self.env["product.pricelist.item"]
        products = self.env["product.template"].union(*matrix)
        existing = Item.search(
            [
                ("retail_is_price_matrix", "=", True),
                ("product_tmpl_id", "in", products.ids),
            ]
        )
        by_key = {
            (
                item.product_tmpl_id,
                item.pricelist_id,
                round(item.min_quantity, 6),
            ): item
            for item in existing
        }
        if replace:
            wanted = {
                (product, pricelist, quantity)
                for product, entry in matrix.items()
                for pricelist, quantity in entry["tiers"]
            }
            obsolete = Item.union(
                *(item for key, item in by_key.items() if key not in wanted)
            )
            counts["removed"] = len(obsolete)
            obsolete.unlink()
        to_create = []
        for product, entry in matrix.items():
            if entry["list_price"] is not None and product.currency_id.compare_amounts(
                product.list_price, entry["list_price"]
            ):
                product.list_price = entry["list_price"]
            for (pricelist, quantity), price in entry["tiers"].items():
                item = by_key.get((product, pricelist, quantity))
                if not item:
                    to_create.append(
                        Item._retail_matrix_item_vals(
                            product, pricelist, quantity, price
                        )
                    )
                elif item.currency_id.compare_amounts(item.fixed_price, price):
                    item.fixed_price = price
                    counts["updated"] += 1
        Item.create(to_create)
        counts["created"] = len(to_create)
        return counts

    def _retail_template_action(self, filename, headers, rows, notes):
        """Download an xlsx template for this import: a first sheet with the
        ``headers`` and the example ``rows`` (lists of cells), a second sheet 说明
        with ``notes`` [(header, explanation)]. Columns whose first example is text
        are formatted as text, so that Excel keeps codes, barcodes and bank accounts
        as typed (no 6.9E+12, no lost digits)."""
        self.ensure_one()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = workbook.add_format({"bold": True})
        text = workbook.add_format({"num_format": "@"})
        wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        sheet = workbook.add_worksheet("导入模板")
        sheet.write_row(0, 0, headers, bold)
        sheet.freeze_panes(1, 0)
        first = rows[0] if rows else []
        for col, header in enumerate(headers):
            example = first[col] if col < len(first) else None
            width = max(12, 2 * len(header) + 4)
            sheet.set_column(
                col, col, width, text if isinstance(example, str) and example else None
            )
        for row_index, row in enumerate(rows, start=1):
            for col, value in enumerate(row):
                if value is None or value == "":
                    continue
                if isinstance(value, bool):
                    value = str(value)
                if isinstance(value, int | float):
                    sheet.write_number(row_index, col, value)
                else:
                    sheet.write_string(row_index, col, str(value), text)
        help_sheet = workbook.add_worksheet("说明")
        help_sheet.write_row(0, 0, ("列", "说明"), bold)
        help_sheet.set_column(0, 0, 18)
        help_sheet.set_column(1, 1, 90, wrap)
        for row_index, (header, note) in enumerate(notes, start=1):
            help_sheet.write_string(row_index, 0, header)
            help_sheet.write_string(row_index, 1, note, wrap)
        workbook.close()
        attachment = self.env["ir.attachment"].create(
            {
                "name": filename,
                "datas": base64.b64encode(output.getvalue()),
                "res_model": self._name,
                "res_id": self.id,
                "mimetype": "application/vnd.openxmlformats-officedocument."
                "spreadsheetml.sheet",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "name": filename,
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "download",
        }

    def _retail_reopen(self, name):
        """The wizard again, showing its report."""
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": name,
        }
