from odoo import _, models

from ..tools.master_import import CATEGORY_SEPARATOR, NO, YES
from .retail_file_import import _number, _text


class RetailMasterImportProductRows(models.AbstractModel):
    """The products' rows: checking their cells, finding what they name, writing them."""

    _name = "retail.master.import.product.rows"
    _description = "Master Data Import: Product Rows"

    def _retail_check_grade_prices(self, values, entry):
        """[(column key, message)] of the row's grade prices, set on ``entry``."""
        problems = []
        for key in values:
            if isinstance(key, tuple) and key[0] == "grade":
                price, ok = _number(values[key])
                if not ok or (price is not None and price <= 0):
                    problems.append(
                        (
                            key,
                            _(
                                "The price must be a number greater than zero, not "
                                "%(value)s.",
                                value=_text(values[key]),
                            ),
                        )
                    )
                elif price is not None:
                    entry["grade_prices"][key[1]] = price
        return problems

    def _retail_check_supplier(self, values, entry, suppliers):
        """[(column key, message)] of the row's main supplier, set on ``entry``."""
        problems = []
        supplier = _text(values.get("supplier"))
        if supplier:
            partners = suppliers.get(supplier.lower())
            if not partners:
                problems.append(
                    (
                        "supplier",
                        _(
                            "Unknown supplier %(supplier)s: import the suppliers "
                            "first.",
                            supplier=supplier,
                        ),
                    )
                )
            elif len(partners) > 1:
                problems.append(
                    (
                        "supplier",
                        _(
                            "Several suppliers are named %(supplier)s.",
                            supplier=supplier,
                        ),
                    )
                )
            else:
                entry["supplier"] = partners
        return problems

    def _retail_check_expiry(self, values, vals):
        problems = []
        tracking = _text(values.get("tracking")).lower()
        if tracking and tracking not in YES | NO:
            problems.append(
                (
                    "tracking",
                    _(
                        "Write 是 or 否, not %(value)s.",
                        value=_text(values["tracking"]),
                    ),
                )
            )
        elif tracking:
            vals["tracking"] = "lot" if tracking in YES else "none"
            vals["use_expiration_date"] = tracking in YES
        days, ok = _number(values.get("expiration_time"))
        if not ok or (days is not None and (days < 0 or days != int(days))):
            problems.append(
                (
                    "expiration_time",
                    _(
                        "The shelf life must be a whole number of days, zero or more, "
                        "not %(value)s.",
                        value=_text(values.get("expiration_time")),
                    ),
                )
            )
        elif days is not None:
            if not vals.get("use_expiration_date"):
                problems.append(
                    (
                        "expiration_time",
                        _(
                            "A shelf life needs expiry tracking: write 是 in 保质期管理."
                        ),
                    )
                )
            vals["expiration_time"] = int(days)
        return problems

    def _retail_check_barcodes(self, entries, column):
        """[(row, column, message)] of the barcodes used twice in the file or by
        other products."""
        barcodes = {e["vals"]["barcode"] for e in entries if e["vals"].get("barcode")}
        used = {}
        Product = self.env["product.product"].with_context(active_test=False)
        for variant in Product.search([("barcode", "in", list(barcodes))]):
            used.setdefault(variant.barcode, variant)
        errors, seen = [], {}
        for entry in entries:
            barcode = entry["vals"].get("barcode")
            if not barcode:
                continue
            other = used.get(barcode)
            if barcode in seen:
                message = _(
                    "Barcode %(barcode)s is already on row %(row)s.",
                    barcode=barcode,
                    row=seen[barcode],
                )
            elif other and other.product_tmpl_id != entry["product"]:
                message = _(
                    "Barcode %(barcode)s is already used by %(product)s.",
                    barcode=barcode,
                    product=other.display_name,
                )
            else:
                seen[barcode] = entry["row"]
                continue
            errors.append((entry["row"], column, message))
        return errors

    def _retail_find_uoms(self):
        """{name in any installed language, lower case: unit}."""
        uoms = self.env["uom.uom"].search([], order="id desc")
        result = {}
        for code, __ in self.env["res.lang"].get_installed():
            for uom in uoms.with_context(lang=code):
                result[uom.name.strip().lower()] = uom
        return result

    def _retail_find_suppliers(self, rows):
        """{name, lower case: partners} of the companies named in the rows,
        suppliers first."""
        names = {_text(values.get("supplier")) for __, values in rows} - {""}
        partners = self.env["res.partner"].search(
            [("name", "in", list(names)), ("parent_id", "=", False)]
        )
        result = {}
        for partner in partners:
            result.setdefault(partner.name.strip().lower(), partners.browse())
            result[partner.name.strip().lower()] |= partner
        for key, found in result.items():
            suppliers = found.filtered("supplier_rank")
            result[key] = suppliers or found
        return result

    def _retail_find_category(self, text, categories):
        """(category, or the tuple of names of a path to create, error message)."""
        names = tuple(name for name in CATEGORY_SEPARATOR.split(text) if name)
        if len(names) > 1:
            path = " / ".join(names)
            found = categories.filtered(lambda c: c.complete_name == path)
            return (found[:1] or names), None
        found = categories.filtered(lambda c: c.name == names[0])
        if len(found) > 1:
            return None, _(
                "Several product categories are named %(category)s: write its full "
                "path.",
                category=text,
            )
        if not found:
            return None, _(
                "Unknown product category %(category)s: write its full path, e.g. "
                "食品 / 饮料, to create it.",
                category=text,
            )
        return found, None

    def _retail_category_from_path(self, names):
        """The category of the path ``names``, created where missing."""
        Category = self.env["product.category"]
        parent = Category
        for name in names:
            category = Category.search(
                [("name", "=", name), ("parent_id", "=", parent.id or False)], limit=1
            )
            parent = category or Category.create(
                {"name": name, "parent_id": parent.id or False}
            )
        return parent

    def _retail_brands(self, names):
        """{name, lower case: brand} of ``names``, the missing ones created at once."""
        Brand = self.env["retail.brand"].with_context(active_test=False)
        brands = {}
        for brand in Brand.search([], order="active desc, id"):
            brands.setdefault(brand.name.strip().lower(), brand)
        missing = {name.lower(): name for name in names if name.lower() not in brands}
        for brand in Brand.create([{"name": name} for name in missing.values()]):
            brands[brand.name.lower()] = brand
        return brands

    def _retail_write_products(self, entries):
        """[(product template, created or not)] of the checked rows, written in
        batches: each category path and brand once, the new products in one create,
        their supplier info in another (an import of thousands of products stays
        within a request's time)."""
        categories = {
            path: self._retail_category_from_path(path)
            for path in {entry["category_path"] for entry in entries} - {None}
        }
        brands = self._retail_brands({entry["brand"] for entry in entries} - {""})
        products, to_create = [], []
        for entry in entries:
            vals = dict(entry["vals"])
            if entry["category_path"]:
                vals["categ_id"] = categories[entry["category_path"]].id
            if entry["brand"]:
                vals["retail_brand_id"] = brands[entry["brand"].lower()].id
            if entry["product"]:
                entry["product"].write(vals)
            else:
                to_create.append(dict(vals, type="consu", is_storable=True))
            products.append(entry["product"])
        created = iter(self.env["product.template"].create(to_create))
        products = [product or next(created) for product in products]
        self._retail_write_sellers(entries, products)
        return [
            (product, not entry["product"])
            for entry, product in zip(entries, products, strict=True)
        ]

    def _retail_write_sellers(self, entries, products):
        """Each row's main supplier on its product, at the row's cost price: the
        product's line of that supplier updated, or a first one created."""
        to_create = []
        for entry, product in zip(entries, products, strict=True):
            supplier = entry["supplier"]
            if not supplier:
                continue
            price = entry["vals"].get("standard_price")
            sellers = product.seller_ids if entry["product"] else product.browse()
            seller = sellers.filtered(lambda s, p=supplier: s.partner_id == p)[:1]
            if seller:
                if price is not None:
                    seller.price = price
                continue
            to_create.append(
                {
                    "partner_id": supplier.id,
                    "product_tmpl_id": product.id,
                    "price": price or 0.0,
                    "sequence": min(sellers.mapped("sequence") or [2]) - 1,
                }
            )
        self.env["product.supplierinfo"].create(to_create)
