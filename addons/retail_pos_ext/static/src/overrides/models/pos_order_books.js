import { patch } from "@web/core/utils/patch";
import { PosOrder } from "@point_of_sale/app/models/pos_order";
import { formatCurrency } from "@point_of_sale/app/models/utils/currency";
import { discountLabel } from "@retail_pos_ext/app/books/pack_qty";

patch(PosOrder.prototype, {
    /** Removing a book line removes the accessories added with it. */
    removeOrderline(line) {
        const accessories = line.retailAccessoryLines?.() || [];
        const result = super.removeOrderline(...arguments);
        for (const accessory of accessories) {
            if (this.lines.includes(accessory)) {
                super.removeOrderline(accessory);
            }
        }
        return result;
    },

    /** 码洋合计 / 实洋合计 of the order's books on the receipt. */
    export_for_printing(baseUrl, headerData) {
        const result = super.export_for_printing(...arguments);
        const books = this.get_orderlines()
            .map((line) => line.retailBookAmounts())
            .filter(Boolean);
        if (books.length) {
            const cover = books.reduce((total, book) => total + book.cover, 0);
            const net = books.reduce((total, book) => total + book.net, 0);
            result.retailBookTotals = {
                cover: formatCurrency(cover, this.currency),
                net: formatCurrency(net, this.currency),
                discount: cover ? discountLabel((100 * net) / cover) : "",
            };
        }
        return result;
    },
});
