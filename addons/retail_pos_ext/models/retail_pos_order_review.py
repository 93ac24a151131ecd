import logging
from collections import defaultdict

from odoo import _, api, models

from odoo.addons.retail_wholesale.tools.pricing import net_unit_price

_logger = logging.getLogger(__name__)


class RetailPosOrderReview(models.AbstractModel):
    """What the server checks of an order a till has paid, once it is saved
    (``pos.order._process_saved_order``): its lines' totals, its total and payments,
    its prices, its flash sales, its expired lots and its refunds' return rate,
    against what the server computes.

    Nothing is refused: an order made offline has already been paid and handed over,
    so it is saved as sent, and the differences flag it for a manager's review
    (``retail_review_state`` on ``pos.order``)."""

    _name = "retail.pos.order.review"
    _description = "Point of Sale Order Review"

    @api.model
    def _retail_review(self, order):
        """Compare what the till sent with what the server computes; flag differences.

        Prices are checked against the order's pricelist (which must be one the till
        or the customer's grade allows), floor prices and flash sale limits; totals
        against the lines; payments against the total.
        """
        order.ensure_one()
        reasons = self._retail_problems(order)
        if reasons:
            _logger.info("POS order %s flagged for review: %s", order.name, reasons)
            # the cashier who synced the order may not set its review
            order.sudo().write(
                {
                    "retail_review_state": "to_review",
                    "retail_review_note": "\n".join(reasons),
                }
            )

    @api.model
    def _retail_problems(self, order):
        """What the review finds wrong with the order, in words: the checks of the
        till's addons add theirs here."""
        reasons = self._retail_amount_problems(order)
        reasons += self._retail_price_problems(order)
        reasons += self._retail_flash_sale_problems(order)
        reasons += order.lines.filtered(
            lambda line: line.qty > 0
        )._retail_expired_lot_problems()
        reasons += self._retail_return_rate_problems(order)
        return reasons

    @api.model
    def _retail_amount_problems(self, order):
        """The lines' totals, the order's total and its payments against what the
        server computes from the lines."""
        currency = order.currency_id
        reasons = []
        computed_total = 0.0
        for line in order.lines:
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
        if currency.compare_amounts(computed_total, order.amount_total):
            reasons.append(
                _(
                    "Order total %(sent)s, computed from its lines %(computed)s.",
                    sent=order.amount_total,
                    computed=currency.round(computed_total),
                )
            )
        expected_paid = order._get_rounded_amount(computed_total)
        paid = currency.compare_amounts(order.amount_paid, expected_paid)
        if paid < 0 and not order.refunded_order_id:
            reasons.append(
                _(
                    "Paid %(paid)s of %(total)s.",
                    paid=order.amount_paid,
                    total=currency.round(expected_paid),
                )
            )
        elif paid > 0 and not order.refunded_order_id:
            # the change given in cash is a payment of its own: what is left is paid
            # beyond the total
            reasons.append(
                _(
                    "Paid %(paid)s, more than the total %(total)s.",
                    paid=order.amount_paid,
                    total=currency.round(expected_paid),
                )
            )
        return reasons

    @api.model
    def _retail_allowed_pricelists(self, order):
        config = order.config_id
        allowed = config.available_pricelist_ids | config.pricelist_id
        if order.partner_id:
            allowed |= order.partner_id.property_product_pricelist
        return allowed

    @api.model
    def _retail_price_problems(self, order):
        """The order's pricelist must be one the till or the customer's grade offers;
        its lines' prices, taxes and floor prices are the lines' (lines at the
        near-expiry markdown are checked against their lots instead)."""
        order.ensure_one()
        reasons = []
        pricelist = order.pricelist_id
        if pricelist and pricelist not in self._retail_allowed_pricelists(order):
            reasons.append(
                _(
                    "Pricelist %(pricelist)s is neither offered by the till nor the "
                    "customer's.",
                    pricelist=pricelist.name,
                )
            )
        lines = order._retail_priced_lines()
        markdown_lines = lines._retail_at_markdown()
        return (
            reasons
            + (lines - markdown_lines)._retail_price_problems()
            + markdown_lines._retail_markdown_problems()
        )

    @api.model
    def _retail_flash_sale_problems(self, order):
        """Count flash sale units sold at the till, under the flash sales' row locks so
        that concurrent orders (at tills or in the back office) see each other."""
        order.ensure_one()
        lines = order._retail_priced_lines()
        if not lines:
            return []
        FlashSale = self.env["retail.flash.sale"].sudo()
        flash_sales = FlashSale.search(
            [
                ("product_id", "in", lines.product_id.ids),
                ("company_id", "=", order.company_id.id),
                ("date_start", "<=", order.date_order),
                ("date_end", ">=", order.date_order),
            ]
        )
        if not flash_sales:
            return []
        currency = order.currency_id
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
        customer = order.partner_id.commercial_partner_id
        ordered = defaultdict(float)
        for line in flash_lines:
            ordered[line.retail_flash_sale_id.sudo(), customer] += line.qty
        flash_sales = flash_lines.retail_flash_sale_id.sudo()
        excess = flash_sales._retail_limit_excess(ordered, counted=True)
        flash_sales._retail_count_order()
        return [self._retail_flash_sale_reason(item) for item in excess]

    @api.model
    def _retail_flash_sale_reason(self, item):
        flash_sale, customer = item["flash_sale"], item["customer"]
        if customer is None:
            return _(
                "%(product)s: %(total)s sold in the flash sale %(flash_sale)s, "
                "over its total of %(cap)s.",
                product=flash_sale.product_id.display_name,
                total=item["sold"] + item["qty"],
                flash_sale=flash_sale.name,
                cap=item["limit"],
            )
        return _(
            "%(product)s: %(bought)s bought by %(customer)s in the flash sale "
            "%(flash_sale)s, over the limit of %(limit)s per customer.",
            product=flash_sale.product_id.display_name,
            bought=item["sold"] + item["qty"],
            customer=customer.display_name or _("one customer"),
            flash_sale=flash_sale.name,
            limit=item["limit"],
        )

    @api.model
    def _retail_return_rate_problems(self, order):
        """A refund that takes its customer over their blocking return rate limit
        (退货率; the till refuses it when it is online): kept, and flagged. Only orders
        with refund lines and a customer are looked at."""
        order.ensure_one()
        if not order.partner_id or not any(line.qty < 0 for line in order.lines):
            return []
        excess = order.partner_id._retail_return_rate_excess()
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
