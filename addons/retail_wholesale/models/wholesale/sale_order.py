from collections import defaultdict

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_compare, float_is_zero, format_date, formatLang

from ...tools.pricing import net_unit_price


class SaleOrder(models.Model):
    _inherit = "sale.order"

    retail_channel_id = fields.Many2one(
        comodel_name="retail.channel",
        string="Channel",
        compute="_compute_retail_channel_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        check_company=True,
        tracking=True,
    )
    retail_grade_id = fields.Many2one(
        comodel_name="retail.customer.grade",
        string="Customer Grade",
        compute="_compute_retail_grade_id",
        store=True,
        index=True,
    )
    retail_price_approved_by_id = fields.Many2one(
        comodel_name="res.users",
        string="Prices Approved by",
        readonly=True,
        copy=False,
        help="Manager who approved the lines sold below their floor price.",
    )
    retail_credit_approved_by_id = fields.Many2one(
        comodel_name="res.users",
        string="Credit Limit Overridden by",
        readonly=True,
        copy=False,
    )
    retail_rule_warning = fields.Text(
        string="Wholesale Rule Warnings", compute="_compute_retail_rule_warning"
    )
    retail_expiry_warning = fields.Text(
        string="Expired Stock Warnings",
        compute="_compute_retail_expiry_warning",
        help="Expired lots of the products of this quotation: they are never reserved or "
        "delivered, so only the rest of the stock can be sold.",
    )

    @api.depends("company_id")
    def _compute_retail_channel_id(self):
        for order in self:
            if (
                not order.retail_channel_id
                or order.retail_channel_id.company_id != order.company_id
            ):
                order.retail_channel_id = self.env[
                    "retail.channel"
                ]._default_for_company(order.company_id)

    @api.depends("partner_id", "company_id")
    def _compute_retail_grade_id(self):
        for order in self:
            partner = order.partner_id.commercial_partner_id.with_company(
                order.company_id
            )
            order.retail_grade_id = partner.retail_grade_id

    @api.depends("retail_channel_id")
    def _compute_pricelist_id(self):
        res = super()._compute_pricelist_id()
        for order in self:
            channel = order.retail_channel_id
            if (
                order.state == "draft"
                and channel.pricelist_id
                and not order.retail_grade_id
            ):
                order.pricelist_id = channel.pricelist_id
        return res

    @api.depends("retail_channel_id")
    def _compute_team_id(self):
        res = super()._compute_team_id()
        for order in self.filtered("retail_channel_id.team_id"):
            order.team_id = order.retail_channel_id.team_id
        return res

    def _create_invoices(self, grouped=False, final=False, date=None):
        # 退货原因: credit notes of returned goods take the reason of their latest return
        moves = super()._create_invoices(grouped=grouped, final=final, date=date)
        moves._retail_set_return_reason()
        return moves

    @api.depends("retail_channel_id")
    def _compute_journal_id(self):
        res = super()._compute_journal_id()
        for order in self.filtered("retail_channel_id.journal_id"):
            order.journal_id = order.retail_channel_id.journal_id
        return res

    @api.depends(
        "order_line.product_uom_qty", "order_line.price_unit", "order_line.discount"
    )
    def _compute_retail_rule_warning(self):
        for order in self:
            problems = order._retail_rule_problems(include_credit=False)
            order.retail_rule_warning = "\n".join(
                message for _kind, message in problems
            )

    @api.depends(
        "order_line.product_id", "order_line.product_uom_qty", "order_line.warehouse_id"
    )
    def _compute_retail_expiry_warning(self):
        expired = self.order_line._retail_expired_stock()
        for order in self:
            messages = []
            for line in order.order_line:
                if line not in expired or line.free_qty_today >= line.product_uom_qty:
                    continue
                lots = ", ".join(
                    self.env._(
                        "%(lot)s (%(qty)s, expired on %(date)s)",
                        lot=lot.name,
                        qty=formatLang(self.env, quantity),
                        date=format_date(self.env, lot.expiration_date),
                    )
                    for lot, quantity in expired[line]
                )
                messages.append(
                    _(
                        "%(product)s: only %(free)s of the stock in %(warehouse)s can "
                        "be sold; expired lots are never delivered: %(lots)s.",
                        product=line.product_id.display_name,
                        free=formatLang(self.env, max(line.free_qty_today, 0)),
                        warehouse=line.warehouse_id.name,
                        lots=lots,
                    )
                )
            order.retail_expiry_warning = "\n".join(messages)

    # ------------------------------------------------------------------ rules
    def _retail_rule_problems(self, include_credit=True):
        """[(kind, message)] for the wholesale rules this order breaks.

        kind: 'quantity' (minimum order or pack multiple: always blocking), 'floor' (below
        the floor price: needs a manager's approval), 'credit' (over the credit limit: needs a
        manager's override).
        """
        self.ensure_one()
        problems = []
        for line in self.order_line.filtered(
            lambda line: line.product_id and not line.display_type
        ):
            product = line.product_id
            qty = line.product_uom._compute_quantity(
                line.product_uom_qty, product.uom_id
            )
            rounding = product.uom_id.rounding
            if (
                product.retail_min_qty
                and float_compare(
                    qty, product.retail_min_qty, precision_rounding=rounding
                )
                < 0
            ):
                problems.append(
                    (
                        "quantity",
                        _(
                            "%(product)s: %(qty)s ordered, the minimum order quantity is %(min)s.",
                            product=product.display_name,
                            qty=qty,
                            min=product.retail_min_qty,
                        ),
                    )
                )
            pack = product.retail_pack_qty
            if (
                pack
                and not float_is_zero(qty % pack, precision_rounding=rounding)
                and not float_is_zero(pack - qty % pack, precision_rounding=rounding)
            ):
                problems.append(
                    (
                        "quantity",
                        _(
                            "%(product)s: %(qty)s ordered is not a multiple of the case of %(pack)s.",
                            product=product.display_name,
                            qty=qty,
                            pack=pack,
                        ),
                    )
                )
            below_floor = not self.retail_price_approved_by_id and (
                product._retail_below_floor(
                    net_unit_price(line),
                    self.currency_id,
                    self.company_id,
                    self.date_order,
                )
            )
            if below_floor:
                problems.append(("floor", below_floor))
        if (
            include_credit
            and self.company_id.account_use_credit_limit
            and not self.retail_credit_approved_by_id
        ):
            # credit and credit_to_invoice are not stored: read them afresh, and leave
            # nothing cached, since confirming this order changes them
            partner = self.partner_id.commercial_partner_id
            partner.invalidate_recordset(["credit", "credit_to_invoice"])
            warning = self.env["account.move"]._build_credit_warning_message(
                self.sudo(),
                current_amount=self.amount_total / (self.currency_rate or 1.0),
            )
            partner.invalidate_recordset(["credit", "credit_to_invoice"])
            if warning:
                problems.append(("credit", warning))
        return problems

    def _retail_check_wholesale_rules(self):
        messages = []
        for order in self:
            problems = order._retail_rule_problems()
            if not problems:
                continue
            lines = [message for _kind, message in problems]
            if any(kind == "floor" for kind, _m in problems):
                lines.append(
                    _("A sales manager must approve the prices below floor first.")
                )
            if any(kind == "credit" for kind, _m in problems):
                lines.append(_("A sales manager must override the credit limit first."))
            messages.append(
                _("%(order)s cannot be confirmed:", order=order.name)
                + "\n"
                + "\n".join(lines)
            )
        if messages:
            raise UserError("\n\n".join(messages))

    def action_confirm(self):
        self._retail_check_wholesale_rules()
        self._retail_check_flash_sales()
        return super().action_confirm()

    def _retail_check_manager(self):
        if not self.env.user.has_group("sales_team.group_sale_manager"):
            raise AccessError(
                _("Only a sales manager can approve wholesale rule exceptions.")
            )

    def action_retail_approve_prices(self):
        self._retail_check_manager()
        for order in self:
            below = [
                m
                for kind, m in order._retail_rule_problems(include_credit=False)
                if kind == "floor"
            ]
            order.retail_price_approved_by_id = self.env.user
            order.message_post(
                body=Markup("<br/>").join(
                    [
                        _(
                            "Prices below floor approved by %(user)s:",
                            user=self.env.user.name,
                        ),
                        *below,
                    ]
                )
            )
        return True

    def action_retail_override_credit(self):
        self._retail_check_manager()
        for order in self:
            order.retail_credit_approved_by_id = self.env.user
            order.message_post(
                body=_(
                    "Credit limit of %(partner)s overridden by %(user)s for %(amount)s.",
                    partner=order.partner_id.commercial_partner_id.name,
                    user=self.env.user.name,
                    amount=order.amount_total,
                )
            )
        return True

    def _retail_check_flash_sales(self):
        """Refuse orders that would sell more than a flash sale's limits allow (the
        flash sale counts, under its lock: ``_retail_limit_excess``)."""
        lines = self.filtered(
            lambda order: order.state in ("draft", "sent")
        ).order_line.filtered("retail_flash_sale_id")
        if not lines:
            return
        ordered = defaultdict(float)
        for line in lines:
            flash_sale = line.retail_flash_sale_id.sudo()
            customer = line.order_id.partner_id.commercial_partner_id
            ordered[flash_sale, customer] += line.product_uom._compute_quantity(
                line.product_uom_qty, flash_sale.product_id.uom_id
            )
        flash_sales = lines.retail_flash_sale_id.sudo()
        excess = flash_sales._retail_limit_excess(ordered)
        if excess:
            # the customers' limits first, then what is left of the flash sales
            excess.sort(key=lambda item: item["customer"] is None)
            raise UserError(
                _("This order cannot be confirmed:")
                + "\n"
                + "\n".join(self._retail_flash_sale_message(item) for item in excess)
            )
        flash_sales._retail_count_order()

    def _retail_flash_sale_message(self, item):
        flash_sale, customer = item["flash_sale"], item["customer"]

        def fmt(qty):
            return formatLang(self.env, qty, dp="Product Unit of Measure")

        if customer is not None:
            return _(
                "%(customer)s may buy at most %(limit)s %(uom)s of %(product)s in "
                "the flash sale %(flash_sale)s: %(bought)s already bought, "
                "%(qty)s ordered.",
                customer=customer.display_name,
                limit=fmt(item["limit"]),
                uom=flash_sale.product_id.uom_id.name,
                product=flash_sale.product_id.display_name,
                flash_sale=flash_sale.name,
                bought=fmt(item["sold"]),
                qty=fmt(item["qty"]),
            )
        return _(
            "Only %(left)s %(uom)s of %(product)s are left in the flash sale "
            "%(flash_sale)s (%(cap)s in all): %(qty)s ordered.",
            left=fmt(max(item["limit"] - item["sold"], 0.0)),
            uom=flash_sale.product_id.uom_id.name,
            product=flash_sale.product_id.display_name,
            flash_sale=flash_sale.name,
            cap=fmt(item["limit"]),
            qty=fmt(item["qty"]),
        )
