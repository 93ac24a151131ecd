from . import retail_store_order_reject
