def migrate(cr, version):
    """Stocktakes now apply only their counted lines. Sheets submitted before applied
    every line (submitting required each one counted): keep their lines counted so that
    their variances stay on record."""
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
