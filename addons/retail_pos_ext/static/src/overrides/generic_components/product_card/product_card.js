import { patch } from "@web/core/utils/patch";
import { ProductCard } from "@point_of_sale/app/generic_components/product_card/product_card";

patch(ProductCard.prototype, {
    /** On-hand quantity of the till's store, for storable products loaded with it. */
    get retailStoreQty() {
        const product = this.props.product;
        if (!product?.is_storable || typeof product.retail_store_qty !== "number") {
            return null;
        }
        return parseFloat(product.retail_store_qty.toFixed(3));
    },
});
