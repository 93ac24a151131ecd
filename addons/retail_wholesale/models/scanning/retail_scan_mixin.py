import re

from odoo import api, fields, models
from odoo.exceptions import UserError

# "12*6901234567892", "6901234567892*12" or "6901234567892 12": a quantity with the code
QTY_CODE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[*xX×]\s*(\S+)\s*$")
CODE_QTY = re.compile(r"^\s*(\S+?)\s*(?:[*xX×]|\s)\s*(\d+(?:\.\d+)?)\s*$")


class RetailScanMixin(models.AbstractModel):
    """开单 by scanner or keyboard only (8 秒开单): a scanner's barcode (core's barcode
    service, on the whole form) or the *Scan* box (a barcode or internal reference,
    optionally with a quantity: ``12*code`` or ``code 12``) adds a line for the
    product, or raises the quantity of its line; a packaging's barcode counts its
    quantity. The document says what a scan does with ``_retail_scan_add``."""

    _name = "retail.scan.mixin"
    _description = "Scanner Entry"
    _inherit = ["barcodes.barcode_events_mixin"]

    retail_scan = fields.Char(
        string="Scan",
        store=False,
        help="Scan or type a barcode or internal reference, with a quantity if more "
        "than one (12*6901234567892 or 6901234567892 12), and press Enter: the "
        "product's line is added, or its quantity raised.",
    )

    def on_barcode_scanned(self, barcode):
        self._retail_scan(barcode)

    @api.onchange("retail_scan")
    def _onchange_retail_scan(self):
        text = self.retail_scan
        if text:
            self.retail_scan = False
            self._retail_scan(text)

    def _retail_scan(self, text):
        self.ensure_one()
        code, qty = self._retail_scan_parse(text)
        company = self.company_id or self.env.company
        product, __, pack_qty = self.env["product.product"]._retail_find_barcode(
            code, company, lots=False
        )
        if not product:
            raise UserError(
                self.env._(
                    "No product or packaging has the barcode or reference %(code)s.",
                    code=code,
                )
            )
        self._retail_scan_add(product, qty * pack_qty)

    @api.model
    def _retail_scan_parse(self, text):
        """(code, quantity) of what was scanned or typed."""
        text = text.strip()
        match = QTY_CODE.match(text)
        if match:
            return match.group(2), float(match.group(1))
        match = CODE_QTY.match(text)
        if match:
            return match.group(1), float(match.group(2))
        return text, 1.0

    def _retail_scan_add(self, product, qty):
        raise NotImplementedError()
