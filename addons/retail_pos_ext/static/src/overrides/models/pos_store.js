/**
 * The till's store, patched once: each method says which features take part and in
 * which order; the features themselves are plain modules under app/.
 */
import { patch } from "@web/core/utils/patch";
import { PosStore } from "@point_of_sale/app/store/pos_store";
import { holdOrder, resumeHeldOrder } from "@retail_pos_ext/app/held_orders/held_orders";
import {
    acceptScannedLot,
    applyMarkdown,
    checkedLots,
    isExpiryTracked,
    pickFirstExpiringLot,
} from "@retail_pos_ext/app/lot_expiry/lot_expiry";
import { collectPaymentReferences } from "@retail_pos_ext/app/payment/collect_references";
import { checkRefundRate } from "@retail_pos_ext/app/returns/refund_rate";
import { shiftHandover } from "@retail_pos_ext/app/shift_handover/shift_handover";
import { consumeStoreStock } from "@retail_pos_ext/app/stock_badges/store_stock";
import {
    ordersToChunk,
    RETAIL_SYNC_CHUNK_SIZE,
    syncInChunks,
} from "@retail_pos_ext/app/sync/sync_chunks";

patch(PosStore.prototype, {
    /**
     * A scanned lot that expired is refused before the line is added; a line whose lots
     * are all near their expiry takes the markdown price. Returns false when the line
     * was refused.
     */
    async addLineToOrder(vals, order, opts = {}, configure = true) {
        if (!(await acceptScannedLot(this, vals, opts.code))) {
            return false;
        }
        const result = await super.addLineToOrder(...arguments);
        // a merged line is deleted: the line that holds the quantity is the selected one
        const line = order?.get_selected_orderline();
        applyMarkdown(line);
        return result;
    },

    /**
     * Expiry-tracked products take the lot that expires first among those on hand in
     * the store (FEFO), without asking; lots typed or scanned are refused when expired.
     */
    async editLots(product, packLotLinesToEdit) {
        if (!isExpiryTracked(product) || packLotLinesToEdit.length) {
            return await checkedLots(this, product, await super.editLots(...arguments));
        }
        const picked = await pickFirstExpiringLot(this, product);
        return picked === undefined ? await super.editLots(...arguments) : picked;
    },

    getReceiptHeaderData(order) {
        return {
            ...super.getReceiptHeaderData(...arguments),
            retailStoreName: this.config.retail_store_name,
        };
    },

    /** Orders sent in requests of at most this many (a tour may lower it). */
    get retailSyncChunkSize() {
        return RETAIL_SYNC_CHUNK_SIZE;
    },

    /**
     * A backlog of pending orders is sent in chunks. Not an async function: when the
     * orders fit in one request, core's promise is returned as it is. An extra await
     * here delays the payment screen's resumption by a few microtasks, long enough for
     * pos_loyalty's order effect to drop the point changes of the gift cards just sold
     * before they are confirmed.
     */
    syncAllOrders(options = {}) {
        const orders = options.orders ? null : ordersToChunk(this);
        return orders ? syncInChunks(this, orders, options) : super.syncAllOrders(options);
    },

    // the till's buttons and screens call the features through the store
    retailHoldOrder() {
        return holdOrder(this);
    },
    retailResumeHeldOrder() {
        return resumeHeldOrder(this);
    },
    retailShiftHandover() {
        return shiftHandover(this);
    },
    retailCheckRefundRate(order) {
        return checkRefundRate(this, order);
    },
    retailCollectPaymentReferences(order) {
        return collectPaymentReferences(this, order);
    },
    retailConsumeStoreStock(order) {
        consumeStoreStock(order);
    },
});
