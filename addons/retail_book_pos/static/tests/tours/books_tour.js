import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import * as TextInputPopup from "@point_of_sale/../tests/tours/utils/text_input_popup_util";
import { holdOrder, listHeldOrders } from "@retail_pos_ext/../tests/tours/utils/till_util";
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("retail_book_pos_books_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            {
                content: "the till's 件/包/本 parser follows the table the server's follows",
                trigger: "body",
                run: async () => {
                    const { parsePackQty, formatPackQty, discountLabel } = odoo.loader.modules.get(
                        "@retail_book_pos/app/books/pack_qty",
                    );
                    const response = await fetch(
                        "/retail_book_pos/static/tests/pack_qty_cases.json",
                    );
                    const cases = await response.json();
                    const wrong = [];
                    for (const [text, bundle, kase, expected] of cases.parse) {
                        let result;
                        try {
                            result = parsePackQty(text, bundle, kase);
                        } catch (error) {
                            result = error.code;
                        }
                        if (result !== expected) {
                            wrong.push(["parse", text, result]);
                        }
                    }
                    for (const [qty, bundle, kase, expected] of cases.format) {
                        if (formatPackQty(qty, bundle, kase) !== expected) {
                            wrong.push(["format", qty, formatPackQty(qty, bundle, kase)]);
                        }
                    }
                    for (const [percent, expected] of cases.discount) {
                        if (discountLabel(percent) !== expected) {
                            wrong.push(["discount", percent, discountLabel(percent)]);
                        }
                    }
                    if (cases.parse.length < 20 || wrong.length) {
                        throw new Error(`pack quantities: wrong ${JSON.stringify(wrong)}`);
                    }
                },
            },
            // 配件: the CD comes with the book
            ProductScreen.clickDisplayedProduct("Retail Till Book"),
            ProductScreen.orderLineHas("Retail Till CD", "1"),
            ProductScreen.selectedOrderlineHas("Retail Till Book", "1"),
            // 件/包/本: a bad quantity is refused, nothing changes
            {
                content: "件/包/本 on the selected book line",
                trigger: ".control-buttons .retail-pack-qty-button",
                run: "click",
            },
            TextInputPopup.inputText("3盒"),
            Dialog.confirm(),
            Dialog.is({ title: "Not a quantity" }),
            Dialog.confirm(),
            ProductScreen.selectedOrderlineHas("Retail Till Book", "1"),
            // 1件2包5本 = 40 + 20 + 5 copies, and as many CDs
            {
                content: "件/包/本 on the selected book line",
                trigger: ".control-buttons .retail-pack-qty-button",
                run: "click",
            },
            TextInputPopup.inputText("1件2包5本"),
            Dialog.confirm(),
            ProductScreen.selectedOrderlineHas("Retail Till Book", "65"),
            ProductScreen.orderLineHas("Retail Till CD", "65"),
            {
                content: "the line shows the quantity in cases, bundles and copies",
                trigger: ".orderline.selected .retail-pack-qty:contains('1件2包5本 = 65本')",
            },
            // 6.5折: 35 % off the cover price
            ProductScreen.addDiscount("35"),
            {
                content: "定价, 码洋 and the discount on the line",
                trigger:
                    ".orderline.selected .retail-book-amounts:contains('2,600.00'):contains('6.5折')",
            },
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Cash"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.receiptIsThere(),
            {
                content: "码洋合计 and 实洋合计 on the receipt",
                trigger: ".pos-receipt .retail-cover-total:contains('2,600.00')",
            },
            {
                trigger: ".pos-receipt .retail-net-total:contains('1,690.00'):contains('6.5折')",
            },
            {
                trigger: ".pos-receipt .orderline .retail-pack-qty:contains('1件2包5本')",
            },
            ReceiptScreen.clickNextOrder(),
            // a held order keeps the CD linked to its book (挂单 / 取单)
            ProductScreen.clickDisplayedProduct("Retail Till Book"),
            ProductScreen.orderLineHas("Retail Till CD", "1"),
            ProductScreen.selectedOrderlineHas("Retail Till Book", "1"),
            ProductScreen.clickNumpad("3"),
            ProductScreen.orderLineHas("Retail Till CD", "3"),
            holdOrder("Book and CD"),
            listHeldOrders(),
            {
                content: "resume the order with the book",
                trigger: ".selection-item:contains('Book and CD')",
                run: "click",
            },
            ProductScreen.orderLineHas("Retail Till Book", "3"),
            ProductScreen.orderLineHas("Retail Till CD", "3"),
            {
                content: "the CD once, not once more for the restored book",
                trigger: ".product-screen .orderline:contains('Retail Till CD')",
                run: () => {
                    const lines = document.querySelectorAll(".product-screen .orderline");
                    if (lines.length !== 2) {
                        throw new Error(`${lines.length} lines after resuming, not 2`);
                    }
                },
            },
            ProductScreen.selectedOrderlineHas("Retail Till Book", "3"),
            ProductScreen.clickNumpad("5"),
            ProductScreen.selectedOrderlineHas("Retail Till Book", "5"),
            ProductScreen.orderLineHas("Retail Till CD", "5"),
            // removing the book removes its CD
            ProductScreen.clickNumpad("⌫"),
            ProductScreen.clickNumpad("⌫"),
            ProductScreen.orderIsEmpty(),
            // 退货率: a refund over the club's blocking limit is refused
            ProductScreen.clickPartnerButton(),
            ProductScreen.clickCustomer("Retail Book Club"),
            ProductScreen.addOrderline("Retail Till Tea", "1"),
            ProductScreen.clickNumpad("+/-"),
            ProductScreen.selectedOrderlineHas("Retail Till Tea", "-1"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Cash"),
            PaymentScreen.clickValidate(),
            Dialog.is({ title: "Return rate limit reached" }),
            {
                content: "the dialog names the customer",
                trigger: ".modal-body:contains('Retail Book Club')",
            },
            Dialog.confirm(),
            PaymentScreen.isShown(),
            Chrome.endTour(),
        ].flat(),
});
