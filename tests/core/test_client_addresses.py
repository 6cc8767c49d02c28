"""Who the client is, behind the shipped nginx and without it (core/clients.py).

The newsletter signup is served by gunicorn behind a real nginx configured with
deploy/nginx.conf's proxy headers; readers connect from addresses of their own on the
loopback network (127.0.0.0/8), as they would from their own machines.
"""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from dateline.core.clients import client_ip
from tests.helpers.factories import make_site
from tests.helpers.nginx import NGINX, LoopbackClient, Nginx
from tests.helpers.servers import Gunicorn, SharedDatabase, server_env

SUBSCRIBE = "/newsletter/subscribe/"


@pytest.fixture
def behind_nginx(tmp_path):
    """gunicorn on a copy of the test database, and nginx in front of it."""
    make_site()
    shared = SharedDatabase(tmp_path / "db")
    shared.publish()
    env = server_env(
        DJANGO_SETTINGS_MODULE="tests.helpers.fault_settings",
        DATABASE_URL=shared.url,
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    # One worker: its local-memory cache is the one rate-limit counter of this site.
    app = Gunicorn(env, tmp_path / "gunicorn.log", workers=1)
    proxy = Nginx(tmp_path / "nginx", app.port)
    yield app, proxy, shared
    proxy.stop()
    app.stop()


def signup(address: str, port: int, email: str, **headers) -> tuple[int, str]:
    form = {"email": email, "edition": "en"}
    return LoopbackClient(address).request("POST", port, SUBSCRIBE, form, headers)


@pytest.mark.skipif(not NGINX.exists(), reason="needs nginx")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_behind_nginx_each_reader_has_a_quota_of_their_own(behind_nginx):
    app, proxy, shared = behind_nginx
    readers = [f"127.0.0.{n}" for n in range(2, 52)]

    # 50 readers on 50 machines sign up within the hour: nobody shares nginx's quota of 10.
    for n, address in enumerate(readers):
        status, _body = signup(address, proxy.port, f"reader{n}@example.org")
        assert status == 302, f"reader {n} at {address} was refused"
    assert shared.query("SELECT count(*) FROM newsletter_subscriber") == [(50,)]

    # One reader goes on: their 10th signup of the hour passes, the 11th is refused, and
    # told why in words.
    first = readers[0]
    for n in range(9):
        assert signup(first, proxy.port, f"again{n}@example.org")[0] == 302
    status, body = signup(first, proxy.port, "again9@example.org")
    assert status == 429
    assert "Too many signups" in body
    assert "too many signups from your network" in body
    # ... while the reader next door still may.
    assert signup(readers[1], proxy.port, "neighbour@example.org")[0] == 302

    # A forged X-Forwarded-For changes nothing: through nginx it is kept on the left of
    # the address nginx appends, and straight to the app it comes from no trusted proxy.
    forged = {"X-Forwarded-For": "203.0.113.9", "X-Real-IP": "203.0.113.9"}
    assert signup(first, proxy.port, "forged1@example.org", **forged)[0] == 429
    assert signup(first, app.port, "forged2@example.org", **forged)[0] == 429
    # Nor can a stranger spend a reader's quota by naming them: 10 straight-to-the-app
    # signups claiming to be readers[2] count against the stranger.
    stranger, named = "127.0.0.200", {"X-Forwarded-For": readers[2]}
    for n in range(10):
        assert signup(stranger, app.port, f"stranger{n}@example.org", **named)[0] == 302
    assert signup(stranger, app.port, "stranger10@example.org", **named)[0] == 429
    assert signup(readers[2], proxy.port, "victim@example.org")[0] == 302
    assert shared.query(
        "SELECT count(*) FROM newsletter_subscriber WHERE email LIKE 'forged%%'"
    ) == [(0,)]


@pytest.mark.parametrize(
    ("remote", "forwarded", "client"),
    [
        # No proxy: the socket's address, whatever the header says.
        ("198.51.100.20", "203.0.113.9", "198.51.100.20"),
        # nginx on the machine: the address it appended, not what the client wrote before it.
        ("127.0.0.1", "203.0.113.9, 198.51.100.20", "198.51.100.20"),
        ("::1", "2001:db8::7", "2001:db8::7"),
        # A header that is not an address is not read past.
        ("127.0.0.1", "203.0.113.9, <script>", "127.0.0.1"),
    ],
)
def test_the_client_is_the_first_untrusted_address_from_the_right(
    settings, remote, forwarded, client
):
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == client


def test_a_chain_of_trusted_proxies_is_walked(settings):
    """A CDN or load balancer in front of nginx: name both, and the reader is found."""
    settings.DATELINE_TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/24"]
    request = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.20, 10.0.0.5"
    )
    assert client_ip(request) == "198.51.100.20"
    settings.DATELINE_CLIENT_IP_HEADER = ""
    assert client_ip(request) == "127.0.0.1", "no header named: the socket, always"


@pytest.mark.django_db
def test_login_lockout_counts_the_forwarded_reader_and_ignores_forgeries(client, settings):
    """django-axes asks core.clients (AXES_CLIENT_IP_CALLABLE): a lockout holds the
    address the proxy saw, and a forged header straight to the app neither escapes it nor
    locks anyone else out."""
    from django.contrib.auth.models import User

    User.objects.create_user("editor", password="a-long-enough-password")
    settings.AXES_FAILURE_LIMIT = 2
    cache.clear()

    def login(remote, forwarded, password="wrong-password-here"):
        return client.post(
            "/admin/login/",
            {"username": "editor", "password": password},
            REMOTE_ADDR=remote,
            HTTP_X_FORWARDED_FOR=forwarded,
        )

    for _attempt in range(2):
        login("127.0.0.1", "198.51.100.20")
    assert login("127.0.0.1", "198.51.100.20").status_code == 429
    # The same editor from another network, through the proxy, still logs in.
    assert login("127.0.0.1", "198.51.100.30", "a-long-enough-password").status_code == 302
    client.logout()
    # Straight to the app from the locked-out address, claiming another: still locked out.
    assert login("198.51.100.20", "198.51.100.40", "a-long-enough-password").status_code == 429

    from axes.models import AccessAttempt

    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.20"}


@pytest.mark.django_db
def test_the_view_counts_count_readers_behind_the_proxy_and_ignore_forgeries(client, site):
    """The audience beacon's repeat filter asks core.clients too: two readers behind nginx
    are two views; one reader straight to the app cannot pass for others by forging."""
    from dateline.audience import services
    from dateline.audience.models import PageView
    from tests.helpers.factories import make_articles

    cache.clear()
    cache.add(services.SCHEDULE_KEY, 1, 3600)  # no aggregation during this test
    article = make_articles(site, 1)[0]
    agent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"

    def beacon(remote, forwarded):
        return client.post(
            "/audience/views/",
            {"page": article.pk},
            HTTP_USER_AGENT=agent,
            REMOTE_ADDR=remote,
            HTTP_X_FORWARDED_FOR=forwarded,
        )

    beacon("127.0.0.1", "198.51.100.20")
    beacon("127.0.0.1", "198.51.100.30")
    assert PageView.objects.count() == 2
    for forged in ("203.0.113.1", "203.0.113.2", "203.0.113.3"):
        beacon("198.51.100.40", forged)
    assert PageView.objects.count() == 3, "one reader, counted once"
    cache.clear()
