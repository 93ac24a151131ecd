import datetime as dt

from openpyxl.utils.datetime import from_excel

from odoo import Command, api, models
from odoo.tools import float_round

from .retail_file_import import _number, _text, amount_text
from .retail_setup_wizard import opening_move_date


class RetailOpeningImportStock(models.AbstractModel):
    """The opening stock of ``retail.opening.import``: rows checked, then moved in
    from the company's opening stock location at their unit cost."""

    _name = "retail.opening.import.stock"
    _description = "Opening Stock Import"

    @api.model
    def _date(self, value):
        """(date, ok) of a cell: a date cell, or text as 2026-12-31 or 2026/12/31."""
        if value in (None, ""):
            return None, True
        if isinstance(value, dt.datetime):
            return value.date(), True
        if isinstance(value, dt.date):
            return value, True
        if isinstance(value, int | float) and 20000 < value < 80000:
            # a date cell without a date format: Excel's day number
            return from_excel(value).date(), True
        text = _text(value).replace("/", "-").replace(".", "-")
        try:
            return dt.date.fromisoformat(
                "-".join(part.zfill(2) for part in text.split("-"))
            ), True
        except ValueError:
            return None, False

    def _check_stock_rows(self, rows):
        """(errors, [(row, warehouse, product, lot name, expiry, qty, cost)])."""
        company = self.env.company
        warehouses = {
            w.code.upper(): w
            for w in self.env["stock.warehouse"].search(
                [("company_id", "=", company.id)]
            )
        }
        keys = {_text(values["商品编码"]) for __, values in rows} - {""}
        Product = self.env["product.product"].with_context(active_test=False)
        products = {}
        for product in Product.search(
            ["|", ("default_code", "in", list(keys)), ("barcode", "in", list(keys))]
        ):
            for key in (product.default_code, product.barcode):
                if key in keys:
                    products.setdefault(key, Product)
                    products[key] |= product
        stocked = self._stocked(products, warehouses)
        precision = self.env["decimal.precision"].precision_get("Product Price")
        errors, checked, seen = [], [], {}
        for number, values in rows:
            warehouse, product, problems = self._check_stock_product(
                values, warehouses, products
            )
            lot = _text(values["批次号"])
            expiry, lot_problems = self._check_lot(values, product, lot)
            qty, cost, amount_problems = self._check_stock_amounts(values)
            problems += lot_problems + amount_problems
            if warehouse and product:
                problems += self._check_stock_once(
                    number, (warehouse, product, lot), seen, stocked
                )
            if problems:
                errors.extend((number, column, message) for column, message in problems)
            else:
                checked.append(
                    (
                        number,
                        warehouse,
                        product,
                        lot,
                        expiry,
                        qty,
                        float_round(cost, precision_digits=precision),
                    )
                )
        return errors, checked

    def _check_stock_product(self, values, warehouses, products):
        """(warehouse, product, [(column, message)]) of a row of opening stock."""
        problems = []
        code = _text(values["仓库编码"]).upper()
        warehouse = warehouses.get(code)
        if not warehouse:
            problems.append(
                (
                    "仓库编码",
                    self.env._("Unknown warehouse code %(code)s.", code=code)
                    if code
                    else self.env._("The warehouse code is missing."),
                )
            )
        key = _text(values["商品编码"])
        found = products.get(key)
        product = found if found and len(found) == 1 else None
        if not key:
            problems.append(("商品编码", self.env._("The product code is missing.")))
        elif not found:
            problems.append(
                ("商品编码", self.env._("Unknown product code %(code)s.", code=key))
            )
        elif len(found) > 1:
            problems.append(
                (
                    "商品编码",
                    self.env._("Several products have the code %(code)s.", code=key),
                )
            )
        elif not product.is_storable:
            problems.append(
                (
                    "商品编码",
                    self.env._(
                        "%(product)s is not a stocked product: it has no stock.",
                        product=product.display_name,
                    ),
                )
            )
        return warehouse, product, problems

    @api.model
    def _check_stock_amounts(self, values):
        """(quantity, unit cost, [(column, message)]) of a row of opening stock."""
        problems = []
        qty, qty_ok = _number(values["数量"])
        if not qty_ok or qty is None or qty <= 0:
            problems.append(
                (
                    "数量",
                    self.env._(
                        "The quantity %(value)s must be a number above 0.",
                        value=_text(values["数量"]),
                    ),
                )
            )
        cost, cost_ok = _number(values["单位成本"])
        if not cost_ok or cost is None or cost < 0:
            problems.append(
                (
                    "单位成本",
                    self.env._(
                        "The unit cost %(value)s must be a number, 0 or more.",
                        value=_text(values["单位成本"]),
                    ),
                )
            )
        return qty, cost, problems

    @api.model
    def _check_stock_once(self, number, key, seen, stocked):
        """[(column, message)]: a warehouse, product and lot given once, into a
        warehouse without stock of the product."""
        warehouse, product, __ = key
        problems = []
        if warehouse and product:
            pair = key
            if pair in seen:
                problems.append(
                    (
                        "商品编码",
                        self.env._(
                            "Row %(row)s already gives %(product)s in %(warehouse)s.",
                            row=seen[pair],
                            product=product.display_name,
                            warehouse=warehouse.name,
                        ),
                    )
                )
            seen.setdefault(pair, number)
            if (warehouse.id, product.id) in stocked:
                problems.append(
                    (
                        "商品编码",
                        self.env._(
                            "%(product)s already has stock in %(warehouse)s: "
                            "opening stock is imported once, into an empty "
                            "warehouse.",
                            product=product.display_name,
                            warehouse=warehouse.name,
                        ),
                    )
                )
        return problems

    def _check_lot(self, values, product, lot):
        """(expiry date, [(column, message)]) of the row's lot and expiry date."""
        problems = []
        expiry, expiry_ok = self._date(values["到期日"])
        if not expiry_ok:
            problems.append(
                (
                    "到期日",
                    self.env._(
                        "%(value)s is not a date: write it as 2026-12-31.",
                        value=_text(values["到期日"]),
                    ),
                )
            )
        if product and product.tracking == "lot":
            if not lot:
                problems.append(
                    (
                        "批次号",
                        self.env._(
                            "%(product)s is tracked by lots: give the lot.",
                            product=product.display_name,
                        ),
                    )
                )
            if product.use_expiration_date and expiry_ok and not expiry:
                problems.append(
                    (
                        "到期日",
                        self.env._(
                            "%(product)s has an expiry date: give the lot's.",
                            product=product.display_name,
                        ),
                    )
                )
        elif product and product.tracking == "serial":
            problems.append(
                (
                    "批次号",
                    self.env._(
                        "%(product)s is tracked by serial numbers: count it in "
                        "a stocktake instead.",
                        product=product.display_name,
                    ),
                )
            )
        elif product and lot:
            problems.append(
                (
                    "批次号",
                    self.env._(
                        "%(product)s is not tracked by lots: leave the lot empty.",
                        product=product.display_name,
                    ),
                )
            )
        return expiry, problems

    def _stocked(self, products, warehouses):
        """{(warehouse id, product id)} of the products of the file that have stock
        in the warehouses of the file."""
        product_ids = [p.id for group in products.values() for p in group]
        if not product_ids or not warehouses:
            return set()
        groups = self.env["stock.quant"]._read_group(
            [
                ("product_id", "in", product_ids),
                ("location_id.usage", "=", "internal"),
                (
                    "location_id.warehouse_id",
                    "in",
                    [w.id for w in warehouses.values()],
                ),
                ("quantity", "!=", 0),
            ],
            ["location_id", "product_id"],
        )
        return {(location.warehouse_id.id, product.id) for location, product in groups}

    def _opening_location(self):
        """The company's opening stock location (期初库存), created once: a virtual
        location whose stock counts in against the account core balances opening
        entries with."""
        company = self.env.company
        Location = self.env["stock.location"]
        xmlid = f"retail_wholesale.opening_location_{company.id}"
        location = self.env.ref(xmlid, raise_if_not_found=False)
        if location:
            return location
        account = company.get_unaffected_earnings_account()
        location = Location.create(
            {
                "name": self.env._("Opening Stock"),
                "usage": "inventory",
                "company_id": company.id,
                "location_id": self.env.ref(
                    "stock.stock_location_locations_virtual"
                ).id,
                "valuation_in_account_id": account.id,
                "valuation_out_account_id": account.id,
            }
        )
        self.env["ir.model.data"].sudo().create(
            {
                "module": "retail_wholesale",
                "name": f"opening_location_{company.id}",
                "model": "stock.location",
                "res_id": location.id,
                "noupdate": True,
            }
        )
        return location

    def _opening_lots(self, checked):
        """{(product, lot name): lot} of the rows of lot-tracked products: the lots
        that exist found in one search, the others created in one create, with
        their expiry date."""
        company = self.env.company
        wanted = {
            (product, name): expiry
            for __, __, product, name, expiry, __, __ in checked
            if product.tracking == "lot"
        }
        if not wanted:
            return {}
        Lot = self.env["stock.lot"]
        lots = {}
        for lot in Lot.search(
            [
                ("product_id", "in", list({p.id for p, __ in wanted})),
                ("name", "in", list({n for __, n in wanted})),
                ("company_id", "in", [company.id, False]),
            ]
        ):
            lots.setdefault((lot.product_id, lot.name), lot)
        missing = [key for key in wanted if key not in lots]
        values = []
        for product, name in missing:
            lot = {"product_id": product.id, "name": name, "company_id": company.id}
            if wanted[product, name]:
                # the end of the day in China (UTC+8), in UTC
                lot["expiration_date"] = dt.datetime.combine(
                    wanted[product, name], dt.time(16)
                )
            values.append(lot)
        created = Lot.create(values)
        lots.update(zip(missing, created, strict=True))
        return lots

    def _write_stock(self, checked):
        company = self.env.company
        source = self._opening_location()
        lots = self._opening_lots(checked)
        Move = self.env["stock.move"].with_context(
            force_period_date=opening_move_date(company)
        )
        moves = Move.create(
            [
                {
                    "name": self.env._("Opening stock"),
                    "product_id": product.id,
                    "product_uom": product.uom_id.id,
                    "product_uom_qty": qty,
                    "price_unit": cost,
                    "location_id": source.id,
                    "location_dest_id": warehouse.lot_stock_id.id,
                    "company_id": company.id,
                    "origin": self.env._("Opening stock"),
                    "move_line_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_uom_id": product.uom_id.id,
                                "quantity": qty,
                                "location_id": source.id,
                                "location_dest_id": warehouse.lot_stock_id.id,
                                "lot_id": lots[product, name].id
                                if product.tracking == "lot"
                                else False,
                                "company_id": company.id,
                            }
                        )
                    ],
                }
                for __, warehouse, product, name, __, qty, cost in checked
            ]
        )
        moves._action_confirm()
        moves.picked = True
        moves._action_done()
        value = sum(moves.stock_valuation_layer_ids.mapped("value"))
        self.write(
            {
                "state": "done",
                "report": self.env._(
                    "Imported %(rows)s rows of opening stock into %(warehouses)s "
                    "warehouses, valued %(value)s at cost.",
                    rows=len(checked),
                    warehouses=len({row[1] for row in checked}),
                    value=amount_text(value),
                ),
            }
        )
