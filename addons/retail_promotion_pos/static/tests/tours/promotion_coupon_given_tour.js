import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import * as PosLoyalty from "@pos_loyalty/../tests/tours/utils/pos_loyalty_util";
import { registry } from "@web/core/registry";

/** 满200送20元券: four bags of rice (200) get a coupon, printed on the receipt as a QR
 * code; on the next order its code does nothing at 50 (usable from 100, the till says
 * so) and takes 20 off at 100. */
registry.category("web_tour.tours").add("retail_promotion_pos_coupon_given_tour", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.addOrderline("Given Rice", "4"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Cash"),
            PaymentScreen.clickNumpad("2 0 0"),
            PaymentScreen.clickValidate(),
            {
                content: "the receipt shows the coupon as a QR code",
                trigger: ".pos-receipt .retail-coupon-qr img[src^='/report/barcode/QR/']",
                run() {
                    window.retailGivenCoupon =
                        this.anchor.closest(".retail-coupon-qr").dataset.code;
                },
            },
            ReceiptScreen.clickNextOrder(),
            ProductScreen.addOrderline("Given Rice", "1"),
            ProductScreen.clickControlButton("Enter Code"),
            {
                content: "the code of the coupon on the receipt",
                trigger: ".modal:not(.o_inactive_modal) textarea",
                async run(helpers) {
                    await helpers.edit(window.retailGivenCoupon);
                },
            },
            Dialog.confirm(),
            {
                content: "at 50 the coupon is not usable yet, and the till says why",
                trigger:
                    ".retail-promotion-skipped:contains('满200送20元券: usable on orders from 100')",
            },
            PosLoyalty.orderTotalIs("50.00"),
            ProductScreen.clickDisplayedProduct("Given Rice"),
            PosLoyalty.hasRewardLine("Coupon: 20 off from 100", "-20.00"),
            PosLoyalty.orderTotalIs("80.00"),
            PosLoyalty.finalizeOrder("Cash", "80"),
        ].flat(),
});
