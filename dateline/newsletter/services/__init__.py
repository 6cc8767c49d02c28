"""Writes and side effects of the newsletter, one module per job:

- ``subscriptions``: signing up, confirming, preferences, unsubscribing, bounces;
- ``rate_limits``: the signup form's limits per network and per address;
- ``digests``: the weekly digest, when it is due and when it goes out;
- ``send_log``: the send log, its rows' leases and the commits around each group of messages;
- ``sending``: handing a claimed batch to the mail server, and delivering a whole issue;
- ``smtp``: one message over a raw SMTP connection, with a point just before the final dot.
"""
