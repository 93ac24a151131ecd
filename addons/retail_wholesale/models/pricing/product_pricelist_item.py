from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare, float_round


class ProductPricelistItem(models.Model):
    """价格矩阵: the fixed prices of a product in the customer grades' pricelists."""

    _inherit = "product.pricelist.item"

    retail_flash_sale_id = fields.Many2one(
        comodel_name="retail.flash.sale",
        string="Flash Sale",
        ondelete="cascade",
        index="btree_not_null",
        readonly=True,
        help="The flash sale that owns this rule: it is updated and removed with it.",
    )

    retail_is_price_matrix = fields.Boolean(
        string="In Price Matrix",
        compute="_compute_retail_is_price_matrix",
        search="_search_retail_is_price_matrix",
        help="价格矩阵: a fixed price of one product, without validity dates, in the "
        "pricelist of an active customer grade of the current company.",
    )

    @api.model
    def _retail_grade_pricelists(self):
        """Pricelists of the active customer grades of the current company."""
        return (
            self.env["retail.customer.grade"]
            .sudo()
            .search([("company_id", "=", self.env.company.id)])
            .pricelist_id
        )

    @api.model
    def _retail_price_matrix_domain(self):
        return [
            ("applied_on", "=", "1_product"),
            ("compute_price", "=", "fixed"),
            ("date_start", "=", False),
            ("date_end", "=", False),
            ("pricelist_id", "in", self._retail_grade_pricelists().ids),
        ]

    @api.model
    def _retail_matrix_item_vals(self, product, pricelist, quantity, price):
        """The values of a price of the matrix: ``price`` for ``product`` (a
        template) from ``quantity`` units in ``pricelist``."""
        return {
            "pricelist_id": pricelist.id,
            "applied_on": "1_product",
            "product_tmpl_id": product.id,
            "compute_price": "fixed",
            "min_quantity": quantity,
            "fixed_price": price,
        }

    @api.depends_context("company")
    @api.depends(
        "applied_on", "compute_price", "date_start", "date_end", "pricelist_id"
    )
    def _compute_retail_is_price_matrix(self):
        pricelists = self._retail_grade_pricelists()
        for item in self:
            item.retail_is_price_matrix = item._retail_has_matrix_shape(pricelists)

    def _retail_has_matrix_shape(self, grade_pricelists):
        """A fixed, undated price of one product in one of the grade pricelists."""
        self.ensure_one()
        return (
            self.applied_on == "1_product"
            and self.compute_price == "fixed"
            and not self.date_start
            and not self.date_end
            and self.pricelist_id in grade_pricelists
        )

    def _search_retail_is_price_matrix(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(_("Unsupported search on the price matrix."))
        domain = self._retail_price_matrix_domain()
        if (operator == "=") == value:
            return domain
        return [("id", "not in", self._search(domain))]

    def _retail_matrix_items(self):
        """The items of self in a price matrix, whatever the company of the grade."""
        grade_pricelists = (
            self.env["retail.customer.grade"].sudo().search([]).pricelist_id
        )
        return self.filtered(
            lambda item: item._retail_has_matrix_shape(grade_pricelists)
        )

    @api.constrains(
        "applied_on",
        "compute_price",
        "fixed_price",
        "min_quantity",
        "pricelist_id",
        "product_tmpl_id",
        "date_start",
        "date_end",
    )
    def _check_retail_price_matrix(self):
        items = self._retail_matrix_items()
        for item in items:
            if float_compare(item.fixed_price, 0.0, precision_digits=6) <= 0:
                raise ValidationError(
                    _(
                        "The price of %(product)s in pricelist %(pricelist)s must be "
                        "positive.",
                        product=item.product_tmpl_id.display_name,
                        pricelist=item.pricelist_id.display_name,
                    )
                )
            if item.min_quantity < 0:
                raise ValidationError(
                    _(
                        "The minimum quantity of %(product)s in pricelist %(pricelist)s "
                        "cannot be negative.",
                        product=item.product_tmpl_id.display_name,
                        pricelist=item.pricelist_id.display_name,
                    )
                )
        if not items:
            return
        tiers = self.sudo().search(
            [
                ("applied_on", "=", "1_product"),
                ("compute_price", "=", "fixed"),
                ("date_start", "=", False),
                ("date_end", "=", False),
                ("pricelist_id", "in", items.pricelist_id.ids),
                ("product_tmpl_id", "in", items.product_tmpl_id.ids),
            ]
        )
        seen = set()
        for item in tiers:
            key = (
                item.pricelist_id,
                item.product_tmpl_id,
                float_round(item.min_quantity, precision_digits=6),
            )
            if key in seen:
                quantity = f"{item.min_quantity:g}"
                raise ValidationError(
                    _(
                        "%(product)s already has a price from %(quantity)s units in "
                        "pricelist %(pricelist)s: each quantity break can appear only "
                        "once.",
                        product=item.product_tmpl_id.display_name,
                        quantity=quantity,
                        pricelist=item.pricelist_id.display_name,
                    )
                )
            seen.add(key)

    # the pricelists having rules based on another pricelist are cached (price computation)
    @api.model_create_multi
    def create(self, vals_list):
        items = super().create(vals_list)
        if any(item.base == "pricelist" for item in items):
            self.env.registry.clear_cache()
        return items

    def write(self, vals):
        based_before = any(item.base == "pricelist" for item in self)
        result = super().write(vals)
        if {"base", "base_pricelist_id", "pricelist_id", "active"} & set(vals) and (
            based_before or any(item.base == "pricelist" for item in self)
        ):
            self.env.registry.clear_cache()
        return result

    def unlink(self):
        based = any(item.base == "pricelist" for item in self)
        result = super().unlink()
        if based:
            self.env.registry.clear_cache()
        return result

    # ------------------------------------------------------------ flash sales
    @api.model
    def _retail_flash_sale_vals(self, flash_sale, pricelist):
        """The rule that gives ``flash_sale``'s price in ``pricelist``."""
        return {
            "retail_flash_sale_id": flash_sale.id,
            "pricelist_id": pricelist.id,
            "applied_on": "0_product_variant",
            "product_tmpl_id": flash_sale.product_id.product_tmpl_id.id,
            "product_id": flash_sale.product_id.id,
            "compute_price": "fixed",
            "fixed_price": flash_sale.price,
            "min_quantity": 0.0,
            "date_start": flash_sale.date_start,
            "date_end": flash_sale.date_end,
        }

    @api.model
    def _retail_sync_flash_sales(self, flash_sales):
        """One rule per pricelist of each active flash sale, none else.

        A variant rule without minimum quantity comes before the template, category and
        global rules of its pricelist (``_order``), so the flash price wins during the
        window, in sale orders and at the point of sale alike.
        """
        to_unlink = self.browse()
        to_create = []
        for flash_sale in flash_sales:
            own_items = flash_sale.pricelist_item_ids
            if not flash_sale.active:
                to_unlink |= own_items
                continue
            for pricelist in flash_sale.pricelist_ids:
                vals = self._retail_flash_sale_vals(flash_sale, pricelist)
                item = own_items.filtered(lambda i, pl=pricelist: i.pricelist_id == pl)
                if item:
                    item[:1].write(vals)
                    to_unlink |= item[1:]
                else:
                    to_create.append(vals)
            to_unlink |= own_items.filtered(
                lambda i, fs=flash_sale: i.pricelist_id not in fs.pricelist_ids
            )
        to_unlink.unlink()
        self.create(to_create)
