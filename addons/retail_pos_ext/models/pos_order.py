import logging
from collections import defaultdict
from numbers import Number

from psycopg2 import errors as pg_errors

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import SQL, float_compare, float_round

from odoo.addons.retail_wholesale.tools.pricing import net_unit_price

from .pos_payment import TILL_SYNC

_logger = logging.getLogger(__name__)

# the states of a till order that count as sold (stock velocity, flash-sale counts,
# return rates, handovers, reports)
POS_SOLD_STATES = ("paid", "done", "invoiced")
UUID_INDEX = "pos_order_retail_uuid_uniq"
# advisory lock class of the orders being saved (the second key is their uuid's hash)
UUID_LOCK = 7_042_002
# what the server reads of an order sent by the point of sale, and the type it must have
ORDER_KEYS = {
    "uuid": str,
    "session_id": int,
    "lines": list,
    "payment_ids": list,
    "amount_paid": Number,
    "amount_total": Number,
    "amount_tax": Number,
    "amount_return": Number,
}
LINE_KEYS = {"product_id": int, "qty": Number, "price_unit": Number}
REVIEW_FIELDS = {"retail_review_state", "retail_review_note", "retail_reviewed_by_id"}


def _invalid(values, keys):
    """The keys whose value is missing or not of the expected type (a boolean is not a
    number here)."""
    return [
        key
        for key, expected in keys.items()
        if values.get(key) is None
        or isinstance(values.get(key), bool)
        or not isinstance(values.get(key), expected)
    ]


class ExpectedDuplicateOrder(logging.Filter):
    """The failed insert of an order that another request has just saved (the lock on
    the uuid misses it when that request committed after this one's snapshot) is
    expected contention, answered by a retry: logged as information, not as an error
    an operator is paged for."""

    def filter(self, record):
        if record.levelno >= logging.ERROR and UUID_INDEX in record.getMessage():
            record.levelno, record.levelname = (
                logging.INFO,
                logging.getLevelName(logging.INFO),
            )
        return True


logging.getLogger("odoo.sql_db").addFilter(ExpectedDuplicateOrder())


class ConcurrentOrderSync(pg_errors.SerializationFailure):
    """The same order is being saved by another request right now.

    A serialization failure makes Odoo roll the request back and run it again after a
    short wait; by then the other request has committed, and this one finds the order.
    """

    pgcode = "40001"


