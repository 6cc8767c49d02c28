"""An SMTP handler that keeps what it is sent, and readers of the emails it keeps."""

import email
import threading


class Sink:
    """Collects every message it accepts; ``refuse`` lists addresses it answers 550 for."""

    def __init__(self):
        self.messages = []
        self.refuse: set[str] = set()
        # Addresses whose message is refused after the final dot (550 to DATA).
        self.refuse_data: set[str] = set()
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refuse:
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.refuse_data & {address.lower() for address in envelope.rcpt_tos}:
            return "550 5.7.1 Message refused"
        message = email.message_from_bytes(envelope.content)
        with self.lock:
            self.messages.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted"

    def to(self, address):
        return [m for rcpt, m in self.messages if address in rcpt]


def text_of(message, subtype="plain") -> str:
    for part in message.walk():
        if part.get_content_type() == f"text/{subtype}":
            return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
    raise AssertionError(f"no text/{subtype} part")


def path_of(url: str) -> str:
    """The path of an absolute link in an email, for the test client."""
    return "/" + url.split("://", 1)[1].split("/", 1)[1]
