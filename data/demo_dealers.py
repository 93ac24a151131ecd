"""The demo chain's dealers (经销商) and franchise stores (加盟店) on the ordering platform
(订货平台, ``retail_ordering``): their companies and portal users, orders every few days
through the history (placed on the portal, approved by head office, delivered, invoiced,
most of them paid), and today's open work: an order to approve, an order whose changed
quantities wait for the dealer, last month's statements of account (one confirmed) and a
reported bank transfer to match."""

import datetime as dt

from odoo import Command

# login, company, grade code, channel code
DEALERS = [
    ("dealer1", "苏州恒信商贸有限公司", "W1", "WHOLESALE"),
    ("dealer2", "无锡百汇食品批发部", "W1", "WHOLESALE"),
    ("dealer3", "常州文华图书经销部", "W2", "WHOLESALE"),
    ("franchise1", "嘉定加盟店", "F", "STORE"),
    ("franchise2", "松江加盟店", "F", "STORE"),
]
CONTACTS = ["王经理", "李经理", "陈店长", "刘店长", "周店长"]


class DealerDemo:
    def __init__(self, chain):
        self.chain = chain
        self.env = chain.env
        self.dealers = []  # (company, portal user)

    def setup(self):
        """The dealers' companies and users; every product on the platform; head office's
        accountant matches the transfers."""
        env, chain = self.env, self.chain
        company = chain.company
        grades = {
            grade.code: grade
            for grade in env["retail.customer.grade"].search(
                [("company_id", "=", company.id)]
            )
        }
        channels = {
            channel.code: channel
            for channel in env["retail.channel"].search(
                [("company_id", "=", company.id)]
            )
        }
        portal = env.ref("base.group_portal")
        for (login, name, grade, channel), contact in zip(
            DEALERS, CONTACTS, strict=True
        ):
            dealer = env["res.partner"].create(
                {
                    "name": name,
                    "is_company": True,
                    "customer_rank": 1,
                    "lang": "zh_CN",
                    "city": name[:2] + "市",
                }
            )
            dealer.write(
                {
                    "retail_grade_id": grades[grade].id,
                    "retail_ordering_channel_id": channels[channel].id,
                    "credit_limit": 50000.0,
                }
            )
            user = (
                env["res.users"]
                .with_context(no_reset_password=True)
                .create(
                    {
                        "login": login,
                        "password": login,
                        "name": f"{name} {contact}",
                        "lang": "zh_CN",
                        "tz": "Asia/Shanghai",
                        "email": f"{login}@retail-demo.cn",
                        "company_id": company.id,
                        "company_ids": [Command.set(company.ids)],
                        "groups_id": [Command.set(portal.ids)],
                    }
                )
            )
            user.partner_id.parent_id = dealer
            self.dealers.append((dealer, user))
        (chain.goods | chain.books).product_tmpl_id.retail_portal_ok = True
        company.retail_portal_accountant_id = chain.users["accountant"]
        chain.counts["dealers"] = len(self.dealers)

    def _place(self, index, approve=True):
        """The dealer's user orders 3 to 5 products of their trade on the portal; head
        office approves (the order is confirmed)."""
        chain, rng = self.chain, self.chain.rng
        dealer, user = self.dealers[index % len(self.dealers)]
        pool = chain.books if "图书" in dealer.name else chain.goods
        products = rng.sample(list(pool), rng.randint(3, 5))
        cart = self.env["sale.order"].with_user(user)._retail_portal_cart(user)
        cart._retail_portal_add(
            {
                product: max(product.retail_pack_qty or 1, product.retail_min_qty or 1)
                * rng.choice([2, 4, 6])
                for product in products
            }
        )
        cart._retail_portal_submit()
        chain.counts["dealer orders"] += 1
        order = cart.with_user(chain.users["hq_admin"])
        if approve:
            order.action_retail_portal_approve()
        return order

    def order(self, index):
        """A past order: placed, approved, delivered and invoiced. The invoice, or None."""
        order = self._place(index)
        delivered = False
        for picking in order.sudo().picking_ids:
            delivered |= self.chain.validate(picking)
        if not delivered:
            return None
        invoice = order.sudo()._create_invoices()
        invoice.action_post()
        self.chain.counts["customer invoices"] += 1
        return invoice

    def today(self):
        """An order to approve, an order changed by head office, last month's
        statements (the first dealer confirmed theirs), a transfer to match."""
        chain = self.chain
        self._place(0, approve=False)
        changed = self._place(3, approve=False)
        line = changed.order_line[:1]
        line.product_uom_qty = max(
            line.product_uom_qty / 2, line.product_id.retail_pack_qty or 1
        )
        changed.action_retail_portal_approve()
        first = chain.today.replace(day=1)
        start = (first - dt.timedelta(days=1)).replace(day=1)
        Statement = self.env["retail.partner.statement"].with_user(
            chain.users["accountant"]
        )
        for index, (dealer, user) in enumerate(self.dealers):
            statement = Statement.create(
                {
                    "company_id": chain.company.id,
                    "partner_id": dealer.id,
                    "date_from": start,
                    "date_to": first - dt.timedelta(days=1),
                }
            )
            statement.action_send()
            if index == 0:
                statement.with_user(user).sudo().retail_confirm()
        dealer, user = self.dealers[1]
        self.env["retail.payment.report"]._retail_report(
            user,
            {
                "amount": 5000.0,
                "date": chain.today - dt.timedelta(days=1),
                "reference": f"ICBC{chain.today:%Y%m%d}0012",
            },
        )