class PosOrder(models.Model):
    _inherit = "pos.order"

    retail_channel_id = fields.Many2one(
        comodel_name="retail.channel",
        string="Channel",
        compute="_compute_retail_channel_id",
        store=True,
        index="btree_not_null",
        help="Sales channel of the till when the order was made.",
    )
    retail_review_state = fields.Selection(
        selection=[("to_review", "To Review"), ("reviewed", "Reviewed")],
        string="Review",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Orders whose prices, totals or payments differ from what the server "
        "computes are kept as the till sent them and flagged for a manager's review.",
    )
    retail_review_note = fields.Text(
        string="Review Reasons",
        readonly=True,
        copy=False,
    )
    retail_reviewed_by_id = fields.Many2one(
        comodel_name="res.users",
        string="Reviewed By",
        readonly=True,
        copy=False,
    )

    @api.depends("session_id")
    def _compute_retail_channel_id(self):
        for order in self:
            order.retail_channel_id = order.session_id.config_id.retail_channel_id

    def init(self):
        """One order per uuid: the point of sale resends an order until it gets an
        answer, so a repeated or concurrent send must find the order, not make another.
        Databases that already hold duplicates get a plain index and a warning."""
        super().init()
        cr = self.env.cr
        cr.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [UUID_INDEX])
        if cr.fetchone():
            return
        cr.execute(
            "SELECT count(*) FROM (SELECT uuid FROM pos_order WHERE uuid IS NOT NULL "
            "GROUP BY uuid HAVING count(*) > 1) dup"
        )
        duplicates = cr.fetchone()[0]
        if duplicates:
            _logger.warning(
                "%s POS order references (uuid) are used by several orders: they are not "
                "made unique; merge or rename them, then update retail_pos_ext.",
                duplicates,
            )
            cr.execute(
                "CREATE INDEX IF NOT EXISTS pos_order_retail_uuid_idx ON pos_order (uuid)"
            )
            return
        cr.execute(
            SQL(
                "CREATE UNIQUE INDEX %s ON pos_order (uuid) WHERE uuid IS NOT NULL",
                SQL.identifier(UUID_INDEX),
            )
        )

    # ----------------------------------------------------------------- sync
    @api.model
    def sync_from_ui(self, orders):
        orders, refused = self._retail_check_payload(orders)
        if refused and not orders:
            raise ValidationError(self._retail_refused_message(refused))
        self._retail_lock_uuids(orders)
        # the orders' payments are made by the synchronisation (see pos.payment)
        self.env.cr.cache[TILL_SYNC] = True
        try:
            result = super().sync_from_ui(orders)
        except pg_errors.UniqueViolation as error:
            if error.diag.constraint_name == UUID_INDEX:
                _logger.info("POS order sent twice at the same time: saving it once")
                raise ConcurrentOrderSync(str(error)) from error
            raise
        except (KeyError, TypeError, AttributeError, IndexError) as error:
            _logger.warning("POS order payload the server cannot read", exc_info=True)
            raise ValidationError(
                _(
                    "The point of sale sent an order the server cannot read (%(error)s). "
                    "The order is kept on the till: reload the point of sale and try again.",
                    error=repr(error),
                )
            ) from error
        finally:
            self.env.cr.cache.pop(TILL_SYNC, None)
        if refused:
            # the valid orders of the batch are saved; the refused ones are named
            _logger.warning(
                "POS orders refused: %s", self._retail_refused_message(refused)
            )
            result["retail_refused"] = [
                {"uuid": uuid, "name": name, "problems": problems}
                for uuid, name, problems in refused
            ]
        self._retail_add_store_quantities(result)
        return result

    @api.model
    def _retail_lock_uuids(self, orders):
        """Take the orders' uuids for this transaction. When another request is saving
        one of them right now (the till sent it twice at once), this one is run again
        once that one is done, and then finds the order: a serialization failure,
        which Odoo retries, instead of a failed insert logged as an error."""
        uuids = sorted({order["uuid"] for order in orders})
        if not uuids:
            return
        self.env.cr.execute(
            SQL(
                "SELECT bool_and(pg_try_advisory_xact_lock(%s, hashtext(uuid))) "
                "FROM unnest(%s::text[]) AS uuid",
                UUID_LOCK,
                uuids,
            )
        )
        if not self.env.cr.fetchone()[0]:
            _logger.info("POS order being saved by another request: saving it once")
            raise ConcurrentOrderSync("POS order being saved by another request")

    @api.model
    def _retail_refused_message(self, refused):
        return _(
            "The point of sale sent orders the server refuses (nothing of them was "
            "saved):\n%s",
            "\n".join(
                problem for _uuid, _name, problems in refused for problem in problems
            ),
        )

    @api.model
    def _retail_add_store_quantities(self, result):
        """The store quantities of the products the synchronised orders sold, in the
        answer (``retail_store_qty``: {product id: on hand}) so that the till's stock
        badges follow the other tills too: one grouped query per store, and only where
        the orders' stock moved as they were saved (not at the session's closing)."""
        orders = self.browse(
            [order["id"] for order in result.get("pos.order", []) if "id" in order]
        )
        product_ids = defaultdict(set)
        for order in orders:
            session = order.session_id
            warehouse = session.config_id.retail_warehouse_id
            if warehouse and not session.update_stock_at_closing:
                product_ids[warehouse] |= set(
                    order.lines.product_id.filtered("is_storable").ids
                )
        if not product_ids:
            return result
        quantities = {}
        Product = self.env["product.product"]
        for warehouse, ids in product_ids.items():
            found = Product._retail_store_quantities(warehouse, list(ids))
            quantities.update({pid: found.get(pid, 0.0) for pid in ids})
        result["retail_store_qty"] = quantities
        return result

    @api.model
    def _retail_check_payload(self, orders):
        """Split what a till sent into the orders to save and the refused ones
        ``[(uuid, name, [problem, ...])]``: what no till sends (a clear validation
        error instead of a server error), commands on records of other orders (a till
        changes only the order it sends) and references to records that are unknown,
        of another company or not the till's."""
        if not isinstance(orders, list):
            raise ValidationError(_("The point of sale must send a list of orders."))
        problems = {}
        for position, order in enumerate(orders, start=1):
            if not isinstance(order, dict):
                problems[position] = [
                    _("order %(position)s is not a record", position=position)
                ]
                continue
            problems[position] = self._retail_structure_problems(order, position)
        readable = [
            (position, order)
            for position, order in enumerate(orders, start=1)
            if not problems[position]
        ]
        existing = {
            order.uuid: order
            for order in self.search(
                [("uuid", "in", [order["uuid"] for _position, order in readable])]
            )
        }
        references = self._retail_payload_references([order for _p, order in readable])
        for position, order in readable:
            name = self._retail_payload_name(order, position)
            problems[position] += self._retail_foreign_commands(
                self, order, existing.get(order["uuid"], self.browse()), name
            )
            problems[position] += references(order, name)
        valid, refused = [], []
        for position, order in enumerate(orders, start=1):
            if problems[position]:
                values = order if isinstance(order, dict) else {}
                refused.append(
                    (
                        values.get("uuid"),
                        self._retail_payload_name(values, position),
                        problems[position],
                    )
                )
            else:
                valid.append(order)
        return valid, refused

    @api.model
    def _retail_payload_name(self, order, position):
        return order.get("name") or order.get("uuid") or position

    @api.model
    def _retail_structure_problems(self, order, position):
        name = self._retail_payload_name(order, position)
        problems = [
            self.env._(
                "order %(name)s: %(key)s is missing or invalid", name=name, key=key
            )
            for key in _invalid(order, ORDER_KEYS)
        ]
        lines = order.get("lines")
        for command in lines if isinstance(lines, list) else []:
            if not (
                isinstance(command, (list, tuple))
                and len(command) >= 2
                and isinstance(command[0], int)
            ):
                problems.append(_("order %(name)s: a line is malformed", name=name))
            elif command[0] == 0:  # a new line: what core reads of it
                values = command[2] if len(command) == 3 else None
                if not isinstance(values, dict):
                    problems.append(_("order %(name)s: a line is malformed", name=name))
                    continue
                problems += [
                    self.env._(
                        "order %(name)s: %(key)s of a line is missing or invalid",
                        name=name,
                        key=key,
                    )
                    for key in _invalid(values, LINE_KEYS)
                ]
        return problems

    @api.model
    def _retail_foreign_commands(self, model, values, owner, name):
        """The commands of the one2many fields in ``values`` (of a record of ``model``,
        ``owner`` when it exists already, nested values included) that name a record
        ``owner`` does not hold: a line, payment or lot of another order."""
        problems = []
        for key, commands in values.items():
            field = model._fields.get(key)
            if not (field and field.type == "one2many" and isinstance(commands, list)):
                continue
            comodel = self.env[field.comodel_name]
            owned = owner[key] if owner else comodel
            for command in commands:
                if not (
                    isinstance(command, (list, tuple))
                    and command
                    and isinstance(command[0], int)
                ):
                    continue  # lines are checked above; core refuses the rest
                code, ids = command[0], []
                if code in (1, 2, 3, 4):
                    ids = [command[1]] if len(command) > 1 else [None]
                elif code == 6:
                    ids = command[2] if len(command) > 2 else None
                    ids = ids if isinstance(ids, list) else [ids]
                foreign = [ref for ref in ids if ref not in owned.ids]
                if foreign:
                    problems.append(
                        _(
                            "order %(name)s: the command %(command)s of %(field)s names "
                            "%(records)s, which is not part of this order",
                            name=name,
                            command=code,
                            field=key,
                            records=", ".join(map(str, foreign)),
                        )
                    )
                    continue
                nested = command[2] if len(command) > 2 else None
                if code in (0, 1) and isinstance(nested, dict):
                    problems += self._retail_foreign_commands(
                        comodel,
                        nested,
                        owned.browse(command[1]) if code == 1 else comodel,
                        name,
                    )
        return problems

    def _retail_reference_fields(self):
        """{order field: model} of the references an order's payload holds."""
        fields_ = {
            "session_id": "pos.session",
            "pricelist_id": "product.pricelist",
            "fiscal_position_id": "account.fiscal.position",
            "partner_id": "res.partner",
        }
        if "employee_id" in self._fields:
            fields_["employee_id"] = self._fields["employee_id"].comodel_name
        return fields_

    @api.model
    def _retail_payload_values(self, order, key):
        """The values of the create and update commands of an x2many of ``order``."""
        return [
            command[2]
            for command in order.get(key) or []
            if isinstance(command, (list, tuple))
            and len(command) > 2
            and command[0] in (0, 1)
            and isinstance(command[2], dict)
        ]

    @api.model
    def _retail_payload_references(self, orders):
        """A function giving the problems of an order's references (session, customer,
        pricelist, fiscal position, products, payment methods, employee): unknown,
        of another company, or not the till's. One query per model for the batch."""
        order_fields = self._retail_reference_fields()
        wanted = defaultdict(set)
        for order in orders:
            for key, model in order_fields.items():
                wanted[model].add(order.get(key))
            for line in self._retail_payload_values(order, "lines"):
                wanted["product.product"].add(line.get("product_id"))
        lot_names = {
            pack_lot.get("lot_name")
            for order in orders
            for line in self._retail_payload_values(order, "lines")
            for pack_lot in self._retail_payload_values(line, "pack_lot_ids")
        }
        found = {"stock.lot": self._retail_known_lots(lot_names)}
        for model, ids in wanted.items():
            ids = [i for i in ids if isinstance(i, int) and not isinstance(i, bool)]
            records = (
                self.env[model]
                .with_context(active_test=False)
                .search([("id", "in", ids)])
            )
            found[model] = {record.id: record for record in records}
        return lambda order, name: self._retail_reference_problems(
            order, name, order_fields, found
        )

    @api.model
    def _retail_known_lots(self, names):
        """{(product id, lot name): {company id}} of the lots named, whoever may read
        them: a cashier has no stock rights, and the answer only says what exists."""
        names = [n for n in names if isinstance(n, str) and n]
        if not names:
            return {}
        known = defaultdict(set)
        for lot in (
            self.env["stock.lot"]
            .sudo()
            .search_fetch([("name", "in", names)], ["name", "product_id", "company_id"])
        ):
            known[lot.product_id.id, lot.name].add(lot.company_id.id)
        return known

    @api.model
    def _retail_lot_problems(self, order, session, found, problem):
        """The lots of the order's lines that the till's picking cannot use: a lot of
        another product or company, or a new lot where the till's operation type does
        not create lots (a lot typed by mistake would leave the goods in the store)."""
        creates = session.config_id.picking_type_id.use_create_lots
        # a batch of orders without new lines (removals only) names no product
        products = found.get("product.product", {})
        problems = []
        for line in self._retail_payload_values(order, "lines"):
            product = products.get(line.get("product_id"))
            if not product or product.tracking == "none":
                continue
            for pack_lot in self._retail_payload_values(line, "pack_lot_ids"):
                lot_name = pack_lot.get("lot_name")
                if not lot_name:
                    continue
                if not isinstance(lot_name, str):
                    problems.append(problem("lot_name", lot_name))
                    continue
                companies = found["stock.lot"].get((product.id, lot_name))
                if companies is None and creates:
                    continue
                if not companies or not (companies & {False, session.company_id.id}):
                    problems.append(
                        problem("lot_name", f"{lot_name} ({product.display_name})")
                    )
        return problems

    @api.model
    def _retail_reference_problem(self, name, key, value):
        return _(
            "order %(name)s: %(field)s %(value)s is unknown, of another company or "
            "not this till's",
            name=name,
            field=key,
            value=value,
        )

    @api.model
    def _retail_reference_problems(self, order, name, order_fields, found):
        def problem(key, value):
            return self._retail_reference_problem(name, key, value)

        session = found["pos.session"].get(order["session_id"])
        if not session:
            return [problem("session_id", order["session_id"])]

        def known(model, value):
            record = found[model].get(value)
            return bool(
                record
                and (
                    "company_id" not in record._fields
                    or not record.company_id
                    or record.company_id == session.company_id
                )
            )

        references = [
            (key, model, order.get(key))
            for key, model in order_fields.items()
            if key != "session_id"
        ] + [
            ("product_id", "product.product", line.get("product_id"))
            for line in self._retail_payload_values(order, "lines")
        ]
        problems = [
            problem(key, value)
            for key, model, value in references
            if value and not known(model, value)
        ]
        problems += self._retail_lot_problems(order, session, found, problem)
        methods = session.config_id.payment_method_ids.ids
        problems += [
            problem("payment_method_id", payment.get("payment_method_id"))
            for payment in self._retail_payload_values(order, "payment_ids")
            if "payment_method_id" in payment
            and payment["payment_method_id"] not in methods
        ]
        return problems

    def _process_saved_order(self, draft):
        order_id = super()._process_saved_order(draft)
        if not draft and self.state in POS_SOLD_STATES:
            self._retail_review_against_server()
        return order_id

    def _create_order_picking(self):
        """A cashier has no stock rights (no lots, quants or transfers of their own):
        the picking of their order, with its lots and quants, is made with the rights
        the order needs, as core reads the till's lots (``get_existing_lots``). Only
        this order's goods move: the order itself was checked with the cashier's rights
        (their store's session, record rules)."""
        if not self.env.su:
            self.check_access("write")
            return self.sudo()._create_order_picking()
        # the goods were handed over at the till: no turn at the reservations
        return super(
            PosOrder, self.with_context(retail_handed_over=True)
        )._create_order_picking()

    # --------------------------------------------------------------- review
    def _retail_review_against_server(self):
        """Compare what the till sent with what the server computes; flag differences.

        Nothing is refused: an order made offline has already been paid and handed
        over, so it is saved as sent and a manager reviews it. Prices are checked against
        the order's pricelist (which must be one the till or the customer's grade
        allows), floor prices and flash sale limits; totals against the lines; payments
        against the total.
        """
        self.ensure_one()
        currency = self.currency_id
        reasons = []
        computed_total = 0.0
        for line in self.lines:
            amounts = line._compute_amount_line_all()
            computed_total += amounts["price_subtotal_incl"]
            if currency.compare_amounts(
                amounts["price_subtotal_incl"], line.price_subtotal_incl
            ):
                reasons.append(
                    _(
                        "%(product)s: line total %(sent)s, computed %(computed)s.",
                        product=line.product_id.display_name,
                        sent=line.price_subtotal_incl,
                        computed=currency.round(amounts["price_subtotal_incl"]),
                    )
                )
        if currency.compare_amounts(computed_total, self.amount_total):
            reasons.append(
                _(
                    "Order total %(sent)s, computed from its lines %(computed)s.",
                    sent=self.amount_total,
                    computed=currency.round(computed_total),
                )
            )
        expected_paid = self._get_rounded_amount(computed_total)
        paid = currency.compare_amounts(self.amount_paid, expected_paid)
        if paid < 0 and not self.refunded_order_id:
            reasons.append(
                _(
                    "Paid %(paid)s of %(total)s.",
                    paid=self.amount_paid,
                    total=currency.round(expected_paid),
                )
            )
        elif paid > 0 and not self.refunded_order_id:
            # the change given in cash is a payment of its own: what is left is paid
            # beyond the total
            reasons.append(
                _(
                    "Paid %(paid)s, more than the total %(total)s.",
                    paid=self.amount_paid,
                    total=currency.round(expected_paid),
                )
            )
        reasons += self._retail_review_prices()
        reasons += self._retail_review_flash_sales()
        reasons += self._retail_review_markdowns()
        reasons += self._retail_review_expired_lots()
        reasons += self._retail_review_return_rate()
        if reasons:
            _logger.info("POS order %s flagged for review: %s", self.name, reasons)
            # the cashier who synced the order may not set its review
            self.sudo().write(
                {
                    "retail_review_state": "to_review",
                    "retail_review_note": "\n".join(reasons),
                }
            )

    def _retail_priced_lines(self):
        """Lines sold at a catalogue price: not rewards, combos or refunds."""
        return self.lines.filtered(
            lambda line: (
                line.qty > 0
                and not line.combo_parent_id
                and not line.combo_line_ids
                and not line.refunded_orderline_id
                and not line._retail_is_reward_line()
            )
        )

    def _retail_allowed_pricelists(self):
        config = self.config_id
        allowed = config.available_pricelist_ids | config.pricelist_id
        if self.partner_id:
            allowed |= self.partner_id.property_product_pricelist
        return allowed

    def _retail_review_prices(self):
        self.ensure_one()
        reasons = []
        currency = self.currency_id
        pricelist = self.pricelist_id
        if pricelist and pricelist not in self._retail_allowed_pricelists():
            reasons.append(
                _(
                    "Pricelist %(pricelist)s is neither offered by the till nor the "
                    "customer's.",
                    pricelist=pricelist.name,
                )
            )
        date = self.date_order
        # checked against their lots by _retail_review_markdowns
        markdown_lines = self._retail_markdown_lines()
        for line in self._retail_priced_lines() - markdown_lines:
            product = line.product_id
            net_price = net_unit_price(line)
            if pricelist and not self.fiscal_position_id:
                price = pricelist._get_product_price(
                    product, line.qty, currency=currency, date=date
                )
                taxes = product.taxes_id.filtered_domain(
                    self.env["account.tax"]._check_company_domain(self.company_id)
                )
                if line.tax_ids != taxes:
                    reasons.append(
                        _(
                            "%(product)s: taxes %(sent)s instead of %(taxes)s.",
                            product=product.display_name,
                            sent=", ".join(line.tax_ids.mapped("name")) or "-",
                            taxes=", ".join(taxes.mapped("name")) or "-",
                        )
                    )
                price = self.env["account.tax"]._fix_tax_included_price_company(
                    price, taxes, taxes, self.company_id
                )
                if currency.compare_amounts(net_price, price):
                    reasons.append(
                        _(
                            "%(product)s: sold at %(sent)s, the price is %(price)s.",
                            product=product.display_name,
                            sent=currency.round(net_price),
                            price=currency.round(price),
                        )
                    )
            floor = product.retail_floor_price
            if floor:
                floor = product.currency_id._convert(
                    floor, currency, self.company_id, date or fields.Date.today()
                )
                if currency.compare_amounts(net_price, floor) < 0:
                    reasons.append(
                        _(
                            "%(product)s: sold at %(sent)s, below its floor price of "
                            "%(floor)s.",
                            product=product.display_name,
                            sent=currency.round(net_price),
                            floor=currency.round(floor),
                        )
                    )
        return reasons

    def _retail_markdown_lines(self):
        """Lines sold at the company's near-expiry markdown price (临期促销) of their
        product, as the till marks them; whether their lots justify it is checked by
        _retail_review_markdowns."""
        company = self.company_id
        percent = company.retail_markdown_percent or 0.0
        if percent <= 0:
            return self.env["pos.order.line"]
        currency = self.currency_id
        return self._retail_priced_lines().filtered(
            lambda line: (
                line.retail_markdown_percent
                and not currency.compare_amounts(
                    net_unit_price(line),
                    float_round(
                        line.product_id.lst_price * (100 - percent) / 100,
                        precision_digits=2,
                    ),
                )
            )
        )

    def _retail_review_markdowns(self):
        """Near-expiry markdown prices are right only for lines whose every lot was
        known to the server at the order date and within the company's markdown window
        then (the lots of the whole order are read in one query)."""
        self.ensure_one()
        lines = self._retail_markdown_lines()
        if not lines:
            return []
        self.env["pos.pack.operation.lot"].flush_model(
            ["lot_name", "pos_order_line_id"]
        )
        self.env["stock.lot"].flush_model(["name", "product_id", "expiration_date"])
        self.env.cr.execute(
            """
            SELECT pl.pos_order_line_id, pl.lot_name, lot.expiration_date,
                   lot.create_date
              FROM pos_pack_operation_lot pl
              JOIN pos_order_line l ON l.id = pl.pos_order_line_id
              LEFT JOIN stock_lot lot
                     ON lot.product_id = l.product_id
                    AND lot.name = pl.lot_name
                    AND (lot.company_id = %s OR lot.company_id IS NULL)
             WHERE pl.pos_order_line_id IN %s
            """,
            [self.company_id.id, tuple(lines.ids)],
        )
        lots_by_line = defaultdict(list)
        for line_id, lot_name, expiration_date, create_date in self.env.cr.fetchall():
            # a lot the server did not know at the sale (made by this synchronisation
            # from the name the till sent) justifies nothing
            known = create_date and create_date <= self.date_order
            lots_by_line[line_id].append((lot_name, known and expiration_date))
        company = self.company_id
        currency = self.currency_id
        reasons = []
        for line in lines:
            lots = lots_by_line.get(line.id)
            outside = [
                lot_name
                for lot_name, expiration_date in lots or []
                if not company._retail_in_markdown_window(
                    expiration_date, self.date_order
                )
            ]
            if lots and not outside:
                continue
            reasons.append(
                self.env._(
                    "%(product)s: sold at the near-expiry markdown price %(sent)s, but "
                    "lot %(lots)s is not within %(days)s days of its expiry on the "
                    "order date; the sales price is %(price)s.",
                    product=line.product_id.display_name,
                    sent=currency.round(net_unit_price(line)),
                    lots=", ".join(outside) or "-",
                    days=company.retail_markdown_days,
                    price=currency.round(line.product_id.lst_price),
                )
            )
        return reasons

    def _retail_review_flash_sales(self):
        """Count flash sale units sold at the till, under the flash sales' row locks so
        that concurrent orders (at tills or in the back office) see each other."""
        self.ensure_one()
        lines = self._retail_priced_lines()
        if not lines:
            return []
        FlashSale = self.env["retail.flash.sale"].sudo()
        flash_sales = FlashSale.search(
            [
                ("product_id", "in", lines.product_id.ids),
                ("company_id", "=", self.company_id.id),
                ("date_start", "<=", self.date_order),
                ("date_end", ">=", self.date_order),
            ]
        )
        if not flash_sales:
            return []
        currency = self.currency_id
        by_product = {fs.product_id: fs for fs in flash_sales}
        flash_lines = self.env["pos.order.line"]
        for line in lines:
            flash_sale = by_product.get(line.product_id)
            net_price = net_unit_price(line)
            if (
                flash_sale
                and currency.compare_amounts(net_price, flash_sale.price) <= 0
            ):
                line.retail_flash_sale_id = flash_sale
                flash_lines |= line
        if not flash_lines:
            return []
        flash_sales = flash_lines.retail_flash_sale_id.sudo()
        self.env["sale.order"]._retail_lock_flash_sales(flash_sales)
        self.env.flush_all()
        sold = flash_sales._sold_by_customer()
        customer = self.partner_id.commercial_partner_id
        reasons = []
        ordered = defaultdict(float)
        for line in flash_lines:
            ordered[line.retail_flash_sale_id] += line.qty
        for flash_sale, qty in ordered.items():
            rounding = flash_sale.product_id.uom_id.rounding
            total = sum(sold[flash_sale].values())
            if (
                float_compare(total, flash_sale.total_cap, precision_rounding=rounding)
                > 0
            ):
                reasons.append(
                    _(
                        "%(product)s: %(total)s sold in the flash sale %(flash_sale)s, "
                        "over its total of %(cap)s.",
                        product=flash_sale.product_id.display_name,
                        total=total,
                        flash_sale=flash_sale.name,
                        cap=flash_sale.total_cap,
                    )
                )
            limit = flash_sale.per_customer_limit
            bought = sold[flash_sale][customer.id] if customer else qty
            if limit and float_compare(bought, limit, precision_rounding=rounding) > 0:
                reasons.append(
                    _(
                        "%(product)s: %(bought)s bought by %(customer)s in the flash sale "
                        "%(flash_sale)s, over the limit of %(limit)s per customer.",
                        product=flash_sale.product_id.display_name,
                        bought=bought,
                        customer=customer.display_name or _("one customer"),
                        flash_sale=flash_sale.name,
                        limit=limit,
                    )
                )
        # a write on the locked rows: a concurrent transaction that counted before this
        # one committed fails to serialize and runs again, counting this order
        flash_sales.write({"last_order_date": fields.Datetime.now()})
        return reasons

    def _retail_timezone(self):
        """The time zone dates of the order are written in: its cashier's, else the
        company's, else UTC (whoever synchronises or reads the order)."""
        return self.user_id.tz or self.company_id.partner_id.tz or "UTC"

    def _retail_review_expired_lots(self):
        """Lots sold after their expiry date (a till offline, or a lot typed by hand):
        the sale happened, a manager looks at it. One query for all the order's lots."""
        self.ensure_one()
        lot_lines = self.lines.filtered(
            lambda line: line.qty > 0 and line.pack_lot_ids
        ).pack_lot_ids
        names = {lot_line.lot_name for lot_line in lot_lines if lot_line.lot_name}
        if not names:
            return []
        expired = (
            self.env["stock.lot"]
            .sudo()
            .search_fetch(
                [
                    ("name", "in", list(names)),
                    ("product_id", "in", lot_lines.product_id.ids),
                    ("product_id.use_expiration_date", "=", True),
                    ("expiration_date", "<=", self.date_order),
                    ("company_id", "in", (False, self.company_id.id)),
                ],
                ["name", "product_id", "expiration_date"],
            )
        )
        by_key = {(lot.product_id.id, lot.name): lot for lot in expired}
        reasons = []
        for lot_line in lot_lines:
            lot = by_key.get((lot_line.product_id.id, lot_line.lot_name))
            if lot:
                reasons.append(
                    self.env._(
                        "%(product)s: lot %(lot)s expired on %(date)s.",
                        product=lot.product_id.display_name,
                        lot=lot.name,
                        date=fields.Datetime.context_timestamp(
                            self.with_context(tz=self._retail_timezone()),
                            lot.expiration_date,
                        ).strftime("%Y-%m-%d"),
                    )
                )
        return reasons

    def _retail_review_return_rate(self):
        """A refund that takes its customer over their blocking return rate limit
        (退货率; the till refuses it when it is online): kept, and flagged. Only orders
        with refund lines and a customer are looked at."""
        self.ensure_one()
        if not self.partner_id or not any(line.qty < 0 for line in self.lines):
            return []
        excess = self.partner_id._retail_return_rate_excess()
        if not excess or excess.pop("action") != "block":
            return []
        return [
            self.env._(
                "Refund over the return rate limit: %(partner)s has returned "
                "%(rate)s %% of what they bought in the last %(days)s days, above "
                "their limit of %(limit)s %%.",
                **excess,
            )
        ]

    # -------------------------------------------------------------- actions
    def write(self, vals):
        if REVIEW_FIELDS.intersection(vals):
            self._retail_check_reviewer()
        return super().write(vals)

    def _retail_check_reviewer(self):
        if not (
            self.env.su or self.env.user.has_group("point_of_sale.group_pos_manager")
        ):
            raise AccessError(_("Only point of sale managers review flagged orders."))

    def action_retail_mark_reviewed(self):
        self._retail_check_reviewer()
        self.filtered(lambda order: order.retail_review_state == "to_review").write(
            {"retail_review_state": "reviewed", "retail_reviewed_by_id": self.env.uid}
        )
        return True
