/**
 * Orders sent to the server in one request at most. Core sends every pending order in
 * one call: a till that was offline for a day sends hundreds of orders at once, which
 * exceeds the server's time limit, is rolled back and sent again identically, forever.
 * In chunks, each request is short and what was saved stays saved.
 */
export const RETAIL_SYNC_CHUNK_SIZE = 50;

/** The pending orders not being sent already, when they do not fit in one request;
 * null when core's single request will do. */
export function ordersToChunk(pos) {
    const { orderToCreate, orderToUpdate } = pos.getPendingOrder();
    const orders = [...orderToCreate, ...orderToUpdate].filter(
        (order) => !pos.syncingOrders.has(order.id),
    );
    return orders.length > pos.retailSyncChunkSize ? orders : null;
}

/** Sends the orders chunk by chunk through the till's own synchronisation. */
export async function syncInChunks(pos, orders, options) {
    const size = pos.retailSyncChunkSize;
    // the order on screen first: its cashier waits for it, not for the backlog
    const current = pos.get_order();
    orders.sort((a, b) => (b === current) - (a === current));
    const synced = [];
    for (let start = 0; start < orders.length; start += size) {
        const result = await pos.syncAllOrders({
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
}
