"""A fake SMS gateway on loopback for the tests: a real HTTP server that checks the
signature of each request and answers as Aliyun SMS does."""

import base64
import hashlib
import hmac
import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, HTTPServer


class FakeSmsGateway:
    def __init__(self, secret, refuse=()):
        self.requests = []
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers["Content-Length"])
                params = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
                gateway.requests.append(dict(params))
                signature = params.pop("Signature", "")
                query = urllib.parse.urlencode(sorted(params.items()))
                expected = base64.b64encode(
                    hmac.new(
                        f"{secret}&".encode(), query.encode(), hashlib.sha1
                    ).digest()
                ).decode()
                if signature != expected:
                    answer = {
                        "Code": "SignatureDoesNotMatch",
                        "Message": "bad signature",
                    }
                elif params.get("PhoneNumbers") in refuse:
                    answer = {
                        "Code": "isv.MOBILE_NUMBER_ILLEGAL",
                        "Message": "号码格式错误",
                    }
                else:
                    answer = {
                        "Code": "OK",
                        "Message": "OK",
                        "BizId": "900619746936498440",
                    }
                body = json.dumps(answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
