import publicWidget from "@web/legacy/js/public/public_widget";
import { BarcodeDialog } from "@web/core/barcode/barcode_dialog";
import { isBarcodeScannerSupported } from "@web/core/barcode/barcode_video_scanner";

/**
 * 扫码: the catalogue's camera button. Core's barcode dialog reads the code with the
 * phone's camera; the catalogue then searches it (codes and barcodes are looked up
 * first), so the product found is the one to add.
 */
publicWidget.registry.RetailCatalogScan = publicWidget.Widget.extend({
    selector: ".o_retail_catalog_scan",
    events: { click: "_onClick" },

    start() {
        // no camera (or not over HTTPS): no button
        this.el.classList.toggle("d-none", !isBarcodeScannerSupported());
        return this._super(...arguments);
    },

    _onClick(ev) {
        ev.preventDefault();
        this.call("dialog", "add", BarcodeDialog, {
            facingMode: "environment",
            onResult: (barcode) => this._search(barcode),
            onError: () => {},
        });
    },

    _search(barcode) {
        const form = this.el.closest("form");
        form.querySelector("input[name='search']").value = barcode;
        form.submit();
    },
});
