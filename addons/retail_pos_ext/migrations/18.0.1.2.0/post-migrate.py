"""Members pay with their stored value card (core eWallet, retail_member) instead of the
"会员储值" method that charged the member's receivable: that method is archived and taken
off the tills. Its payments and their entries are kept as they are (a session still open
with it closes as before); the customers' receivables it left stay on their accounts."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE pos_payment_method
           SET active = false
         WHERE retail_payment_kind = 'stored_value' AND active
        RETURNING id
        """
    )
    method_ids = tuple(row[0] for row in cr.fetchall())
    if method_ids:
        cr.execute(
            """
            DELETE FROM pos_config_pos_payment_method_rel rel
             WHERE rel.pos_payment_method_id IN %s
               AND NOT EXISTS (
                   SELECT 1 FROM pos_session s
                    WHERE s.config_id = rel.pos_config_id AND s.state != 'closed'
               )
            """,
            [method_ids],
        )
