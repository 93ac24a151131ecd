from . import retail_product_ranking
