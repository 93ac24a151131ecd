from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import formatLang


class RetailStockAlert(models.AbstractModel):
    """The activities of the stock levels' alerts (negative stock, below safety stock,
    over-stock): one per level in alert, for its responsible, in their language.
    Mixed into ``retail.stock.level`` and working on its fields."""

    _name = "retail.stock.alert"
    _description = "Stock Alerts"

    @api.model
    def _cron_stock_alerts(self):
        """Daily job: refresh every warehouse, then keep exactly one activity per alert."""
        self._refresh_alerts()

    @api.model
    def _refresh_alerts(self, warehouses=None):
        """Refresh the levels of ``warehouses`` (default: all) and their activities, so
        that an activity never speaks of an alert the level no longer shows."""
        self._refresh_levels(warehouses)
        domain = [
            "|",
            ("alert_state", "!=", "ok"),
            ("alert_activity_state", "!=", False),
        ]
        if warehouses is not None:
            domain.append(("warehouse_id", "in", warehouses.ids))
        self.search(domain)._sync_alert_activities()
        return True

    def _alert_responsible(self, buyers_by_company):
        """Store manager of a store warehouse, else the supplier's buyer, the product's
        responsible or a buyer of the company."""
        self.ensure_one()
        if self.warehouse_id.retail_role == "store":
            managers = self.warehouse_id.retail_user_ids.filtered(
                lambda u: u.has_group(
                    "retail_wholesale.retail_wholesale_group_store_manager"
                )
            )
            if managers:
                return managers[0]
        return (
            self.supplier_id.buyer_id
            or self.product_id.responsible_id
            or buyers_by_company.get(self.company_id.id)
            or self.env.user
        )

    def _sync_alert_activities(self):
        """Raise one activity per level in alert, drop the activities of the levels whose
        stock recovered; repeated runs change nothing."""
        activity_type = self.env.ref(
            "retail_wholesale.mail_activity_type_stock_alert", raise_if_not_found=False
        )
        if not activity_type:
            return
        Activity = self.env["mail.activity"].sudo()
        activities = Activity.search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", self.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
        by_level = defaultdict(lambda: Activity)
        for activity in activities:
            by_level[activity.res_id] |= activity
        stale = Activity
        for level in self:
            if by_level[level.id] and (
                level.alert_state == "ok"
                or level.alert_activity_state != level.alert_state
            ):
                stale |= by_level.pop(level.id)
        stale.unlink()
        to_raise = self.filtered(
            lambda lvl: lvl.alert_state != "ok" and not by_level.get(lvl.id)
        )
        buyer_group = self.env.ref("retail_wholesale.retail_wholesale_group_buyer")
        buyers_by_company = {}
        buyers = (
            self.env["res.users"]
            .sudo()
            .search([("groups_id", "in", buyer_group.id), ("share", "=", False)])
        )
        for user in buyers:
            for company in user.company_ids:
                buyers_by_company.setdefault(company.id, user)
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        for level in to_raise:
            user = level._alert_responsible(buyers_by_company)
            summary, note = level.with_context(
                lang=user.lang or self.env.lang
            )._alert_texts()
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": level.id,
                    "activity_type_id": activity_type.id,
                    "summary": summary[:250],
                    "note": note,
                    "user_id": user.id,
                    "date_deadline": fields.Date.context_today(self),
                }
            )
        Activity.with_context(mail_activity_quick_update=True).create(vals_list)
        self.filtered(lambda lvl: lvl.alert_state == "ok").sudo().write(
            {"alert_activity_state": False}
        )
        for state in ("short", "over", "negative"):
            to_raise.filtered(lambda lvl, s=state: lvl.alert_state == s).sudo().write(
                {"alert_activity_state": state}
            )

    def _alert_texts(self):
        """(summary, note) of the activity of the level's alert, in the language of the
        environment: the responsible user's."""
        self.ensure_one()

        def qty(value):
            return formatLang(self.env, value, dp="Product Unit of Measure")

        product = self.product_id.display_name
        warehouse = self.warehouse_id.name
        if self.alert_state == "negative":
            summary = self.env._(
                "%(product)s has negative stock in %(warehouse)s",
                product=product,
                warehouse=warehouse,
            )
            note = self.env._(
                "On hand: %(on_hand)s. More was sold or shipped than the books hold: "
                "count the product or book the missing receipt.",
                on_hand=qty(self.qty_on_hand),
            )
        elif self.alert_state == "short":
            summary = self.env._(
                "%(product)s is below its safety stock in %(warehouse)s",
                product=product,
                warehouse=warehouse,
            )
            note = self.env._(
                "Free: %(free)s, forecast: %(forecast)s, safety stock: %(min)s. "
                "Suggested order: %(suggested)s.",
                free=qty(self.qty_free),
                forecast=qty(self.qty_forecast),
                min=qty(self.min_qty),
                suggested=qty(self.suggested_qty),
            )
        else:
            summary = self.env._(
                "%(product)s is over-stocked in %(warehouse)s",
                product=product,
                warehouse=warehouse,
            )
            note = self.env._(
                "On hand: %(on_hand)s, over-stock level: %(max)s.",
                on_hand=qty(self.qty_on_hand),
                max=qty(self.max_qty),
            )
        return summary, note
