import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import { checkNotCut, openChineseTill } from "@retail_pos_ext/../tests/tours/utils/till_util";
import { registry } from "@web/core/registry";

const rect = (el) => el.getBoundingClientRect();
const overlap = (a, b) =>
    Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
    Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

function fail(message) {
    throw new Error(message);
}

/** The stock badge is a corner badge: a small part of the card, off the name, and a
 * long Chinese name wraps on two lines instead of being cut. */
function checkProductCard(name) {
    return {
        content: `${name}: small stock badge, name on two lines`,
        trigger: `article.product:has(.product-name:contains('${name}')) .retail-stock-badge`,
        run: () => {
            const card = [...document.querySelectorAll("article.product")].find((article) =>
                article.querySelector(".product-name")?.textContent.includes(name),
            );
            const nameEl = card.querySelector(".product-name");
            const badge = card.querySelector(".retail-stock-badge");
            const cardBox = rect(card);
            const badgeBox = rect(badge);
            const cardArea = cardBox.width * cardBox.height;
            const badgeArea = badgeBox.width * badgeBox.height;
            if (badgeArea > cardArea * 0.12) {
                fail(
                    `the stock badge covers ${Math.round((100 * badgeArea) / cardArea)}% of the card`,
                );
            }
            // the lines of text of the name, as drawn
            const range = document.createRange();
            range.selectNodeContents(nameEl);
            const lines = [...range.getClientRects()].filter((line) => line.width > 0);
            if (lines.some((line) => overlap(line, badgeBox) > 1)) {
                fail("the stock badge covers the product's name");
            }
            const tops = new Set(lines.map((line) => Math.round(line.top)));
            if (tops.size < 2) {
                fail("the long name is not wrapped on two lines");
            }
            const visible = rect(nameEl);
            if (
                nameEl.scrollHeight > nameEl.clientHeight + 1 ||
                lines.some((line) => line.right > Math.min(visible.right, cardBox.right) + 1)
            ) {
                fail("the product's name is cut");
            }
        },
    };
}

registry.category("web_tour.tours").add("retail_pos_ext_till_layout_tour", {
    steps: () =>
        [
            openChineseTill(),
            checkProductCard("城市的记忆：上海老建筑图册"),
            checkNotCut(".product-screen .set-partner", "the customer button"),
            {
                content: "sell the album: the row of buttons with a line selected",
                trigger: "article.product .product-name:contains('城市的记忆')",
                run: "click",
            },
            {
                trigger: ".orderline.selected .product-name:contains('城市的记忆')",
            },
            checkNotCut(".product-screen .set-partner", "the customer button"),
            checkNotCut(".product-screen .control-buttons button", "the row's buttons"),
            ...Chrome.clickMenuOption("交班"),
            {
                content: "the cash count's buttons are in Chinese",
                trigger: ".modal .modal-footer .btn-primary:contains('确定')",
            },
            {
                trigger: ".modal .modal-footer .btn-secondary:not(:contains('Discard'))",
                run: "click",
            },
            {
                content: "the lot of a till line is labelled in Chinese",
                trigger: "body",
                run: () => {
                    const { _t } = odoo.loader.modules.get("@web/core/l10n/translation");
                    const label = _t("Lot Number %(lot)s", { lot: "L1" });
                    if (label !== "批次号 L1") {
                        fail(`lot label: ${label}`);
                    }
                },
            },
            Chrome.endTour(),
        ].flat(),
});

registry.category("web_tour.tours").add("retail_pos_ext_receipt_lines_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            // a sale with a discount
            ProductScreen.addOrderline("Retail Taxed Tea", "1"),
            ProductScreen.clickNumpad("%", "1", "0"),
            ProductScreen.selectedOrderlineHas("Retail Taxed Tea", "1", "17.19"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Cash"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.receiptIsThere(),
            {
                content: "the discounts' amount is on the right, its label on the left",
                trigger: ".pos-receipt .retail-total-discount",
                run: () => {
                    const line = document.querySelector(".pos-receipt .retail-total-discount");
                    const amount = line.querySelector("span");
                    const total = document.querySelector(".pos-receipt .receipt-total span");
                    if (Math.abs(rect(amount).right - rect(total).right) > 2) {
                        fail("the discounts' amount is not aligned with the total");
                    }
                    const receipt = rect(document.querySelector(".pos-receipt"));
                    const labelLeft = rect(line).left;
                    if (labelLeft - receipt.left > 20) {
                        fail("the discounts' label is not on the left");
                    }
                },
            },
            {
                content: "no 'Your logo' placeholder: the company has no logo of its own",
                trigger: ".pos-receipt .pos-receipt-contact",
                run: () => {
                    if (document.querySelector(".pos-receipt img[alt='Logo']")) {
                        fail("the placeholder logo is printed");
                    }
                },
            },
            ReceiptScreen.clickNextOrder(),
            // a refund: every amount is negative
            ProductScreen.clickDisplayedProduct("Retail Taxed Tea"),
            ProductScreen.clickNumpad("Qty", "+/-"),
            ProductScreen.selectedOrderlineHas("Retail Taxed Tea", "-1", "-19.10"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Cash"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.receiptIsThere(),
            {
                content: "the untaxed amount and the tax of a refund are negative, like its total",
                trigger: ".pos-receipt .retail-subtotal-amount",
                run: () => {
                    const text = (selector) =>
                        document.querySelector(`.pos-receipt ${selector}`).textContent;
                    const amounts = {
                        total: text(".receipt-total span"),
                        untaxed: text(".retail-subtotal-amount"),
                        tax: text(".retail-tax-amount"),
                    };
                    if (
                        !/-\s*19\.10/.test(amounts.total) ||
                        !/-\s*16\.90/.test(amounts.untaxed) ||
                        !/-\s*2\.20/.test(amounts.tax)
                    ) {
                        fail(`signs disagree: ${JSON.stringify(amounts)}`);
                    }
                },
            },
            ReceiptScreen.clickNextOrder(),
            Chrome.endTour(),
        ].flat(),
});
