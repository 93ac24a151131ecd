import { registry } from "@web/core/registry";

// 8 秒开单: a 20-line wholesale order by scanner and keyboard only, timed
let started = 0;

function scanStep(code, index) {
    return [
        {
            content: `scan ${code}`,
            trigger: ".o_retail_scan input",
            run: `edit ${code}`,
        },
        {
            content: `press Enter after ${code}`,
            trigger: ".o_retail_scan input",
            run: "press Enter",
        },
        {
            content: `line ${index} is there`,
            trigger: `.o_field_widget[name=order_line] .o_data_row:nth-child(${index})`,
        },
    ];
}

registry.category("web_tour.tours").add("retail_wholesale_scan_tour", {
    steps: () => [
        {
            content: "choose the customer",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit Scan Test Wholesale",
        },
        {
            trigger: '.ui-menu-item > a:contains("Scan Test Wholesale Buyer")',
            run() {
                started = Date.now();
                this.anchor.click();
            },
        },
        {
            content: "a scanner reads a case of item 01 (core's barcode service)",
            trigger: ".o_retail_scan input",
            run() {
                odoo.__WOWL_DEBUG__.root.env.services.barcode.bus.trigger("barcode_scanned", {
                    barcode: "16990000000010",
                });
            },
        },
        {
            trigger: ".o_field_widget[name=order_line] .o_data_row:nth-child(1)",
        },
        ...scanStep("6990000000001", 1),
        ...scanStep("3*RWSCAN-02", 2),
        ...Array.from({ length: 18 }, (_, i) => i + 3).flatMap((n) =>
            scanStep(`69900000000${String(n).padStart(2, "0")}`, n),
        ),
        {
            content: "save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "saved, in under a minute",
            trigger: ".o_form_saved",
            run() {
                const seconds = (Date.now() - started) / 1000;
                console.log(`retail fast entry: 20 lines in ${seconds.toFixed(1)} s`);
                if (seconds > 60) {
                    throw new Error(`20 lines took ${seconds} s`);
                }
            },
        },
    ],
});
