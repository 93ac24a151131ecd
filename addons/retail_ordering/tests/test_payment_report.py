import base64

from odoo.tests import HttpCase, JsonRpcException, tagged
from odoo.tools import mute_logger

from .common import OrderingCommon

# the smallest PNG: a 1×1 pixel
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestPaymentReport(OrderingCommon, HttpCase):
    """A dealer reports a bank transfer with the slip; the accountant matches it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.accountant = cls.role_users["accountant"]
        cls.env.company.retail_portal_accountant_id = cls.accountant

    def _report(self, files=None, **data):
        page = self.url_open("/my/payments").text
        csrf = page.split('name="csrf_token" value="')[1].split('"')[0]
        return self.url_open(
            "/my/payments/report", data={"csrf_token": csrf, **data}, files=files
        )

    def test_dealer_reports_accountant_matches(self):
        self.authenticate("dealer_a", "dealer_a")
        response = self._report(
            files={"slip": ("回单.png", PNG, "image/png")},
            amount="1,280.50",
            date="2026-12-01",
            reference="ICBC20261201001",
        )
        self.assertIn("o_retail_payment_reported", response.text)
        report = self.env["retail.payment.report"].search(
            [("partner_id", "=", self.dealer_a.id)]
        )
        self.assertEqual(
            (report.amount, report.reference, report.user_id),
            (1280.5, "ICBC20261201001", self.user_a),
        )
        self.assertEqual(base64.b64decode(report.slip), PNG)
        self.assertEqual(report.activity_ids.user_id, self.accountant)
        slip = self.url_open(f"/web/image/retail.payment.report/{report.id}/slip")
        self.assertEqual(slip.content, PNG, "the dealer's own slip")
        # the accountant makes the payment from it
        report.with_user(self.accountant).action_create_payment()
        payment = report.payment_id
        self.assertEqual(report.state, "matched")
        self.assertIn(payment.state, ("in_process", "paid"), "posted")
        self.assertEqual(
            (payment.amount, payment.partner_id, payment.memo),
            (1280.5, self.dealer_a, "ICBC20261201001"),
        )
        self.assertFalse(report.activity_ids)
        self.assertIn("Matched", self.url_open("/my/payments").text)

    def test_bad_input_leaves_nothing(self):
        self.authenticate("dealer_a", "dealer_a")
        for files, data, message in (
            (
                None,
                {"amount": "-5", "date": "2026-12-01", "reference": "X1"},
                "is not a positive amount",
            ),
            (
                None,
                {"amount": "10", "date": "昨天", "reference": "X1"},
                "is not a date",
            ),
            (
                None,
                {"amount": "10", "date": "2026-12-01", "reference": " "},
                "bank reference",
            ),
            (
                {"slip": ("virus.exe", b"MZ\x90\x00" * 10, "image/png")},
                {"amount": "10", "date": "2026-12-01", "reference": "X1"},
                "must be a photo",
            ),
            (
                {"slip": ("big.png", PNG + b"\0" * (5 * 1024 * 1024), "image/png")},
                {"amount": "10", "date": "2026-12-01", "reference": "X1"},
                "at most 5 MB",
            ),
        ):
            with self.subTest(message=message):
                response = self._report(files=files, **data)
                self.assertIn(message, response.text)
        self.assertFalse(
            self.env["retail.payment.report"].search(
                [("partner_id", "=", self.dealer_a.id)]
            )
        )

    @mute_logger("odoo.http")
    def test_other_dealer_sees_nothing_and_refusal(self):
        self.authenticate("dealer_a", "dealer_a")
        self._report(
            files={"slip": ("slip.png", PNG, "image/png")},
            amount="300",
            date="2026-12-01",
            reference="ABC-1",
        )
        report = self.env["retail.payment.report"].search(
            [("partner_id", "=", self.dealer_a.id)]
        )
        report.with_user(self.accountant).write({"refuse_reason": "银行未收到此笔款项"})
        report.with_user(self.accountant).action_refuse()
        self.assertIn("银行未收到此笔款项", self.url_open("/my/payments").text)
        self.authenticate("dealer_b", "dealer_b")
        self.assertNotIn("ABC-1", self.url_open("/my/payments").text)
        for method, args in (
            ("read", [report.ids, ["amount"]]),
            ("write", [report.ids, {"amount": 1}]),
        ):
            with self.subTest(method=method), self.assertRaises(JsonRpcException):
                self.make_jsonrpc_request(
                    "/web/dataset/call_kw",
                    {
                        "model": "retail.payment.report",
                        "method": method,
                        "args": args,
                        "kwargs": {},
                    },
                )
        response = self.url_open(f"/web/image/retail.payment.report/{report.id}/slip")
        self.assertNotEqual(response.content, PNG, "a placeholder, never the slip")
