#!/usr/bin/env python3
"""A webhook receiver that checks each delivery as the Standard Webhooks specification says, then prints the event.

    python3 docs/webhook-receiver.py PORT SECRET      (SECRET: the whsec_… planeval answered createWebhook with)
"""
import base64, hashlib, hmac, json, sys, time
from http.server import BaseHTTPRequestHandler, HTTPServer

PORT, SECRET = int(sys.argv[1]), sys.argv[2]
KEY = base64.b64decode(SECRET.removeprefix("whsec_"))


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        msg_id, timestamp = self.headers["webhook-id"], self.headers["webhook-timestamp"]
        expected = base64.b64encode(hmac.new(KEY, f"{msg_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()).decode()
        signed = any(hmac.compare_digest(s.removeprefix("v1,"), expected) for s in self.headers["webhook-signature"].split())
        fresh = abs(time.time() - int(timestamp)) < 300
        self.send_response(204 if signed and fresh else 401)
        self.end_headers()
        event = json.loads(body)
        print("verified" if signed and fresh else "REFUSED", msg_id, event["type"], json.dumps(event["data"], ensure_ascii=False), flush=True)

    def log_message(self, *args):
        pass


HTTPServer(("127.0.0.1", PORT), Receiver).serve_forever()
