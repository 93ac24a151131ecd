import json

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged

from .sms_gateway import FakeSmsGateway

SECRET = "test-gateway-secret"  # noqa: S105 (the fake gateway's)


class SmsCommon(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.company = cls.env.company
        cls.member = cls.env["res.partner"].create(
            {"name": "Test SMS Member", "mobile": "+86 139-0000-1234", "lang": "en_US"}
        )
        cls.Texts = cls.env["retail.member.sms"]

    def _gateway(self, url, limit=5):
        self.company.write(
            {
                "retail_sms_provider": "gateway",
                "retail_sms_endpoint": url,
                "retail_sms_access_key": "LTAI-test",
                "retail_sms_secret": SECRET,
                "retail_sms_sign_name": "示例零售",
                "retail_sms_template_code": "SMS_0001",
                "retail_sms_daily_limit": limit,
            }
        )

    def _send(self, *bodies, partner=None):
        sms = self.Texts._queue([(partner or self.member, body) for body in bodies])
        sms._send(unlink_sent=False)
        return sms

    def _logs(self):
        return self.env["retail.sms.log"].search(
            [("number", "=", "13900001234")], order="id"
        )


@tagged("post_install", "-at_install")
class TestMemberSms(SmsCommon):
    """短信 through the company's gateway (a fake one on loopback, real HTTP)."""

    def test_texts_go_through_the_gateway_signed(self):
        with FakeSmsGateway(SECRET) as gateway:
            self._gateway(gateway.url)
            sms = self._send("您的储值卡余额为 100 元。")
        self.assertEqual(len(gateway.requests), 1)
        params = gateway.requests[0]
        self.assertEqual(params["PhoneNumbers"], "13900001234")  # +86, dashes gone
        self.assertEqual(params["SignName"], "示例零售")
        self.assertEqual(params["TemplateCode"], "SMS_0001")
        self.assertEqual(params["AccessKeyId"], "LTAI-test")
        self.assertEqual(
            json.loads(params["TemplateParam"]),
            {"content": "您的储值卡余额为 100 元。"},
        )
        self.assertEqual(sms.state, "sent")
        log = self._logs()
        self.assertEqual(
            (log.state, log.partner_id, log.body, log.template_code),
            ("sent", self.member, "您的储值卡余额为 100 元。", "SMS_0001"),
        )
        self.assertEqual(log.message, "OK: OK")

    def test_a_wrong_secret_or_number_is_refused_and_logged(self):
        with FakeSmsGateway("another-secret") as gateway:
            self._gateway(gateway.url)
            sms = self._send("hello")
        self.assertEqual((sms.state, sms.failure_type), ("error", "sms_server"))
        self.assertIn("SignatureDoesNotMatch", self._logs().message)
        with FakeSmsGateway(SECRET, refuse={"13900001234"}) as gateway:
            self._gateway(gateway.url)
            sms = self._send("hello")
        self.assertEqual((sms.state, sms.failure_type), ("error", "sms_number_format"))
        self.assertEqual(self._logs()[-1].state, "error")

    def test_opted_out_numbers_are_not_texted(self):
        """A member who replied 退订 gets no text; it is logged as opted out."""
        self.Texts._record_opt_out("13900001234", "TD")
        with FakeSmsGateway(SECRET) as gateway:
            self._gateway(gateway.url)
            sms = self._send("hello")
        self.assertFalse(gateway.requests)
        self.assertEqual((sms.state, sms.failure_type), ("error", "sms_optout"))
        self.assertEqual(self._logs().state, "opted_out")

    def test_a_number_gets_at_most_the_daily_limit(self):
        with FakeSmsGateway(SECRET) as gateway:
            self._gateway(gateway.url, limit=2)
            sms = self._send("one", "two", "three")
        self.assertEqual(len(gateway.requests), 2)
        self.assertEqual(sms.mapped("state"), ["sent", "sent", "error"])
        self.assertEqual(self._logs().mapped("state"), ["sent", "sent", "rate_limited"])

    def test_store_managers_read_the_log_cashiers_do_not(self):
        with FakeSmsGateway(SECRET) as gateway:
            self._gateway(gateway.url)
            self._send("hello")
        Log = self.env["retail.sms.log"]
        manager = new_test_user(
            self.env,
            login="sms_store_manager",
            groups="retail_wholesale.retail_wholesale_group_store_manager",
        )
        cashier = new_test_user(
            self.env,
            login="sms_cashier",
            groups="retail_wholesale.retail_wholesale_group_cashier",
        )
        self.assertEqual(
            Log.with_user(manager).search([("number", "=", "13900001234")]).state,
            "sent",
        )
        with self.assertRaises(AccessError):
            Log.with_user(cashier).search([])
        with self.assertRaises(AccessError):
            Log.with_user(manager).create(
                {"company_id": self.company.id, "number": "1", "state": "sent"}
            )

    def test_a_gateway_needs_its_settings(self):
        with self.assertRaises(ValidationError) as caught:
            self.company.write(
                {"retail_sms_provider": "gateway", "retail_sms_endpoint": False}
            )
        self.assertIn("SMS Gateway URL", str(caught.exception))
        self.assertIn("SMS Template Code", str(caught.exception))

    def test_without_a_gateway_core_sends(self):
        """A company on core's SMS (IAP) is not touched: nothing logged here."""
        self.assertEqual(self.company.retail_sms_provider, "odoo")
        sms = self.Texts._queue([(self.member, "hello")])
        self.assertEqual(sms.number, "13900001234")
        self.assertEqual(sms.state, "outgoing")
        self.assertFalse(self._logs())


@tagged("post_install", "-at_install")
class TestMemberSmsReplies(HttpCase):
    """The gateway's callback with the members' replies opts numbers out."""

    def test_a_reply_td_opts_the_number_out(self):
        url = self.env.company.retail_sms_reply_url
        path = url[url.index("/retail/sms/reply/") :]
        self.authenticate(None, None)
        answer = self.url_open(
            path,
            data=json.dumps(
                [
                    {"phone_number": "13900005678", "content": "TD"},
                    {"phone_number": "13900009999", "content": "谢谢"},
                ]
            ),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(answer.status_code, 200)
        self.assertEqual(answer.json()["opted_out"], 1)
        Texts = self.env["retail.member.sms"]
        self.assertEqual(
            Texts._opted_out(["13900005678", "13900009999"]), {"13900005678"}
        )
        # the callback of another database, or a guess, does nothing
        wrong = self.url_open(
            "/retail/sms/reply/not-the-token",
            data=json.dumps([{"phone_number": "13900009999", "content": "TD"}]),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(wrong.status_code, 404)
        self.assertFalse(Texts._opted_out(["13900009999"]))
