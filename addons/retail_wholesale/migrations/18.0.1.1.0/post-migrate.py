def migrate(cr, version):
    """Stocktakes now apply only their counted lines. Sheets submitted before applied
    every line (submitting required each one counted): keep their lines counted so that
    their variances stay on record.

    Texts whose English changed lose their old translations here, so that the module's
    translations loaded after this step give them the new ones."""
    if not version:
        return
    cr.execute(
        """
        UPDATE retail_stocktake_line line
           SET counted = TRUE
          FROM retail_stocktake sheet
         WHERE sheet.id = line.stocktake_id
           AND sheet.state IN ('to_approve', 'done')
           AND line.counted IS NOT TRUE
        """
    )
    cr.execute(
        """
        UPDATE ir_model_fields
           SET help = jsonb_build_object('en_US', help->'en_US')
         WHERE help IS NOT NULL
           AND (model, name) IN (('retail.stocktake.line', 'counted'),
                                 ('retail.flash.sale', 'pricelist_ids'))
        """
    )
    cr.execute(
        """
        UPDATE mail_activity_type t
           SET summary = jsonb_build_object('en_US', t.summary->'en_US')
          FROM ir_model_data d
         WHERE d.model = 'mail.activity.type'
           AND d.module = 'retail_wholesale'
           AND d.name = 'mail_activity_type_stock_alert'
           AND d.res_id = t.id
           AND t.summary IS NOT NULL
        """
    )
