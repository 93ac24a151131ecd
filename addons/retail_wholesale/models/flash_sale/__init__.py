from . import retail_flash_sale
