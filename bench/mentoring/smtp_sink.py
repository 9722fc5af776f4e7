"""A local SMTP server (Debian's python3-aiosmtpd, as the tests use) that keeps only each
recipient, one line per message, so that the benchmark can count what arrived and find doubles."""
import sys
import threading

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, path):
        self.out = open(path, "a", buffering=1, encoding="utf-8")

    async def handle_DATA(self, server, session, envelope):
        for recipient in envelope.rcpt_tos:
            self.out.write(recipient + "\n")
        return "250 OK"


controller = Controller(Sink(sys.argv[2]), hostname="127.0.0.1", port=int(sys.argv[1]))
controller.start()
print("listening", flush=True)
threading.Event().wait()
