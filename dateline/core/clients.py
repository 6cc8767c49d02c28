"""Who is asking, as far as the ground floor needs to know: the client's address.

Used for rate limits and for the audience's repeat-view filter; never stored.
"""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The client's IP address; behind a proxy, the last hop the proxy appended.

    ``DATELINE_CLIENT_IP_HEADER`` (e.g. ``HTTP_X_FORWARDED_FOR``) names the header a trusted
    proxy sets; unset, the socket's address is used, as readers cannot forge it.
    """
    header = settings.DATELINE_CLIENT_IP_HEADER
    if header and request.META.get(header):
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")
