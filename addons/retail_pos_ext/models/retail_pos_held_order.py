from psycopg2 import errors

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_is_zero


class RetailPosHeldOrder(models.Model):
    """An order put on hold at a till (挂单): its lines wait here, outside the POS orders
    and their reports, until a till of the same store resumes it (取单)."""

    _name = "retail.pos.held.order"
    _description = "Held POS Order"
    _order = "create_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True)
    note = fields.Text()
    state = fields.Selection(
        selection=[("held", "Held"), ("resumed", "Resumed")],
        string="Status",
        default="held",
        required=True,
        index=True,
    )
    config_id = fields.Many2one(
        comodel_name="pos.config",
        string="Held At",
        required=True,
        ondelete="cascade",
        check_company=True,
    )
    warehouse_id = fields.Many2one(
        comodel_name="stock.warehouse",
        string="Store",
        related="config_id.retail_warehouse_id",
        store=True,
        index=True,
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        related="config_id.company_id",
        store=True,
        index=True,
    )
    currency_id = fields.Many2one(related="config_id.currency_id")
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Held By",
        default=lambda self: self.env.user,
        required=True,
    )
    partner_id = fields.Many2one(comodel_name="res.partner", string="Customer")
    amount_total = fields.Monetary(string="Total")
    line_count = fields.Integer(string="Lines")
    line_data = fields.Json(
        string="Lines Data",
        help="The lines as the till had them: product, quantity, unit price, discount, "
        "the customer note, the lot numbers and the near-expiry markdown.",
    )
    resumed_config_id = fields.Many2one(
        comodel_name="pos.config", string="Resumed At", ondelete="set null"
    )
    resumed_user_id = fields.Many2one(comodel_name="res.users", string="Resumed By")
    resumed_date = fields.Datetime(string="Resumed On")

    @api.model
    def _retail_held_line(self, line):
        """What the server keeps of a till's ``line`` while its order is held; other
        addons add what their lines carry."""
        return {
            "product_id": int(line["product_id"]),
            "qty": float(line["qty"]),
            "price_unit": float(line.get("price_unit") or 0.0),
            "discount": float(line.get("discount") or 0.0),
            "customer_note": line.get("customer_note") or "",
            "lot_names": [name for name in line.get("lot_names") or [] if name],
            "retail_markdown_percent": float(
                line.get("retail_markdown_percent") or 0.0
            ),
            # "original": the pricelist's price, which follows the pricelist again
            # on resume; any other price is kept as it was
            "price_type": "original"
            if line.get("price_type") == "original"
            else "manual",
            # the till's line, which other lines of the order may refer to
            "uuid": str(line.get("uuid") or ""),
        }

    @api.model
    def retail_hold(self, config_id, values):
        """Keep the lines of a till's current order; return the held order's id.

        ``values``: ``name``, ``note``, ``partner_id``, ``amount_total`` and ``lines``,
        each ``product_id``, ``qty``, ``price_unit``, ``discount``, ``customer_note``,
        ``lot_names`` (lot-tracked products), ``retail_markdown_percent`` and
        ``price_type`` (``original`` when the pricelist gave the price) and ``uuid``
        (the till's line; other addons link lines to it, see :meth:`_retail_held_line`).
        """
        config = self.env["pos.config"].browse(config_id).exists()
        if not config:
            raise UserError(self.env._("This till no longer exists."))
        name = (values.get("name") or "").strip()
        if not name:
            raise UserError(
                self.env._("Give the held order a name, e.g. the customer's name.")
            )
        for line in values.get("lines") or []:
            lot_names = line.get("lot_names") or []
            if not isinstance(lot_names, list) or not all(
                isinstance(name, str) for name in lot_names
            ):
                raise UserError(
                    self.env._(
                        "The lot numbers of a line must be a list of names: the order "
                        "cannot be held."
                    )
                )
        lines = [self._retail_held_line(line) for line in values.get("lines") or []]
        lines = [line for line in lines if not float_is_zero(line["qty"], 6)]
        if not lines:
            raise UserError(self.env._("There is nothing to hold: the order is empty."))
        products = self.env["product.product"].browse(
            {line["product_id"] for line in lines}
        )
        if len(products.exists()) != len(products):
            raise UserError(
                self.env._(
                    "A product of this order no longer exists: it cannot be held."
                )
            )
        held = self.create(
            {
                "name": name,
                "note": values.get("note") or False,
                "config_id": config.id,
                "partner_id": values.get("partner_id") or False,
                "amount_total": values.get("amount_total") or 0.0,
                "line_count": len(lines),
                "line_data": lines,
            }
        )
        return held.id

    @api.model
    def _retail_store_domain(self, config):
        if config.retail_warehouse_id:
            return [("warehouse_id", "=", config.retail_warehouse_id.id)]
        return [("config_id", "=", config.id)]

    @api.model
    def retail_list(self, config_id):
        """The orders held in the store of this till, newest first."""
        config = self.env["pos.config"].browse(config_id)
        held = self.search([("state", "=", "held"), *self._retail_store_domain(config)])
        return [
            {
                "id": order.id,
                "name": order.name,
                "note": order.note or "",
                "partner_name": order.partner_id.name or "",
                "amount_total": order.amount_total,
                "line_count": order.line_count,
                "user_name": order.user_id.name,
                "config_name": order.config_id.name,
                "create_date": fields.Datetime.to_string(order.create_date),
            }
            for order in held
        ]

    def retail_resume(self, config_id):
        """Hand the held order over to this till, once: two tills resuming it at the
        same time cannot both get it."""
        self.ensure_one()
        config = self.env["pos.config"].browse(config_id)
        if not self.filtered_domain(self._retail_store_domain(config)):
            raise UserError(
                self.env._(
                    "%(name)s was held in another store: it cannot be resumed at "
                    "%(till)s.",
                    name=self.name,
                    till=config.name,
                )
            )
        try:
            self.env.cr.execute(
                "SELECT id FROM retail_pos_held_order WHERE id = %s FOR UPDATE NOWAIT",
                [self.id],
            )
        except errors.LockNotAvailable as error:
            raise UserError(
                self.env._("%(name)s is being resumed at another till.", name=self.name)
            ) from error
        self.invalidate_recordset(["state"])
        if self.state != "held":
            raise UserError(
                self.env._(
                    "%(name)s was already resumed by %(user)s at %(till)s.",
                    name=self.name,
                    user=self.resumed_user_id.name,
                    till=self.resumed_config_id.name,
                )
            )
        self.write(
            {
                "state": "resumed",
                "resumed_config_id": config.id,
                "resumed_user_id": self.env.user.id,
                "resumed_date": fields.Datetime.now(),
            }
        )
        return {
            "id": self.id,
            "name": self.name,
            "note": self.note or "",
            "partner_id": self.partner_id.id,
            "lines": self.line_data or [],
        }
