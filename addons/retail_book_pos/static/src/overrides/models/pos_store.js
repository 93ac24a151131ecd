/**
 * Books at the till, the store patched once: a book line brings its accessories (配件);
 * the 件/包/本 button calls retailEnterPackQty.
 */
import { patch } from "@web/core/utils/patch";
import { PosStore } from "@point_of_sale/app/store/pos_store";
import { addAccessories, enterPackQty, isAccessory } from "@retail_book_pos/app/books/book_lines";

patch(PosStore.prototype, {
    /** A book line brings its accessories (配件), after the till's other features
     * (retail_pos_ext: expired lots refused, near-expiry markdown) had their say. */
    async addLineToOrder(vals, order, opts = {}, configure = true) {
        const result = await super.addLineToOrder(...arguments);
        if (result === false) {
            // refused (an expired lot): nothing was added
            return result;
        }
        // a merged line is deleted: the line that holds the quantity is the selected one
        const line = order?.get_selected_orderline();
        if (line && !isAccessory(line)) {
            await addAccessories(this, line);
        }
        return result;
    },

    // the 件/包/本 button calls the feature through the store
    retailEnterPackQty() {
        return enterPackQty(this);
    },
});
