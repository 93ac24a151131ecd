"""Ordering platform (订货平台): what a dealer's catalogue page computes.

``dealer_catalogue_page`` is a page of 24 products of the whole catalogue (page 11) as the
portal's ``/my/catalog`` computes it for a dealer: the products offered to the dealer
(count for the pager, the page's products by name), the dealer's price of each (their
grade's price list with a quantity break) with its breaks, head office's available
quantity, and the categories of the offer. Vanilla has no catalogue for dealers: the
same page of saleable products with the partner's price list prices and the warehouse's
quantities, and the categories. ``dealer_catalogue_search`` is the same for a search by
name. Template rendering is not timed (the same QWeb in both would be).
"""

from registry import benchmark, setup

PAGE = 24


@setup
def ordering_dealer(env):
    """A dealer with a price list of 10 % off, 15 % from 24 units; our database puts
    every product on the ordering platform and the dealer in a channel."""
    if env["res.partner"].search([("name", "=", "Bench Dealer")], limit=1):
        return
    pricelist = env["product.pricelist"].create(
        {
            "name": "Bench Dealer Prices",
            "item_ids": [
                (0, 0, {"compute_price": "percentage", "percent_price": 10}),
                (
                    0,
                    0,
                    {
                        "compute_price": "percentage",
                        "percent_price": 15,
                        "min_quantity": 24,
                    },
                ),
            ],
        }
    )
    dealer = env["res.partner"].create({"name": "Bench Dealer", "is_company": True})
    if (
        "retail.customer.grade" in env
        and "retail_ordering_channel_id" in dealer._fields
    ):
        grade = env["retail.customer.grade"].create(
            {"name": "Bench Dealer Grade", "pricelist_id": pricelist.id}
        )
        channel = env["retail.channel"].create(
            {
                "name": "Bench Dealer Ordering",
                "code": "BENCHDEALER",
                "company_id": env.company.id,
            }
        )
        dealer.write(
            {"retail_grade_id": grade.id, "retail_ordering_channel_id": channel.id}
        )
        env.cr.execute(
            "UPDATE product_template SET retail_portal_ok = true WHERE sale_ok"
        )
        env["product.template"].invalidate_model(["retail_portal_ok"])
    else:
        dealer.property_product_pricelist = pricelist


def _page(env, search=None):
    dealer = env["res.partner"].search([("name", "=", "Bench Dealer")], limit=1)
    Product = env["product.product"]
    if "retail_ordering_channel_id" in dealer._fields:
        domain = dealer._retail_portal_search_domain(search)
        total = Product.search_count(domain)
        products = Product.search(
            domain, limit=PAGE, offset=PAGE * 10 if not search else 0, order="name, id"
        )
        rows = dealer._retail_portal_rows(products)
        Product._read_group(
            dealer._retail_portal_offer_domain(), ["categ_id"], ["__count"]
        )
    else:
        domain = [("sale_ok", "=", True)]
        if search:
            domain += [("name", "ilike", search)]
        total = Product.search_count(domain)
        products = Product.search(
            domain, limit=PAGE, offset=PAGE * 10 if not search else 0, order="name, id"
        )
        pricelist = dealer.property_product_pricelist
        warehouse = env["stock.warehouse"].search(
            [("company_id", "=", env.company.id)], limit=1
        )
        products.with_context(warehouse_id=warehouse.id)._compute_quantities_dict(
            None, None, None
        )
        rows = [pricelist._compute_price_rule(product, 1.0) for product in products]
        Product._read_group([("sale_ok", "=", True)], ["categ_id"], ["__count"])
    assert total and len(rows) == len(products) == PAGE, (total, len(rows))


@benchmark
def dealer_catalogue_page(env):
    _page(env)


@benchmark
def dealer_catalogue_search(env):
    _page(env, search="product 12")
