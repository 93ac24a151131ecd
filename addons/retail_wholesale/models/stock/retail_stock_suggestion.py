from collections import defaultdict

from odoo import fields, models
from odoo.exceptions import UserError


class RetailStockSuggestion(models.AbstractModel):
    """Orders from the stock levels' purchase suggestions: requests for quotation to
    the main suppliers for head office, store orders to head office for the stores.
    Mixed into ``retail.stock.level`` and working on its fields."""

    _name = "retail.stock.suggestion"
    _description = "Purchase Suggestions"

    def _check_suggestions(self, role):
        levels = self.filtered(lambda lvl: lvl.suggested_qty > 0)
        if not levels:
            raise UserError(self.env._("None of the selected lines suggests ordering."))
        wrong = levels.filtered(lambda lvl: lvl.warehouse_id.retail_role != role)
        if wrong:
            if role == "store":
                message = self.env._(
                    "%(warehouse)s is not a store: order its goods from suppliers.",
                    warehouse=wrong[0].warehouse_id.name,
                )
            else:
                message = self.env._(
                    "%(warehouse)s is a store: order its goods from head office with a "
                    "store order.",
                    warehouse=wrong[0].warehouse_id.name,
                )
            raise UserError(message)
        return levels

    def action_create_rfqs(self):
        """One draft request for quotation per main supplier and warehouse."""
        levels = self._check_suggestions("hq")
        missing = levels.filtered(lambda lvl: not lvl.supplier_id)
        if missing:
            raise UserError(
                self.env._(
                    "%(product)s has no vendor: add one on its purchase tab first.",
                    product=missing[0].product_id.display_name,
                )
            )
        groups = defaultdict(lambda: self.env["retail.stock.level"])
        for level in levels:
            groups[level.supplier_id, level.warehouse_id] |= level
        orders = self.env["purchase.order"]
        for (supplier, warehouse), group in groups.items():
            orders |= orders.create(
                {
                    "partner_id": supplier.id,
                    "company_id": warehouse.company_id.id,
                    "picking_type_id": warehouse.in_type_id.id,
                    "origin": self.env._("Purchase suggestions"),
                    "order_line": [
                        fields.Command.create(
                            {
                                "product_id": level.product_id.id,
                                "product_qty": level.suggested_qty,
                            }
                        )
                        for level in group
                    ],
                }
            )
        self._refresh_levels(levels.warehouse_id.sudo())
        return self._open_records(orders, "purchase.purchase_rfq")

    def action_create_store_orders(self):
        """One draft store order to head office per store warehouse."""
        levels = self._check_suggestions("store")
        groups = defaultdict(lambda: self.env["retail.stock.level"])
        for level in levels:
            groups[level.warehouse_id] |= level
        orders = self.env["retail.store.order"]
        for warehouse, group in groups.items():
            orders |= orders.create(
                {
                    "store_warehouse_id": warehouse.id,
                    "company_id": warehouse.company_id.id,
                    "note": self.env._("From purchase suggestions"),
                    "line_ids": [
                        fields.Command.create(
                            {
                                "product_id": level.product_id.id,
                                "requested_qty": level.suggested_qty,
                            }
                        )
                        for level in group
                    ],
                }
            )
        self._refresh_levels(levels.warehouse_id.sudo())
        return self._open_records(orders, "retail_wholesale.retail_store_order_action")

    def _open_records(self, records, xmlid):
        action = self.env["ir.actions.actions"]._for_xml_id(xmlid)
        if len(records) == 1:
            action.update(
                {"views": [(False, "form")], "view_mode": "form", "res_id": records.id}
            )
        else:
            action["domain"] = [("id", "in", records.ids)]
        return action
