import { registry } from "@web/core/registry";

/**
 * The phone's camera, as a browser without one can have it: a canvas stream for the
 * video and a detector that reads the tea's barcode in it. Core's barcode dialog runs
 * as on a phone; what is tested is what the catalogue does with the code read.
 */
function fakeCamera(barcode) {
    const canvas = document.createElement("canvas");
    canvas.width = 320;
    canvas.height = 240;
    const context = canvas.getContext("2d");
    let frame = 0;
    setInterval(() => {
        context.fillStyle = frame++ % 2 ? "#fff" : "#000";
        context.fillRect(0, 0, 320, 240);
    }, 40);
    const stream = canvas.captureStream(25);
    navigator.mediaDevices.getUserMedia = async () => stream;
    // named as core's polyfill, whose results the dialog takes wherever they are
    window.BarcodeDetector = class ZXingBarcodeDetector {
        static async getSupportedFormats() {
            return ["ean_13"];
        }
        setCropArea() {}
        async detect() {
            return [{ rawValue: barcode }];
        }
    };
}

registry.category("web_tour.tours").add("retail_ordering_scan_tour", {
    steps: () => [
        {
            content: "the catalogue lists tea and biscuits",
            trigger: ".o_retail_catalog_item:contains(Dealer Test Biscuit)",
            run() {
                fakeCamera("6901234567892");
            },
        },
        {
            content: "scan with the camera",
            trigger: ".o_retail_catalog_scan:not(.d-none)",
            run: "click",
        },
        {
            content: "the product scanned is found",
            trigger: ".o_retail_catalog_search[value='6901234567892']",
        },
        {
            content: "only the tea, ready to add",
            trigger:
                ".o_retail_catalog:not(:has(.o_retail_catalog_item:contains(Biscuit))) .o_retail_catalog_item:contains(Dealer Test Tea) .o_retail_catalog_add",
            run: "click",
        },
        {
            content: "in the cart",
            trigger: ".o_retail_ordering_nav a[href='/my/cart']:contains(1)",
        },
    ],
});
