import base64
import hashlib
import hmac
import json
import logging
import urllib.parse
import uuid
from datetime import datetime, time

import requests

from odoo import api, fields, models

_logger = logging.getLogger(__name__)

# the gateway's error codes (Aliyun SMS's) that say more than a server error
GATEWAY_FAILURES = {
    "isv.MOBILE_NUMBER_ILLEGAL": "sms_number_format",
    "isv.AMOUNT_NOT_ENOUGH": "sms_credit",
    "isv.BLACK_KEY_CONTROL_LIMIT": "sms_blacklist",
}


class SmsSms(models.Model):
    _inherit = "sms.sms"

    def _send(self, unlink_failed=False, unlink_sent=True, raise_exception=False):
        """Through the company's SMS gateway when it has one (a Chinese provider:
        signature + template code), else core's."""
        company = self.env.company
        if company.retail_sms_provider != "gateway":
            return super()._send(
                unlink_failed=unlink_failed,
                unlink_sent=unlink_sent,
                raise_exception=raise_exception,
            )
        return self._retail_send_by_gateway(company, unlink_failed, unlink_sent)

    def _retail_send_by_gateway(self, company, unlink_failed, unlink_sent):
        """One request per text; numbers that opted out (退订) and numbers over the
        company's daily limit are not sent; every text is logged."""
        Texts = self.env["retail.member.sms"]
        Log = self.env["retail.sms.log"].sudo()
        numbers = {sms: Texts._normalize(sms.number) for sms in self}
        opted_out = Texts._opted_out(numbers.values())
        sent_today = dict(
            Log._read_group(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "sent"),
                    ("number", "in", list(set(numbers.values()))),
                    (
                        "create_date",
                        ">=",
                        datetime.combine(fields.Date.today(), time.min),
                    ),
                ],
                ["number"],
                ["__count"],
            )
        )
        logs = []
        for sms, number in numbers.items():
            if number in opted_out:
                state, failure, message = "opted_out", "sms_optout", "opted out"
            elif sent_today.get(number, 0) >= company.retail_sms_daily_limit:
                state, failure, message = "rate_limited", "sms_server", "daily limit"
            else:
                code, message = self._retail_post(company, number, sms.body)
                state = "sent" if code == "OK" else "error"
                failure = GATEWAY_FAILURES.get(code, "sms_server")
                message = f"{code}: {message}"
            if state == "sent":
                sent_today[number] = sent_today.get(number, 0) + 1
                sms._update_sms_state_and_trackers("sent")
                sms.to_delete = unlink_sent
            else:
                sms._update_sms_state_and_trackers("error", failure_type=failure)
                sms.to_delete = unlink_failed
            logs.append(
                {
                    "company_id": company.id,
                    "partner_id": sms.partner_id.id,
                    "number": number,
                    "body": sms.body,
                    "template_code": company.retail_sms_template_code,
                    "state": state,
                    "message": message[:200],
                }
            )
        Log.create(logs)
        self.mail_message_id._notify_message_notification_update()

    def _retail_post(self, company, number, body):
        """Send one text: (the gateway's code, its message); "OK" when sent."""
        company = company.sudo()
        params = {
            "AccessKeyId": company.retail_sms_access_key or "",
            "PhoneNumbers": number,
            "SignName": company.retail_sms_sign_name or "",
            "TemplateCode": company.retail_sms_template_code or "",
            "TemplateParam": json.dumps({"content": body}, ensure_ascii=False),
            "Timestamp": fields.Datetime.now().strftime("%Y-%m-%dT%H:%M:%SZ"),
            "SignatureNonce": uuid.uuid4().hex,
        }
        params["Signature"] = self._retail_signature(params, company.retail_sms_secret)
        try:
            response = requests.post(
                company.retail_sms_endpoint, data=params, timeout=10
            )
            answer = response.json()
        except (requests.RequestException, ValueError) as error:
            _logger.info("SMS gateway of %s unreachable: %s", company.name, error)
            return "NETWORK", str(error)
        return str(answer.get("Code", "?")), str(answer.get("Message", ""))

    @api.model
    def _retail_signature(self, params, secret):
        """HMAC-SHA1 (key: the secret and "&") of the parameters sorted and URL
        encoded, base64: the signature the gateway checks (Aliyun SMS's way)."""
        query = urllib.parse.urlencode(sorted(params.items()))
        digest = hmac.new(
            f"{secret or ''}&".encode(), query.encode(), hashlib.sha1
        ).digest()
        return base64.b64encode(digest).decode()
