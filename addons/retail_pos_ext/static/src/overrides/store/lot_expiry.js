import { _t } from "@web/core/l10n/translation";
import { AlertDialog } from "@web/core/confirmation_dialog/confirmation_dialog";
import { patch } from "@web/core/utils/patch";
import { PosStore } from "@point_of_sale/app/store/pos_store";
import {
    getMarkdown,
    markNearExpiry,
    rememberMarkdown,
} from "@retail_pos_ext/app/lot_expiry/lot_expiry";

patch(PosStore.prototype, {
    retailIsExpiryTracked(product) {
        return product.tracking === "lot" && product.use_expiration_date;
    },

    /** Quantities of each lot of the product already in this till's open orders. */
    retailLotQuantitiesInUse(product) {
        const used = {};
        for (const lot of this.models["pos.pack.operation.lot"].getAll()) {
            const line = lot.pos_order_line_id;
            if (line?.product_id?.id === product.id && line.order_id?.state === "draft") {
                used[lot.lot_name] = (used[lot.lot_name] || 0) + (line.qty || 0);
            }
        }
        return used;
    },

    retailRefuseExpiredLots(product, lotNames) {
        this.dialog.add(AlertDialog, {
            title: _t("Expired lot"),
            body: _t(
                "%(product)s: lot %(lots)s is past its expiration date and cannot be sold. Take it off the shelf.",
                { product: product.display_name, lots: lotNames.join(", ") }
            ),
        });
    },

    /**
     * Expiry-tracked products take the lot that expires first among those on hand in
     * the store (FEFO), without asking; expired lots are refused.
     */
    async editLots(product, packLotLinesToEdit) {
        if (!this.retailIsExpiryTracked(product) || packLotLinesToEdit.length) {
            return await this.retailCheckedLots(product, await super.editLots(...arguments));
        }
        let lots;
        try {
            lots = await this.data.call(
                "pos.order.line",
                "get_existing_lots",
                [this.company.id, product.id],
                { context: { config_id: this.config.id } }
            );
        } catch {
            return await super.editLots(...arguments);
        }
        const used = this.retailLotQuantitiesInUse(product);
        const available = lots.filter((lot) => lot.product_qty > (used[lot.name] || 0));
        const lot = available.find((lot) => !lot.retail_expired);
        if (lot) {
            if (lot.retail_near_expiry) {
                markNearExpiry(product.id, lot.name);
            }
            if (lot.retail_markdown_price !== false && lot.retail_markdown_price !== undefined) {
                rememberMarkdown(
                    product.id,
                    lot.name,
                    lot.retail_markdown_price,
                    lot.retail_markdown_percent
                );
            }
            return { newPackLotLines: [{ lot_name: lot.name }] };
        }
        const expired = available.filter((lot) => lot.retail_expired);
        if (expired.length) {
            this.retailRefuseExpiredLots(
                product,
                expired.map((lot) => lot.name)
            );
            return null;
        }
        return await super.editLots(...arguments);
    },

    /** Lots typed or scanned by the cashier: refused when expired. */
    async retailCheckedLots(product, packLots) {
        if (!packLots || !this.retailIsExpiryTracked(product)) {
            return packLots;
        }
        const names = [
            ...(packLots.newPackLotLines || []).map((lot) => lot.lot_name),
            ...Object.values(packLots.modifiedPackLotLines || {}),
        ].filter(Boolean);
        if (!names.length) {
            return packLots;
        }
        const { expired, markdowns } = await this.data.call(
            "pos.order.line",
            "retail_lot_status",
            [this.company.id, product.id, names]
        );
        for (const [name, markdown] of Object.entries(markdowns)) {
            rememberMarkdown(product.id, name, markdown.price, markdown.percent);
        }
        if (expired.length) {
            this.retailRefuseExpiredLots(product, expired);
            return null;
        }
        return packLots;
    },

    async addLineToOrder(vals, order, opts = {}, configure = true) {
        const code = opts.code;
        if (code?.type === "lot") {
            const product =
                typeof vals.product_id === "number"
                    ? this.models["product.product"].get(vals.product_id)
                    : vals.product_id;
            if (product && this.retailIsExpiryTracked(product)) {
                const checked = await this.retailCheckedLots(product, {
                    newPackLotLines: [{ lot_name: code.code }],
                });
                if (!checked) {
                    return;
                }
            }
        }
        const result = await super.addLineToOrder(...arguments);
        this.retailApplyMarkdown(order?.get_selected_orderline());
        return result;
    },

    /**
     * 临期促销: a line whose lots are all within the company's near-expiry markdown
     * window is sold at the markdown price (the near-expiry board's suggested price)
     * when that is lower than its price; the server checks the lots again.
     */
    retailApplyMarkdown(line) {
        if (!line || line.retail_markdown_percent || !line.pack_lot_ids?.length) {
            return;
        }
        const markdowns = line.pack_lot_ids.map((lot) =>
            getMarkdown(line.product_id.id, lot.lot_name)
        );
        if (markdowns.some((markdown) => !markdown)) {
            return;
        }
        const price = Math.max(...markdowns.map((markdown) => markdown.price));
        if (price >= line.get_unit_price()) {
            return;
        }
        line.set_unit_price(price);
        line.price_type = "manual";
        line.retail_markdown_percent = markdowns[0].percent;
    },
});
