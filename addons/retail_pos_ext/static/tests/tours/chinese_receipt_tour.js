import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import * as Utils from "@point_of_sale/../tests/tours/utils/common";
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("retail_pos_ext_chinese_receipt_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            {
                content:
                    "the receipt's amount in capitals follows the table the server twin follows",
                trigger: "body",
                run: async () => {
                    // the function of the POS bundle (tours are loaded in the back office too)
                    const { amountToChineseCapitals } = odoo.loader.modules.get(
                        "@retail_pos_ext/app/receipt/amount_in_words",
                    );
                    const response = await fetch(
                        "/retail_pos_ext/static/tests/amount_in_words_cases.json",
                    );
                    const cases = await response.json();
                    const wrong = cases.filter(
                        ([amount, words]) => amountToChineseCapitals(amount) !== words,
                    );
                    if (cases.length < 20 || wrong.length) {
                        throw new Error(
                            `amounts in capitals: ${cases.length} cases, wrong: ${JSON.stringify(
                                wrong.map(([amount]) => [amount, amountToChineseCapitals(amount)]),
                            )}`,
                        );
                    }
                },
            },
            ProductScreen.clickPartnerButton(),
            ProductScreen.clickCustomer("Retail Member Lin"),
            ProductScreen.addOrderline("Retail Receipt Tea", "2"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Cash"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.receiptIsThere(),
            {
                content: "the total is written in Chinese capitals",
                trigger: ".pos-receipt .retail-amount-in-words:contains('贰拾元整')",
            },
            {
                content: "the member and their card are on the receipt",
                trigger: ".pos-receipt .retail-member-name:contains('Retail Member Lin')",
            },
            {
                trigger: ".pos-receipt .retail-member-card:contains('VIP-0001')",
            },
            {
                content: "the points earned by this order",
                trigger: ".pos-receipt .retail-member-points:contains('Points earned: 20')",
            },
            Utils.negateStep({
                content: "the points are printed once: not again in the loyalty block",
                trigger: ".pos-receipt .loyalty:contains('Won')",
            }),
            {
                content: "the loyalty block keeps the balance",
                trigger: ".pos-receipt .loyalty:contains('Balance')",
            },
            ReceiptScreen.clickNextOrder(),
            Chrome.endTour(),
        ].flat(),
});
