"""Bad input, systematically: generated strings, numbers and Unicode thrown at the query
parameters of every public address and at every public form.

Whatever arrives, the answer is never a 5xx, and a marker containing ``<`` that the input
carries never comes back unescaped in HTML or XML. Hypothesis runs with a fixed seed
(``derandomize``) so CI sees the same examples every run; ``FUZZ_EXAMPLES`` raises the
number of examples per address for a longer hunt.
"""

import os

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.helpers.factories import make_articles

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "20"))
fuzz = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

MARKER = "<x-fuzz"
TRICKY = [
    "\u202e",  # right-to-left override
    "\u200f",  # right-to-left mark
    "\u200b",  # zero-width space
    "\u200d",  # zero-width joiner
    "\ufeff",  # byte order mark
    "\u0301",  # combining acute accent
    "\u0489",  # combining cyrillic millions sign
    "\x00",
    "\r\n",
    "\t",
    "א",
    "ع",
    "Ж",
    "\U0001f600",
    "²",  # a digit to str.isdigit(), not to int()
    "١",  # Arabic-Indic digit one
    "Ⅻ",
    "%",
    "%00",
    "'",
    '"',
    "&",
    "\\",
    "<",
    ">",
    "</script>",
    "{{",
    "{%",
    "-",
    "*",
    "OR",
    "NEAR(",
]
tricky_text = st.lists(
    st.one_of(st.characters(codec="utf-8"), st.sampled_from(TRICKY)), max_size=20
).map("".join)
numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["0", "-1", "1e9999", "9" * 40, "0x10", "1_000", " 7 ", "²", "١٢"]),
)
overlong = st.text(min_size=1, max_size=3).map(lambda s: s * 3000)
values = st.one_of(tricky_text, numbers, overlong)
marked = st.tuples(st.booleans(), values).map(lambda t: (MARKER + t[1]) if t[0] else t[1])


def params_for(names):
    return st.fixed_dictionaries({}, optional={name: marked for name in names})


@pytest.fixture
def newsroom(site, settings):
    settings.DATELINE_FORM_RATE = (10_000, 3600)
    settings.NEWSLETTER_SIGNUP_RATE_IP = (10_000, 3600)
    settings.NEWSLETTER_SIGNUP_RATE_ADDRESS = (10_000, 3600)
    [article] = make_articles(site, 1)
    cache.clear()
    return {**site, "article": article}


def check(response, sent) -> None:
    assert response.status_code < 500, f"{response.status_code} for {sent!r}"
    kind = response.get("Content-Type", "")
    if "html" in kind or "xml" in kind:
        body = response.content.decode(errors="replace")
        assert MARKER not in body, f"unescaped input reflected for {sent!r}"


PAGES = ["/", "/about/", "/regions/", "/regions/caucasus/", "/regions/caucasus/armenia/"]


@fuzz
@given(path=st.sampled_from(PAGES), params=params_for(["page", "q", "utm_source", "p"]))
def test_pages_and_listings(client, newsroom, path, params):
    check(client.get(path, params), (path, params))


@fuzz
@given(params=params_for(["page", "after", "ref"]))
def test_article(client, newsroom, params):
    check(client.get(newsroom["article"].url, params), params)


@fuzz
@given(params=params_for(["q", "place", "topic", "type", "from", "to", "sort", "page"]))
@example(params={"page": "²"})
@example(params={"page": "9" * 40, "from": "9999-99-99"})
def test_search(client, newsroom, params):
    check(client.get("/search/", params), params)


FEEDS = [
    "/feeds/rss/",
    "/feeds/atom/",
    "/feeds/rss/regions/caucasus/",
    "/sitemap.xml",
    "/sitemap-en.xml",
    "/news-sitemap-en.xml",
    "/robots.txt",
    "/opensearch.xml",
]


@fuzz
@given(path=st.sampled_from(FEEDS), params=params_for(["p", "page", "q"]))
def test_feeds_and_sitemaps(client, newsroom, path, params):
    check(client.get(path, params), (path, params))


API = ["/api/v2/articles/", "/api/v2/episodes/", "/api/v2/terms/"]
API_PARAMS = [
    "place",
    "topic",
    "published_after",
    "published_before",
    "limit",
    "offset",
    "order",
    "search",
    "fields",
    "type",
    "locale",
    "slug",
    "child_of",
]


@fuzz
@given(path=st.sampled_from(API), params=params_for(API_PARAMS))
@example(path="/api/v2/articles/", params={"place": "²"})
@example(path="/api/v2/articles/", params={"topic": "9" * 40})
@example(path="/api/v2/articles/", params={"offset": "9" * 40, "limit": "-1"})
@example(path="/api/v2/terms/", params={"child_of": "9" * 40})
def test_api(client, newsroom, path, params):
    check(client.get(path, params), (path, params))


@fuzz
@given(detail=values, params=params_for(["fields"]))
def test_api_detail(client, newsroom, detail, params):
    path = f"/api/v2/articles/{newsroom['article'].pk}/"
    check(client.get(path, params), (detail, params))


@fuzz
@given(params=params_for(["after"]))
@example(params={"after": "²"})
@example(params={"after": "9" * 40})
def test_live_updates(client, newsroom, params):
    check(client.get(f"/live/{newsroom['article'].pk}/updates/", params), params)


@fuzz
@given(data=params_for(["page", "ref"]))
@example(data={"page": "²"})
@example(data={"page": "9" * 40})
def test_audience_beacon(client, newsroom, data):
    check(client.post("/audience/views/", data), data)


@fuzz
@given(data=params_for(["email", "edition", "website", "next"]))
def test_newsletter_signup(client, newsroom, data):
    check(client.post("/newsletter/subscribe/", data), data)


@fuzz
@given(token=values, data=params_for(["edition", "paused"]))
def test_newsletter_token_pages(client, newsroom, token, data):
    token = token.replace("/", "").replace("\x00", "") or "x"
    for view in ("confirm", "preferences", "unsubscribe"):
        check(client.get(f"/newsletter/{view}/{token}/"), token)
        check(client.post(f"/newsletter/{view}/{token}/", data), (token, data))


@pytest.fixture
def contact(newsroom):
    from tests.helpers.factories import desk_page

    return desk_page(newsroom, slug="contact", attachments=False)


@fuzz
@given(data=params_for(["your_name", "email", "pitch", "website"]))
def test_contact_form(client, contact, data):
    check(client.post(contact.url, data), data)
