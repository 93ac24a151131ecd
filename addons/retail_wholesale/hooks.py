def post_init_hook(env):
    """Mark each company's first warehouse as its head office (总部仓).

    Warehouses created later default to stores; a consultant changes the role on
    the warehouse form.
    """
    env.cr.execute(
        """
        UPDATE stock_warehouse w
           SET retail_role = 'hq'
         WHERE w.id IN (SELECT MIN(id) FROM stock_warehouse GROUP BY company_id)
        """
    )
    env["stock.warehouse"].invalidate_model(["retail_role"])
