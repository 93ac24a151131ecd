from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    retail_portal_stock_display = fields.Selection(
        selection=[
            ("level", "In stock / Low / Out of stock"),
            ("quantity", "Quantity"),
        ],
        string="Availability on the Ordering Platform",
        default="level",
        required=True,
        help="What dealers see of head office's stock: the quantity they can order "
        "(on hand at head office less what accepted orders hold), or only whether "
        "there is enough (有货/紧张/缺货).",
    )
    retail_portal_low_stock = fields.Float(
        string="Low Stock below",
        default=10.0,
        help="Under this quantity available, dealers see 紧张 (low) instead of 有货.",
    )

    retail_portal_accountant_id = fields.Many2one(
        comodel_name="res.users",
        string="Dealers' Accountant",
        domain="[('share', '=', False)]",
        help="Asked to match the bank transfers dealers report on the portal.",
    )

    def _retail_hq_warehouse(self):
        """The head office warehouse whose stock the dealers order from."""
        self.ensure_one()
        Warehouse = self.env["stock.warehouse"].sudo()
        return Warehouse.search(
            [("company_id", "=", self.id), ("retail_role", "=", "hq")],
            order="sequence, id",
            limit=1,
        ) or Warehouse.search(
            [("company_id", "=", self.id)], order="sequence, id", limit=1
        )
