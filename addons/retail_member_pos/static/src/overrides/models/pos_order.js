import { PosOrder } from "@point_of_sale/app/models/pos_order";
import { registry } from "@web/core/registry";
import { roundPrecision } from "@web/core/utils/numbers";
import { patch } from "@web/core/utils/patch";

const formatCurrency = registry.subRegistries.formatters.content.monetary[1];

patch(PosOrder.prototype, {
    /** 积分: a member's points of loyalty programs times their level's multiplier, as
     * on the server's orders. */
    pointsForPrograms(programs) {
        const result = super.pointsForPrograms(...arguments);
        const factor = this._retailPointsFactor();
        if (factor === 1) {
            return result;
        }
        for (const program of programs) {
            if (program.program_type === "loyalty" && result[program.id]) {
                for (const entry of result[program.id]) {
                    entry.points = roundPrecision(entry.points * factor, 0.01);
                }
            }
        }
        return result;
    },
    /** The multiplier of the level the member had when they were picked: points are
     * counted again after the order is saved, when the till has learnt the level this
     * order may have taken them to, which counts from their next order on. */
    _retailPointsFactor() {
        const partner = this.get_partner();
        if (!partner) {
            return 1;
        }
        if (this.uiState.retailPointsFactor?.partnerId !== partner.id) {
            this.uiState.retailPointsFactor = {
                partnerId: partner.id,
                factor: partner.retail_points_multiplier || 1,
            };
        }
        return this.uiState.retailPointsFactor.factor;
    },
    /** The member's level (会员等级) on the receipt: the one reached with this order,
     * as the server answered the order's synchronisation; and the top-up bonus. */
    export_for_printing(baseUrl, headerData) {
        const result = super.export_for_printing(...arguments);
        result.retailMemberLevel = this.get_partner()?.retail_member_level_name || "";
        // 充值赠送: the bonus the server gave with this order's top-up
        result.retailStoredValueBonus = this.retail_stored_value_bonus
            ? formatCurrency(this.retail_stored_value_bonus)
            : "";
        return result;
    },
});
