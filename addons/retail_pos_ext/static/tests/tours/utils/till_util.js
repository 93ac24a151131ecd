/** Steps the till's tours share (those of the book addon too). */
import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import * as TextInputPopup from "@point_of_sale/../tests/tours/utils/text_input_popup_util";

/** Start the till of a Chinese-speaking cashier and open its register. */
export function openChineseTill() {
    return [
        Chrome.startPoS(),
        {
            content: "open the register",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "the till is in Chinese",
            trigger: ".product-screen .set-partner:contains('客户')",
        },
    ].flat();
}

/** Every visible element of `selector` shows its whole text (none is cut). */
export function checkNotCut(selector, label) {
    return {
        content: `${label} is shown whole`,
        trigger: selector,
        run: () => {
            for (const el of document.querySelectorAll(selector)) {
                if (el.offsetParent && el.scrollWidth > el.clientWidth + 1) {
                    throw new Error(`${label} is cut: "${el.textContent.trim()}"`);
                }
            }
        },
    };
}

/** Sell `quantity` of `product` for cash, then start the next order. */
export function sellForCash(product, quantity = "1") {
    return [
        ProductScreen.addOrderline(product, quantity),
        ProductScreen.clickPayButton(),
        PaymentScreen.clickPaymentMethod("Cash"),
        PaymentScreen.clickValidate(),
        ReceiptScreen.receiptIsThere(),
        ReceiptScreen.clickNextOrder(),
    ].flat();
}

/** Hold the current order (挂单) under `name`: the till is left with an empty order. */
export function holdOrder(name) {
    return [
        {
            content: "hold the order (挂单)",
            trigger: ".control-buttons .retail-hold-button",
            run: "click",
        },
        Dialog.is({ title: "Hold Order" }),
        TextInputPopup.inputText(name),
        Dialog.confirm("Apply"),
        ProductScreen.orderIsEmpty(),
    ].flat();
}

/** Open the list of the store's held orders (取单). */
export function listHeldOrders() {
    return {
        content: "list the held orders (取单)",
        trigger: ".control-buttons .retail-held-orders-button",
        run: "click",
    };
}
