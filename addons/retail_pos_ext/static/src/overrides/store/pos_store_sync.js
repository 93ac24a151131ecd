import { PosStore } from "@point_of_sale/app/store/pos_store";
import { patch } from "@web/core/utils/patch";

/**
 * Orders sent to the server in one request at most. Core sends every pending order in
 * one call: a till that was offline for a day sends hundreds of orders at once, which
 * exceeds the server's time limit, is rolled back and sent again identically, forever.
 * In chunks, each request is short and what was saved stays saved.
 */
export const RETAIL_SYNC_CHUNK_SIZE = 50;

patch(PosStore.prototype, {
    get retailSyncChunkSize() {
        return RETAIL_SYNC_CHUNK_SIZE;
    },

    /**
     * Not an async function: when the orders fit in one request, core's promise is
     * returned as it is. An extra await here delays the payment screen's resumption
     * by a few microtasks, long enough for pos_loyalty's order effect to drop the
     * point changes of the gift cards just sold before they are confirmed.
     */
    syncAllOrders(options = {}) {
        if (options.orders) {
            return super.syncAllOrders(options);
        }
        const { orderToCreate, orderToUpdate } = this.getPendingOrder();
        const orders = [...orderToCreate, ...orderToUpdate].filter(
            (order) => !this.syncingOrders.has(order.id)
        );
        if (orders.length <= this.retailSyncChunkSize) {
            return super.syncAllOrders(options);
        }
        return this.retailSyncInChunks(orders, options);
    },

    async retailSyncInChunks(orders, options) {
        const size = this.retailSyncChunkSize;
        // the order on screen first: its cashier waits for it, not for the backlog
        const current = this.get_order();
        orders.sort((a, b) => (b === current) - (a === current));
        const synced = [];
        for (let start = 0; start < orders.length; start += size) {
            const result = await this.syncAllOrders({
                ...options,
                orders: orders.slice(start, start + size),
            });
            if (!Array.isArray(result)) {
                // an error (offline, server error): what was sent before stays saved,
                // the rest stays pending for the next attempt
                return synced.length ? synced : result;
            }
            synced.push(...result);
        }
        return synced;
    },
});
