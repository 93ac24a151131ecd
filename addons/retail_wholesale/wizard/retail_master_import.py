import base64

from odoo import _, fields, models
from odoo.exceptions import UserError

from ..tools.master_import import GRADE_PREFIX
from .retail_file_import import XLSX_ERRORS, _text


class RetailMasterImport(models.TransientModel):
    """开账 (going live): products, customers and suppliers from xlsx templates with
    Chinese headers, all rows or none.

    Customers and suppliers: one row is one partner, so core's ``base_import`` loads
    them, with its conversions (numbers, payment terms and banks by name, contacts
    and bank accounts as one2many lines) and its per-row messages, in a savepoint
    rolled back on any error. This wizard maps the Chinese headers to an explicit
    field list and checks only what core does not: the grade by code or name, codes
    unique in the file and the database, no negative credit limit.

    Products: one row writes a template and its category (created from a path),
    brand (created), supplier info and one price per customer grade in the grade
    pricelists, and updates the product that has the row's code. ``base_import``
    loads rows of one model's fields: it cannot find categories by path, units by
    their Chinese names or update products by code, nor write grade prices through
    the price matrix's method, so product rows are checked and written here, the way
    the other ``retail.file.import`` wizards do.
    """

    _name = "retail.master.import"
    _inherit = [
        "retail.file.import",
        "retail.master.import.products",
        "retail.master.import.partners",
    ]
    _description = "Master Data Import"

    kind = fields.Selection(
        selection=[
            ("products", "Products"),
            ("customers", "Customers"),
            ("suppliers", "Suppliers"),
        ],
        string="Import",
        required=True,
        default="products",
    )
    file = fields.Binary(
        string="Workbook",
        required=False,
        help="The template of this import, filled in: one row per product, customer "
        "or supplier. If any row is wrong, nothing is imported.",
    )

    def _retail_columns(self):
        self.ensure_one()
        if self.kind == "products":
            return self._retail_product_columns() + self._retail_grade_columns()
        if self.kind == "customers":
            return self._retail_customer_columns()
        return self._retail_supplier_columns()

    def action_download_template(self):
        """The xlsx template of this kind: its headers, an example row and the
        sheet 说明."""
        self.ensure_one()
        columns = self._retail_columns()
        filename = {
            "products": "商品导入模板.xlsx",
            "customers": "客户导入模板.xlsx",
            "suppliers": "供应商导入模板.xlsx",
        }[self.kind]
        return self._retail_template_action(
            filename,
            [column["header"] for column in columns],
            [[column["example"] for column in columns]],
            [(column["header"], column["note"]) for column in columns],
        )

    def _read_rows(self, columns):
        """([(row number, {column key: value})], header errors, {column key: its
        header in the file})."""
        self.ensure_one()
        if not self.file:
            raise UserError(_("Choose the filled-in template to import."))
        try:
            rows = self._read_xlsx_rows(base64.b64decode(self.file))
        except (*XLSX_ERRORS, OSError):
            raise UserError(
                _(
                    "%(file)s is not an Excel workbook (.xlsx): download the template, "
                    "fill it in and import it.",
                    file=self.filename or _("The file"),
                )
            ) from None
        header = [_text(cell).replace("：", ":") for cell in rows[0]] if rows else []
        missing = [
            column["header"]
            for column in columns
            if column["required"] and column["header"] not in header
        ]
        if missing:
            raise UserError(
                _(
                    "%(file)s is not this import's template: its first row lacks the "
                    "columns %(columns)s.",
                    file=self.filename or _("The file"),
                    columns=", ".join(missing),
                )
            )
        index = {
            column["key"]: header.index(column["header"])
            for column in columns
            if column["header"] in header
        }
        header_errors = []
        if self.kind == "products":
            grades = self._retail_find_grades()
            known = {column["header"] for column in columns}
            for position, title in enumerate(header):
                if not title.startswith(GRADE_PREFIX) or title in known:
                    continue
                grade = grades.get(title[len(GRADE_PREFIX) :].strip().lower())
                if grade:
                    index[("grade", grade)] = position
                else:
                    header_errors.append(
                        (
                            1,
                            title,
                            _(
                                "Unknown customer grade %(grade)s.",
                                grade=title[len(GRADE_PREFIX) :].strip(),
                            ),
                        )
                    )
        titles = {key: header[position] for key, position in index.items()}
        return self._map_rows(rows, index), header_errors, titles

    def action_import(self):
        self.ensure_one()
        columns = self._retail_columns()
        rows, errors, titles = self._read_rows(columns)
        if not rows:
            raise UserError(_("The workbook has no rows to import."))
        headers = {column["key"]: column["header"] for column in columns} | titles
        if self.kind == "products":
            errors, report = self._retail_import_products(rows, headers, errors)
        else:
            errors, report = self._retail_import_partners(rows, columns, errors)
        if errors:
            self._retail_report_errors(errors)
        else:
            self.write({"state": "done", "report": report})
        return self._retail_reopen(_("Import Master Data"))
