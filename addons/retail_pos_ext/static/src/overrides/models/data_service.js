import { patch } from "@web/core/utils/patch";
import { PosData } from "@point_of_sale/app/models/data_service";
import { updateStoreStock } from "@retail_pos_ext/app/stock_badges/store_stock";

const PRODUCT_READS = new Set(["read", "search_read"]);

patch(PosData.prototype, {
    /**
     * Products the till reads after start-up (searched on the server, "load more",
     * variants, held orders) carry the store quantity of the till's store: the server
     * computes it for the warehouse given in the context.
     */
    async execute(params) {
        if (params.model === "product.product" && PRODUCT_READS.has(params.type)) {
            const warehouseId = this.models["pos.config"]?.getFirst()?.raw?.retail_warehouse_id;
            if (warehouseId) {
                const options =
                    params.options && !Array.isArray(params.options) ? params.options : {};
                params = {
                    ...params,
                    options: {
                        ...options,
                        context: { ...(options.context || {}), retail_warehouse_id: warehouseId },
                    },
                };
            }
        }
        return await super.execute(params);
    },

    /** The synchronisation's answer carries the store quantities of the products the
     * orders sold (other tills' sales included): the stock badges take them. */
    async call(model, method) {
        const result = await super.call(...arguments);
        if (model === "pos.order" && method === "sync_from_ui" && result?.retail_refused) {
            // orders the server refused (a till of ours never sends them): the others
            // of the batch were saved
            for (const refused of result.retail_refused) {
                console.error(`Order ${refused.name} refused:`, refused.problems.join("; "));
            }
            delete result.retail_refused;
        }
        if (model === "pos.order" && method === "sync_from_ui" && result?.retail_store_qty) {
            updateStoreStock(this.models, result.retail_store_qty);
            delete result.retail_store_qty;
        }
        return result;
    },
});
