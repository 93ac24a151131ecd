from odoo import fields, models


class PosSession(models.Model):
    _inherit = "pos.session"

    retail_handover_count = fields.Integer(
        string="Handover Count", compute="_compute_retail_handover_count"
    )

    def _compute_retail_handover_count(self):
        counts = dict(
            self.env["retail.pos.shift.handover"]._read_group(
                [("session_id", "in", self.ids)], ["session_id"], ["__count"]
            )
        )
        for session in self:
            session.retail_handover_count = counts.get(session, 0)

    def action_retail_shift_handovers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "retail_pos_ext.retail_pos_shift_handover_action"
        )
        action["domain"] = [("session_id", "=", self.id)]
        return action

    def _create_picking_at_end_of_session(self):
        """Closing a till's session moves its goods (when stock moves at closing) with
        the rights that needs, whoever closes it (a cashier has no stock rights); see
        pos.order's ``_create_order_picking``."""
        if not self.env.su:
            self.check_access("write")
            return self.sudo()._create_picking_at_end_of_session()
        # the goods were handed over at the till: no turn at the reservations
        return super(
            PosSession, self.with_context(retail_handed_over=True)
        )._create_picking_at_end_of_session()

    def find_product_by_barcode(self, barcode, config_id):
        """A product scanned at the till but not loaded with it carries the till's
        store quantity (and its expiry tracking) like the products loaded at start-up."""
        result = super().find_product_by_barcode(barcode, config_id)
        products = result.get("product.product")
        if products:
            self.env["product.product"]._retail_add_pos_values(
                products, self.env["pos.config"].browse(config_id)
            )
        return result
