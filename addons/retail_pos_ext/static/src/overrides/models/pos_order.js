import { PosOrder } from "@point_of_sale/app/models/pos_order";
import { patch } from "@web/core/utils/patch";
import { amountToChineseCapitals } from "@retail_pos_ext/app/receipt/amount_in_words";

patch(PosOrder.prototype, {
    /** What a Chinese receipt adds: the member, the points earned and the total in capitals. */
    export_for_printing(baseUrl, headerData) {
        const result = super.export_for_printing(...arguments);
        const toPay = this.get_total_with_tax() + this.get_rounding_applied();
        result.retailAmountInWords = amountToChineseCapitals(toPay);
        const partner = this.get_partner();
        if (partner) {
            const stats = (result.loyaltyStats || []).filter(
                (stat) => stat.program.program_type === "loyalty"
            );
            const card = stats.length && this.models["loyalty.card"].get(stats[0].couponId);
            result.retailMember = {
                name: partner.name,
                cardCode: (card && card.code) || "",
                pointsWon: stats.reduce((total, stat) => total + stat.points.won, 0),
                hasLoyalty: stats.length > 0,
            };
        }
        return result;
    },
});
