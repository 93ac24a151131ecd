/** What a paid order takes from (or a refund puts back into) the store's stock, on the
 * product cards of this till until the next load. */
export function consumeStoreStock(order) {
    for (const line of order.get_orderlines()) {
        const product = line.product_id;
        if (product?.is_storable && typeof product.retail_store_qty === "number") {
            product.retail_store_qty -= line.get_quantity();
        }
    }
}

/** Store quantities the server sent with a synchronisation's answer, by product id. */
export function updateStoreStock(models, quantities) {
    for (const [id, quantity] of Object.entries(quantities)) {
        const product = models["product.product"].get(parseInt(id));
        if (product) {
            product.retail_store_qty = quantity;
        }
    }
}
