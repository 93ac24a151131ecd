import { patch } from "@web/core/utils/patch";
import { PosStore } from "@point_of_sale/app/store/pos_store";

patch(PosStore.prototype, {
    /** What a paid order takes from (or a refund puts back into) the store's stock,
     * on the product cards of this till until the next load. */
    retailConsumeStoreStock(order) {
        for (const line of order.get_orderlines()) {
            const product = line.product_id;
            if (product?.is_storable && typeof product.retail_store_qty === "number") {
                product.retail_store_qty -= line.get_quantity();
            }
        }
    },
});
