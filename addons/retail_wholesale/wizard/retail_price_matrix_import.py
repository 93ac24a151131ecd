import base64

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .retail_file_import import XLSX_ERRORS, _number, _text
from .retail_price_matrix_export import (
    COL_BARCODE,
    COL_CODE,
    COL_GRADE,
    COL_LIST_PRICE,
    COL_MIN_QTY,
    COL_PRICE,
    PRICE_MATRIX_HEADERS,
)


class RetailPriceMatrixImport(models.TransientModel):
    _name = "retail.price.matrix.import"
    _inherit = "retail.file.import"
    _description = "Price Matrix Import"

    file = fields.Binary(
        string="Workbook",
        help="An xlsx workbook in the layout of the price matrix export. For each "
        "product in the file, its retail price and its whole price matrix are replaced "
        "by the rows of the file; other products are not changed.",
    )

    def _read_rows(self):
        """[(row number, {header: value})] of the first sheet, empty rows skipped."""
        self.ensure_one()
        try:
            rows = self._read_xlsx_rows(base64.b64decode(self.file or b""))
        except (*XLSX_ERRORS, OSError):
            raise UserError(
                _(
                    "%(file)s is not an Excel workbook (.xlsx): export the price matrix "
                    "and import the exported file once changed.",
                    file=self.filename or _("The file"),
                )
            ) from None
        header = [_text(cell) for cell in rows[0]] if rows else []
        missing = [col for col in PRICE_MATRIX_HEADERS if col not in header]
        if missing:
            raise UserError(
                _(
                    "%(file)s is not a price matrix: its first row lacks the columns "
                    "%(columns)s.",
                    file=self.filename or _("The file"),
                    columns=", ".join(missing),
                )
            )
        index = {col: header.index(col) for col in PRICE_MATRIX_HEADERS}
        return self._map_rows(rows, index)

    def _find_products(self, rows):
        """({code: products}, {barcode: products}) for the codes and barcodes of rows."""
        Template = self.env["product.template"].with_context(active_test=False)
        codes = {_text(row[1][COL_CODE]) for row in rows} - {""}
        barcodes = {_text(row[1][COL_BARCODE]) for row in rows} - {""}
        by_code, by_barcode = {}, {}
        for product in Template.search([("default_code", "in", list(codes))]):
            by_code.setdefault(product.default_code, Template)
            by_code[product.default_code] |= product
        variants = self.env["product.product"].with_context(active_test=False)
        for variant in variants.search([("barcode", "in", list(barcodes))]):
            by_barcode.setdefault(variant.barcode, Template)
            by_barcode[variant.barcode] |= variant.product_tmpl_id
        return by_code, by_barcode

    def _check_rows(self, rows):
        """(errors [(row, column, message)], {product: {"list_price", "tiers"}})."""
        by_code, by_barcode = self._find_products(rows)
        grades = self._retail_find_grades()
        errors, matrix, tier_rows = [], {}, {}
        for number, values in rows:
            product, problems = self._check_product(values, by_code, by_barcode)
            entry = matrix.setdefault(product, {"list_price": None, "tiers": {}})
            problems += self._check_list_price(values, product, entry)
            tier_problems, tier = self._check_tier(values, grades)
            problems += tier_problems
            if product and tier:
                grade, quantity, price = tier
                key = (grade.pricelist_id, round(quantity or 0.0, 6))
                if key in entry["tiers"]:
                    quantity_text = f"{key[1]:g}"
                    problems.append(
                        (
                            COL_MIN_QTY,
                            _(
                                "Duplicate quantity break: row %(row)s already prices "
                                "%(product)s from %(quantity)s units in %(pricelist)s.",
                                row=tier_rows[(product, key)],
                                product=product.display_name,
                                quantity=quantity_text,
                                pricelist=grade.pricelist_id.display_name,
                            ),
                        )
                    )
                else:
                    entry["tiers"][key] = price
                    tier_rows[(product, key)] = number
            errors.extend((number, column, message) for column, message in problems)
        matrix.pop(None, None)
        return errors, matrix

    @api.model
    def _check_product(self, values, by_code, by_barcode):
        """(the one product of the row or None, [(column, message)])."""
        code, barcode = _text(values[COL_CODE]), _text(values[COL_BARCODE])
        products = by_code.get(code) if code else by_barcode.get(barcode)
        problems = []
        if not code and not barcode:
            problems.append(
                (COL_CODE, _("The product code (or the barcode) is missing."))
            )
        elif not products:
            if code:
                message = _("Unknown product code %(code)s.", code=code)
            else:
                message = _("Unknown barcode %(barcode)s.", barcode=barcode)
            problems.append((COL_CODE if code else COL_BARCODE, message))
        elif len(products) > 1:
            problems.append(
                (
                    COL_CODE if code else COL_BARCODE,
                    _("Several products have the code %(code)s.", code=code or barcode),
                )
            )
        product = products if products and len(products) == 1 else None
        return product, problems

    @api.model
    def _check_list_price(self, values, product, entry):
        """[(column, message)] of the row's retail price, set on the product's
        ``entry`` of the matrix when it is right."""
        list_price, ok = _number(values[COL_LIST_PRICE])
        if not ok or (list_price is not None and list_price < 0):
            return [
                (
                    COL_LIST_PRICE,
                    _(
                        "The retail price must be a number, zero or more, not "
                        "%(value)s.",
                        value=_text(values[COL_LIST_PRICE]),
                    ),
                )
            ]
        problems = []
        if list_price is not None and product:
            if entry["list_price"] not in (None, list_price):
                problems.append(
                    (
                        COL_LIST_PRICE,
                        _(
                            "%(product)s has another retail price on a row above.",
                            product=product.display_name,
                        ),
                    )
                )
            entry["list_price"] = list_price
        return problems

    @api.model
    def _check_tier(self, values, grades):
        """([(column, message)], (grade, minimum quantity, price) or None) of the
        row's price break; None as well for a row without one."""
        grade_text = _text(values[COL_GRADE])
        quantity, quantity_ok = _number(values[COL_MIN_QTY])
        price, price_ok = _number(values[COL_PRICE])
        if not grade_text:
            if quantity is not None or price is not None:
                return [(COL_GRADE, _("The customer grade is missing."))], None
            return [], None
        problems = []
        grade = grades.get(grade_text.lower())
        if not grade:
            problems.append(
                (COL_GRADE, _("Unknown customer grade %(grade)s.", grade=grade_text))
            )
        if not quantity_ok or (quantity is not None and quantity < 0):
            problems.append(
                (
                    COL_MIN_QTY,
                    _(
                        "The minimum quantity must be a number, zero or more, not "
                        "%(value)s.",
                        value=_text(values[COL_MIN_QTY]),
                    ),
                )
            )
            quantity_ok = False
        if not price_ok or price is None or price <= 0:
            problems.append(
                (
                    COL_PRICE,
                    _(
                        "The price must be a number greater than zero, not %(value)s.",
                        value=_text(values[COL_PRICE]) or _("empty"),
                    ),
                )
            )
            price_ok = False
        if not (grade and quantity_ok and price_ok):
            return problems, None
        return problems, (grade, quantity, price)

    def action_import(self):
        self.ensure_one()
        rows = self._read_rows()
        if not rows:
            raise UserError(_("The workbook has no rows to import."))
        errors, matrix = self._check_rows(rows)
        if errors:
            self._retail_report_errors(errors)
        else:
            counts = self._retail_write_grade_prices(matrix)
            self.write(
                {
                    "state": "done",
                    "report": _(
                        "%(products)s products imported: %(created)s prices created, "
                        "%(updated)s changed, %(removed)s removed.",
                        **counts,
                    ),
                }
            )
        return self._retail_reopen(_("Import Price Matrix"))
