"""One message over a raw SMTP connection, with a point just before the final dot."""

import smtplib


def quote_periods(data: bytes) -> bytes:
    """RFC 5321 4.5.2 dot-stuffing, and the CRLF the final dot must follow."""
    data = data.replace(b"\r\n.", b"\r\n..")
    if data.startswith(b"."):
        data = b"." + data
    return data if data.endswith(b"\r\n") else data + b"\r\n"


def transmit(smtp: smtplib.SMTP, sender: str, email: str, data: bytes, before_dot) -> None:
    """MAIL, RCPT and DATA for one message, calling ``before_dot()`` just before the final
    dot: up to the dot the server cannot have accepted the message, so what ``before_dot``
    commits is true until the server's answer. smtplib.SMTP.sendmail has no such point.

    Raises SMTPRecipientsRefused, SMTPDataError (the server answered, so nothing is in
    doubt) or SMTPServerDisconnected/OSError (the message may or may not have been kept).
    """
    smtp.ehlo_or_helo_if_needed()
    code, reply = smtp.mail(sender)
    if code != 250:
        raise smtplib.SMTPSenderRefused(code, reply, sender)
    code, reply = smtp.rcpt(email)
    if code not in (250, 251):
        raise smtplib.SMTPRecipientsRefused({email: (code, reply)})
    smtp.putcmd("data")
    code, reply = smtp.getreply()
    if code != 354:
        raise smtplib.SMTPDataError(code, reply)
    before_dot()
    # The message and its final dot in one write: a dot sent on its own after the message
    # waits, under Nagle's algorithm, for the server's delayed ACK (40 ms on Linux: 45 ms
    # a message instead of 2).
    smtp.send(quote_periods(data) + b".\r\n")
    code, reply = smtp.getreply()
    if code != 250:
        raise smtplib.SMTPDataError(code, reply)
