import { _t } from "@web/core/l10n/translation";
import { patch } from "@web/core/utils/patch";
import { PosOrderline } from "@point_of_sale/app/models/pos_order_line";
import { isNearExpiry } from "@retail_pos_ext/app/lot_expiry/lot_expiry";

patch(PosOrderline.prototype, {
    getDisplayData() {
        return {
            ...super.getDisplayData(...arguments),
            // core writes these labels untranslated
            packLotLines: this.pack_lot_ids.map((lot) =>
                this.product_id.tracking === "lot"
                    ? _t("Lot Number %(lot)s", { lot: lot.lot_name })
                    : _t("SN %(lot)s", { lot: lot.lot_name })
            ),
            retailNearExpiry: this.pack_lot_ids.some((lot) =>
                isNearExpiry(this.product_id.id, lot.lot_name)
            ),
            retailMarkdown: this.retail_markdown_percent
                ? _t("Near-expiry markdown -%(percent)s", {
                      percent: `${parseFloat(this.retail_markdown_percent.toFixed(2))}%`,
                  })
                : "",
        };
    },
});
