from datetime import date
from urllib.parse import urlparse

from odoo import Command
from odoo.tests import HttpCase, JsonRpcException, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.retail_wholesale.tests.common import RetailCommon


@tagged("post_install", "-at_install")
class TestPortalStatement(RetailCommon, HttpCase):
    """A dealer's users answer their statements of account under My Account, and
    reach nothing of another dealer's."""

    # a phone's viewport
    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.accountant = cls.role_users["accountant"]
        cls.dealer_a = cls.env["res.partner"].create(
            {"name": "常州经销商", "is_company": True}
        )
        cls.dealer_b = cls.env["res.partner"].create(
            {"name": "无锡经销商", "is_company": True}
        )
        cls.user_a = cls._dealer_user("dealer_a", cls.dealer_a)
        cls.user_b = cls._dealer_user("dealer_b", cls.dealer_b)
        cls._invoice(cls.dealer_a, date(2026, 10, 20), 1000)
        cls._invoice(cls.dealer_a, date(2026, 11, 3), 500)
        cls.invoice_b = cls._invoice(cls.dealer_b, date(2026, 11, 4), 777)
        cls.statement_a = cls._statement(cls.dealer_a)
        cls.statement_b = cls._statement(cls.dealer_b)
        cls.draft_a = cls._statement(cls.dealer_a, send=False, day=date(2026, 12, 1))

    @classmethod
    def _dealer_user(cls, login, dealer):
        user = new_test_user(
            cls.env, login=login, groups="base.group_portal", lang="en_US"
        )
        user.partner_id.parent_id = dealer
        return user

    @classmethod
    def _invoice(cls, partner, day, amount):
        move = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_date": day,
                "date": day,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "货款",
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        move.action_post()
        return move

    @classmethod
    def _statement(cls, partner, send=True, day=date(2026, 11, 1)):
        statement = (
            cls.env["retail.partner.statement"]
            .with_user(cls.accountant)
            .create(
                {
                    "partner_id": partner.id,
                    "date_from": day,
                    "date_to": day.replace(day=28),
                }
            )
        )
        if send:
            statement.action_send()
        return statement

    def _rpc(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def test_dealer_sees_only_their_sent_statements(self):
        self.assertEqual(
            (self.statement_a.opening_balance, self.statement_a.closing_balance),
            (1000, 1500),
        )
        self.authenticate("dealer_a", "dealer_a")
        page = self.url_open("/my/statements").text
        self.assertIn(self.statement_a.access_url, page)
        self.assertNotIn(self.statement_b.access_url, page)
        self.assertNotIn(self.draft_a.access_url, page)
        page = self.url_open(self.statement_a.access_url).text
        self.assertIn("1,500.00", page)
        # another dealer's statement, or an unsent one: back to My Account
        for statement in (self.statement_b, self.draft_a):
            for url in (statement.access_url, f"{statement.access_url}/xlsx"):
                response = self.url_open(url)
                # back to My Account (/my, or /en/my where the language is in the path)
                self.assertTrue(
                    urlparse(response.url).path.endswith("/my"), response.url
                )
        # answering another dealer's statement changes nothing
        self.url_open(
            f"{self.statement_b.access_url}/confirm",
            data={"csrf_token": self._csrf()},
            allow_redirects=False,
        )
        self.assertEqual(self.statement_b.state, "sent")
        # downloads of their own
        response = self.url_open(f"{self.statement_a.access_url}/xlsx")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content[:2], b"PK")
        response = self.url_open(f"{self.statement_a.access_url}?report_type=pdf")
        self.assertEqual(response.headers["Content-Type"], "application/pdf")

    def _csrf(self):
        page = self.url_open(self.statement_a.access_url).text
        return page.split('name="csrf_token" value="')[1].split('"')[0]

    @mute_logger("odoo.http")
    def test_isolation_over_json_rpc(self):
        self.authenticate("dealer_a", "dealer_a")
        found = self._rpc(
            "retail.partner.statement",
            "search_read",
            [],
            fields=["partner_id", "closing_balance"],
        )
        self.assertEqual([row["id"] for row in found], self.statement_a.ids)
        lines = self._rpc(
            "retail.partner.statement.line", "search_read", [], fields=["balance"]
        )
        self.assertEqual(
            {row["id"] for row in lines}, set(self.statement_a.line_ids.ids)
        )
        for model, ids, method, args in (
            (
                "retail.partner.statement",
                self.statement_b.ids,
                "read",
                [["closing_balance"]],
            ),
            (
                "retail.partner.statement",
                self.draft_a.ids,
                "read",
                [["closing_balance"]],
            ),
            (
                "retail.partner.statement.line",
                self.statement_b.line_ids.ids,
                "read",
                [["balance"]],
            ),
            (
                "retail.partner.statement",
                self.statement_a.ids,
                "write",
                [{"closing_balance": 0}],
            ),
            ("retail.partner.statement", self.statement_a.ids, "retail_confirm", []),
            ("retail.partner.statement", self.statement_b.ids, "retail_confirm", []),
            ("account.move.line", self.invoice_b.line_ids.ids, "read", [["balance"]]),
            ("account.move", self.invoice_b.ids, "read", [["amount_total"]]),
            ("res.partner", self.dealer_b.ids, "read", [["credit"]]),
        ):
            with self.subTest(model=model, method=method, ids=ids):
                with self.assertRaises(JsonRpcException) as caught:
                    self._rpc(model, method, ids, *args)
                self.assertIn(
                    str(caught.exception),
                    ("odoo.exceptions.AccessError", "odoo.exceptions.MissingError"),
                )
        self.assertEqual(self.statement_a.state, "sent")
        self.assertEqual(self.statement_b.state, "sent")

    def test_dealer_disputes_a_line(self):
        self.authenticate("dealer_b", "dealer_b")
        page = self.url_open(self.statement_b.access_url).text
        csrf = page.split('name="csrf_token" value="')[1].split('"')[0]
        line = self.statement_b.line_ids
        response = self.url_open(
            f"{self.statement_b.access_url}/dispute",
            data={
                "csrf_token": csrf,
                "note": "",
                f"line_{line.id}": "金额应为707元" + "x" * 5000,
            },
        )
        self.assertIn("Your remarks were sent", response.text)
        self.assertEqual(self.statement_b.state, "disputed")
        self.assertTrue(line.dispute_note.startswith("金额应为707元"))
        self.assertEqual(len(line.dispute_note), 2000, "bounded")
        activity = self.statement_b.activity_ids
        self.assertEqual(activity.user_id, self.accountant)
        self.assertIn("金额应为707元", str(activity.note))
        # an empty dispute is refused with the reason, the statement unchanged
        self.statement_b.with_user(self.accountant).action_reset_draft()
        self.statement_b.with_user(self.accountant).action_send()
        response = self.url_open(
            f"{self.statement_b.access_url}/dispute",
            data={"csrf_token": csrf, "note": " "},
        )
        self.assertIn("Say what is wrong with the statement", response.text)
        self.assertEqual(self.statement_b.state, "sent")

    def test_dealer_confirms_on_a_phone(self):
        self.start_tour(
            "/my", "retail_ordering_statement_confirm_tour", login="dealer_a"
        )
        self.assertEqual(self.statement_a.state, "confirmed")
        self.assertEqual(self.statement_a.confirmed_by_id, self.user_a)
        self.assertFalse(self.statement_b.confirmed_by_id)
