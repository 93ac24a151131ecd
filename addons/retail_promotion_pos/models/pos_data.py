from odoo import api, models


class LoyaltyProgram(models.Model):
    _inherit = "loyalty.program"

    @api.model
    def _load_pos_data_fields(self, config_id):
        """The promotions' stacking, which the till applies as the server does."""
        return [
            *super()._load_pos_data_fields(config_id),
            "retail_promotion_id",
            "retail_promotion_name",
            "retail_priority",
            "retail_stack_ok",
            "retail_member_price_ok",
            "retail_flash_sale_ok",
            "retail_markdown_ok",
            "retail_coupon_threshold",
        ]


class ProductPricelist(models.Model):
    _inherit = "product.pricelist"

    @api.model
    def _load_pos_data_fields(self, config_id):
        return [*super()._load_pos_data_fields(config_id), "retail_member_price"]


class ProductPricelistItem(models.Model):
    _inherit = "product.pricelist.item"

    @api.model
    def _load_pos_data_fields(self, config_id):
        """A rule of a flash sale prices its goods at the flash sale price."""
        return [*super()._load_pos_data_fields(config_id), "retail_flash_sale_id"]
