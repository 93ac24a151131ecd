"""POS benchmarks: what a till loads when it starts."""

from registry import benchmark


@benchmark
def pos_start_up_load_data(env):
    """Open a till's session and load its data as the web POS does when it starts
    (products with our store quantities, pricelists with the customer grades'...), over
    the whole generated catalogue (50,000 products at ``--scale large``): core's limit
    on the products loaded at start-up (20,000) is lifted."""
    env["ir.config_parameter"].set_param("point_of_sale.limited_product_count", 0)
    # the till's user: the superuser is not a user a till loads
    env = env(user=env.ref("base.user_admin"))
    config = env["pos.config"].search([], limit=1) or env["pos.config"].create(
        {"name": "Bench till"}
    )
    session = env["pos.session"].create({"config_id": config.id})
    data = session.load_data([])
    products = env["product.product"].search_count([("available_in_pos", "=", True)])
    assert len(data["product.product"]["data"]) >= products, "catalogue not loaded"
