import json

from odoo import http
from odoo.http import request
from odoo.tools import consteq
from odoo.tools.misc import hmac

# replies that unsubscribe (退订) a number
OPT_OUT_REPLIES = {"TD", "T", "N", "0000", "退订", "退", "取消"}


class RetailSmsReplyController(http.Controller):
    """The gateway's callback with the members' replies (上行短信): a reply of 退订,
    TD, T or N opts the number out of every text of the company."""

    @http.route(
        "/retail/sms/reply/<string:token>",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,
    )
    def sms_reply(self, token, **post):
        expected = hmac(request.env(su=True), "retail_member.sms_reply", "reply")
        if not consteq(expected, token):
            raise request.not_found()
        try:
            replies = json.loads(request.httprequest.get_data() or b"[]")
        except ValueError:
            replies = [post]
        if isinstance(replies, dict):
            replies = [replies]
        Texts = request.env["retail.member.sms"].sudo()
        opted_out = 0
        for reply in replies:
            content = str(reply.get("content") or "").strip().upper()
            if content in OPT_OUT_REPLIES and reply.get("phone_number"):
                Texts._record_opt_out(reply["phone_number"], content)
                opted_out += 1
        return request.make_json_response(
            {"code": 0, "msg": "成功", "opted_out": opted_out}
        )
