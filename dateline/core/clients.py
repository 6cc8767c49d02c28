"""Who is asking, as far as the ground floor needs to know: the client's address.

The one place that decides it, for every limit (the desk's forms, the newsletter signup,
the login lockout through ``AXES_CLIENT_IP_CALLABLE``) and for the audience's repeat-view
filter. Never stored by Dateline; the limits keep keyed hashes of it (``core.ratelimits``).
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(trusted: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in trusted)


def _parse(address: str):
    try:
        return ipaddress.ip_address(address.strip())
    except ValueError:
        return None


def _is_trusted(address, networks: tuple[Network, ...]) -> bool:
    return address is not None and any(address in network for network in networks)


def client_ip(request: HttpRequest) -> str:
    """The client's IP address.

    The socket's address, unless that is one of ``DATELINE_TRUSTED_PROXIES`` and the request
    carries the header ``DATELINE_CLIENT_IP_HEADER`` names (e.g. ``HTTP_X_FORWARDED_FOR``).
    Then the header is read from its end, skipping trusted proxies: the first address that
    is not one is the client. A proxy appends the address it saw, so whatever a client wrote
    in the header itself sits to the left of it and is never read; a client that reaches
    the app directly, not through a trusted proxy, cannot name itself at all.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    header = settings.DATELINE_CLIENT_IP_HEADER
    forwarded = request.META.get(header, "") if header else ""
    networks = _networks(tuple(settings.DATELINE_TRUSTED_PROXIES))
    if not forwarded or not _is_trusted(_parse(remote), networks):
        return remote
    client = remote
    for entry in reversed(forwarded.split(",")):
        address = _parse(entry)
        if address is None:
            # Not an address: a proxy never writes that, so it came from the client side.
            break
        client = str(address)
        if not _is_trusted(address, networks):
            break
    return client
