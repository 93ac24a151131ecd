import { PosOrder } from "@point_of_sale/app/models/pos_order";
import { _t } from "@web/core/l10n/translation";
import { patch } from "@web/core/utils/patch";

/** The promotion a loyalty program belongs to (its id), if any. */
function promotionOf(program) {
    return program?.raw?.retail_promotion_id || false;
}

/**
 * 互斥/叠加 at the till, the rule of the server's `retail.promotion._retail_skipped`
 * (which checks the till's orders again): the promotions reached, highest priority
 * first then the older first; one left out of orders at member prices, with flash sale
 * goods or with near-expiry markdowns when it says so, a coupon given with an earlier
 * order (满额送券) below the amount it is usable from; one that does not stack applies
 * alone when it comes first and is left out when another comes before it.
 *
 * @param {Array} programs loyalty programs of the promotions the order reaches
 * @param {{memberPrice: boolean, flashSale: boolean, markdown: boolean, amount: number}} facts
 * @returns {Map<number, {name: string, reason: string}>} the promotions left out
 */
export function retailSkippedPromotions(programs, facts) {
    const promotions = new Map();
    for (const program of programs) {
        const id = promotionOf(program);
        if (id && !promotions.has(id)) {
            promotions.set(id, program);
        }
    }
    const ordered = [...promotions.entries()].sort(
        ([idA, a], [idB, b]) => (b.retail_priority || 0) - (a.retail_priority || 0) || idA - idB,
    );
    const skipped = new Map();
    const eligible = [];
    for (const [id, program] of ordered) {
        let reason = false;
        if (facts.memberPrice && !program.retail_member_price_ok) {
            reason = _t("not given with member prices");
        } else if (facts.flashSale && !program.retail_flash_sale_ok) {
            reason = _t("not given with flash sale goods");
        } else if (facts.markdown && !program.retail_markdown_ok) {
            reason = _t("not given with near-expiry markdowns");
        } else if (
            facts.amount !== undefined &&
            program.program_type === "next_order_coupons" &&
            facts.amount + 0.005 < (program.retail_coupon_threshold || 0)
        ) {
            reason = _t("usable on orders from %(threshold)s", {
                threshold: program.retail_coupon_threshold,
            });
        }
        if (reason) {
            skipped.set(id, { name: program.retail_promotion_name, reason });
        } else {
            eligible.push([id, program]);
        }
    }
    const first = eligible[0]?.[1];
    for (const [id, program] of eligible.slice(1)) {
        if (!first.retail_stack_ok || !program.retail_stack_ok) {
            skipped.set(id, {
                name: program.retail_promotion_name,
                reason: _t("does not stack with %(other)s, which comes first", {
                    other: first.retail_promotion_name,
                }),
            });
        }
    }
    return skipped;
}

patch(PosOrder.prototype, {
    /** What promotions may be told not to stack with: member prices, flash sale goods,
     * near-expiry markdowns. */
    _retailPromotionFacts() {
        const lines = this.get_orderlines().filter((line) => !line.is_reward_line);
        const pricelist = this.pricelist_id;
        return {
            memberPrice: Boolean(pricelist?.retail_member_price),
            flashSale: lines.some(
                (line) =>
                    pricelist &&
                    line.product_id?.getPricelistRule(pricelist, line.get_quantity())?.raw
                        ?.retail_flash_sale_id,
            ),
            markdown: lines.some((line) => line.retail_markdown_percent),
            amount: lines.reduce((total, line) => total + line.get_price_with_tax(), 0),
        };
    },
    /** The promotions the order reaches (rewards claimable or on the order) that it
     * does not get, and why. */
    retailSkippedPromotions() {
        // a till without promotions pays nothing (the order summary asks at each render)
        if (!this.models["loyalty.program"].some(promotionOf)) {
            return new Map();
        }
        const programs = super
            .getClaimableRewards()
            .map(({ reward }) => reward.program_id)
            .concat(
                this.get_orderlines()
                    .filter((line) => line.is_reward_line && line.reward_id)
                    .map((line) => line.reward_id.program_id),
            )
            .filter(promotionOf);
        if (!programs.length) {
            return new Map();
        }
        return retailSkippedPromotions(programs, this._retailPromotionFacts());
    },
    /** "满100减10: does not stack with …", a line each, as the order shows them. */
    retailSkippedPromotionTexts() {
        return [...this.retailSkippedPromotions().values()].map(({ name, reason }) =>
            _t("%(promotion)s: %(reason)s", { promotion: name, reason }),
        );
    },
    getClaimableRewards(coupon_id = false, program_id = false, auto = false) {
        const rewards = super.getClaimableRewards(...arguments);
        if (!rewards.some(({ reward }) => promotionOf(reward.program_id))) {
            return rewards;
        }
        const skipped = this.retailSkippedPromotions();
        return rewards.filter(({ reward }) => !skipped.has(promotionOf(reward.program_id)));
    },
    _applyReward(reward, coupon_id, args) {
        const promotion = promotionOf(reward.program_id);
        const skipped = promotion && this.retailSkippedPromotions().get(promotion);
        if (skipped) {
            return _t("%(promotion)s: %(reason)s", {
                promotion: skipped.name,
                reason: skipped.reason,
            });
        }
        return super._applyReward(...arguments);
    },
});
