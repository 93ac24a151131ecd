from odoo.exceptions import AccessError

HQ_GROUP = "retail_wholesale.retail_wholesale_group_hq_admin"


def own_stores_only(records, message):
    """Store managers manage ``records`` (promotions, lotteries: their ``warehouse_ids``)
    of their own stores only: one for every store or for another store raises
    ``AccessError(message(record))``. Head office and the superuser pass."""
    env = records.env
    if env.su or env.user.has_group(HQ_GROUP):
        return
    own = env.user.retail_warehouse_ids
    for record in records:
        if not record.warehouse_ids or record.warehouse_ids - own:
            raise AccessError(message(record))
