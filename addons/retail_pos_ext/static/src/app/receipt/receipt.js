/** What a Chinese receipt adds to core's: the total in capitals, the member and the
 * points earned. */
import { amountToChineseCapitals } from "@retail_pos_ext/app/receipt/amount_in_words";

export function receiptAdditions(order, printed) {
    const toPay = order.get_total_with_tax() + order.get_rounding_applied();
    const additions = { retailAmountInWords: amountToChineseCapitals(toPay) };
    const partner = order.get_partner();
    if (partner) {
        const stats = (printed.loyaltyStats || []).filter(
            (stat) => stat.program.program_type === "loyalty",
        );
        const card = stats.length && order.models["loyalty.card"].get(stats[0].couponId);
        additions.retailMember = {
            name: partner.name,
            cardCode: (card && card.code) || "",
            pointsWon: stats.reduce((total, stat) => total + stat.points.won, 0),
            hasLoyalty: stats.length > 0,
        };
    }
    return additions;
}
