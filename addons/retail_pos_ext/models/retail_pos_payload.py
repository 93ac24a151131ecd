from collections import defaultdict
from numbers import Number

from odoo import _, api, models
from odoo.exceptions import ValidationError

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


class RetailPosPayload(models.AbstractModel):
    """What a till may send to the synchronisation (``pos.order.sync_from_ui``): the
    keys and types the server reads, commands only on the records of the order sent
    (a till changes only its own order), and references (session, customer, pricelist,
    fiscal position, products, payment methods, lots, employee) that exist, are of the
    till's company and are the till's. The orders that break these rules are refused,
    each naming its problems; the others of the batch are saved."""

    _name = "retail.pos.payload"
    _description = "Point of Sale Order Payload Checks"

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
        Order = self.env["pos.order"]
        existing = {
            order.uuid: order
            for order in Order.search(
                [("uuid", "in", [order["uuid"] for _position, order in readable])]
            )
        }
        references = self._retail_payload_references([order for _p, order in readable])
        for position, order in readable:
            name = self._retail_payload_name(order, position)
            problems[position] += self._retail_foreign_commands(
                Order, order, existing.get(order["uuid"], Order), name
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
        order_fields = self.env["pos.order"]._fields
        if "employee_id" in order_fields:
            fields_["employee_id"] = order_fields["employee_id"].comodel_name
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
