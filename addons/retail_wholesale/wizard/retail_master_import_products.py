from contextlib import closing

from odoo import _, models
from odoo.exceptions import UserError

from ..tools.master_import import GRADE_PREFIX, column
from .retail_file_import import _number, _text


class RetailMasterImportProducts(models.AbstractModel):
    """The products' template: its columns, the checking of its rows, their writing."""

    _name = "retail.master.import.products"
    _inherit = "retail.master.import.product.rows"
    _description = "Master Data Import: Products"

    def _retail_product_columns(self):
        """The product columns, grade prices excepted; extended by other addons
        (books), which check their columns in ``_retail_product_values``."""
        # the template is Chinese: the units' Chinese names where Chinese is loaded
        chinese = self.env["res.lang"]._lang_get("zh_CN").code or self.env.lang
        unit = self.env.ref("uom.product_uom_unit").with_context(lang=chinese)
        units = "、".join(
            self.env["uom.uom"].search([]).with_context(lang=chinese).mapped("name")
        )
        supplier = self.env["res.partner"].search(
            [("supplier_rank", ">", 0), ("is_company", "=", True)], limit=1
        )
        return [
            column(
                "default_code",
                "商品编码",
                "必填。每个商品一个编码：系统中已有此编码的商品被更新，否则新建。",
                "SP0001",
                required=True,
            ),
            column("name", "商品名称", "必填。", "矿泉水 550ml", required=True),
            column(
                "categ",
                "商品分类",
                "可空（默认分类）。已有分类的名称，或完整路径（如 食品 / 饮料）："
                "写完整路径时，不存在的分类会被新建；只写名称时分类必须已存在。",
                "食品 / 饮料",
            ),
            column("brand", "品牌", "可空。不存在的品牌会被新建。", "清泉"),
            column(
                "barcode",
                "条码",
                "可空。不能与本文件或系统中其它商品的条码重复。",
                "6900000000109",
            ),
            column(
                "uom",
                "单位",
                f"可空（默认 {unit.name}）。系统中已有的计量单位：{units}。",
                unit.name,
            ),
            column(
                "pack_qty",
                "箱规",
                "可空。一箱（整件）的数量：批发订单须按整箱订购。0 或空：不限。",
                24,
            ),
            column("list_price", "零售价", "零售价（含税），0 或以上。", 2.0),
            column("standard_price", "成本价", "成本价，0 或以上。", 1.2),
            column(
                "supplier",
                "主供应商",
                "可空。系统中已有的供应商名称（请先导入供应商），其采购价为成本价。",
                supplier.name or "",
            ),
            column(
                "tracking",
                "保质期管理",
                "是 / 否（空：否）。是：按批次管理库存并记录每批的到期日期。",
                "是",
            ),
            column(
                "expiration_time",
                "保质期天数",
                "保质期管理为 是 时：从收货到到期的天数，整数。",
                365,
            ),
        ]

    def _retail_grade_columns(self):
        """One column 等级价:<grade code or name> per active customer grade: a fixed
        price of the product in the grade's pricelist."""
        grades = self.env["retail.customer.grade"].search(
            [("company_id", "=", self.env.company.id)]
        )
        return [
            column(
                ("grade", grade),
                f"{GRADE_PREFIX}{grade.code or grade.name}",
                f"可空。客户等级 {grade.name} 的价格（大于 0），写入其价格表 "
                f"{grade.pricelist_id.name}。",
                "",
            )
            for grade in grades
        ]

    def _retail_import_products(self, rows, headers, errors):
        """(errors, report) of the product rows: nothing written if any is wrong."""
        errors = errors + []
        entries = self._retail_check_products(rows, headers, errors)
        if errors:
            return errors, None
        created, updated = 0, 0
        try:
            with self.env.cr.savepoint():
                matrix = {}
                written = self._retail_write_products(entries)
                for current, (product, new) in zip(entries, written, strict=True):
                    created += new
                    updated += not new
                    if current["grade_prices"]:
                        matrix[product] = {
                            "list_price": None,
                            "tiers": {
                                (grade.pricelist_id, 0.0): price
                                for grade, price in current["grade_prices"].items()
                            },
                        }
                self._retail_write_grade_prices(matrix, replace=False)
        except UserError as error:
            row = self._retail_failing_row(entries) or entries[0]["row"]
            return [(row, headers["default_code"], str(error))], None
        report = _(
            "%(count)s products imported: %(created)s created, %(updated)s updated.",
            count=len(entries),
            created=created,
            updated=updated,
        )
        return [], report

    def _retail_failing_row(self, entries):
        """The row whose writing fails, found by writing the rows one by one and
        undoing them all: only after a batch failed."""
        failing = None
        # closing(): the savepoint is rolled back whatever happens in it
        with closing(self.env.cr.savepoint()):
            for entry in entries:
                try:
                    with self.env.cr.savepoint():
                        self._retail_write_products([entry])
                except UserError:
                    failing = entry["row"]
                    break
        return failing

    def _retail_product_values(self, number, values, vals, seen):
        """[(column, message)] of the columns added by other addons in the row
        ``number``, whose values they add to the product's ``vals``; ``seen`` is a
        dict kept from row to row (duplicates)."""
        return []

    def _retail_check_products(self, rows, headers, errors):
        """[{"row", "product", "vals", "category_path", "brand", "supplier",
        "grade_prices"}] of the rows; their problems added to ``errors``."""
        Template = self.env["product.template"].with_context(active_test=False)
        codes = {_text(values["default_code"]) for __, values in rows} - {""}
        by_code = {}
        for product in Template.search([("default_code", "in", list(codes))]):
            by_code.setdefault(product.default_code, Template)
            by_code[product.default_code] |= product
        finder = {
            "categories": self.env["product.category"].search([]),
            "uoms": self._retail_find_uoms(),
            "suppliers": self._retail_find_suppliers(rows),
        }
        entries, seen_codes, seen = [], {}, {}
        for number, values in rows:
            problems = []
            code = _text(values["default_code"])
            products = by_code.get(code, Template)
            if not code:
                problems.append(("default_code", _("The product code is missing.")))
            elif code in seen_codes:
                problems.append(
                    (
                        "default_code",
                        _(
                            "Product code %(code)s is already on row %(row)s.",
                            code=code,
                            row=seen_codes[code],
                        ),
                    )
                )
            elif len(products) > 1:
                problems.append(
                    (
                        "default_code",
                        _("Several products have the code %(code)s.", code=code),
                    )
                )
            seen_codes.setdefault(code, number)
            entry = {
                "row": number,
                "product": products if len(products) == 1 else Template,
                "vals": {"default_code": code},
                "category_path": None,
                "brand": _text(values.get("brand")),
                "supplier": None,
                "grade_prices": {},
            }
            name = _text(values["name"])
            if name:
                entry["vals"]["name"] = name
            elif not entry["product"]:
                problems.append(("name", _("The product name is missing.")))
            problems += self._retail_check_product_cells(values, entry, finder)
            errors.extend(
                (number, headers.get(key, key), message) for key, message in problems
            )
            errors.extend(
                (number, column, message)
                for column, message in self._retail_product_values(
                    number, values, entry["vals"], seen
                )
            )
            entries.append(entry)
        errors.extend(self._retail_check_barcodes(entries, headers["barcode"]))
        return entries

    def _retail_check_product_cells(self, values, entry, finder):
        """[(column key, message)] of the row's cells but its code and name; their
        values set on ``entry``."""
        problems, vals = [], entry["vals"]
        category = _text(values.get("categ"))
        if category:
            found, message = self._retail_find_category(category, finder["categories"])
            if message:
                problems.append(("categ", message))
            elif isinstance(found, tuple):
                entry["category_path"] = found
            else:
                vals["categ_id"] = found.id
        barcode = _text(values.get("barcode"))
        if barcode:
            vals["barcode"] = barcode
        unit = _text(values.get("uom"))
        if unit:
            uom = finder["uoms"].get(unit.lower())
            if uom:
                vals["uom_id"] = vals["uom_po_id"] = uom.id
            else:
                problems.append(("uom", _("Unknown unit %(unit)s.", unit=unit)))
        for key, field in (
            ("pack_qty", "retail_pack_qty"),
            ("list_price", "list_price"),
            ("standard_price", "standard_price"),
        ):
            number, ok = _number(values.get(key))
            if not ok or (number is not None and number < 0):
                problems.append(
                    (
                        key,
                        _(
                            "The value must be a number, zero or more, not %(value)s.",
                            value=_text(values.get(key)),
                        ),
                    )
                )
            elif number is not None:
                vals[field] = number
        problems += self._retail_check_grade_prices(values, entry)
        problems += self._retail_check_supplier(values, entry, finder["suppliers"])
        problems += self._retail_check_expiry(values, vals)
        return problems
