"""The API checked against its own OpenAPI description (/api/v2/openapi.json) by schemathesis.

Schemathesis reads the description the site serves and generates requests from it: valid
ones (every described parameter, with values its schema allows) and invalid ones (values
and types the schema forbids). Each answer must be no 5xx, have a status code, content type
and body the description promises, and an invalid request must be refused with a 4xx whose
message says what is wrong. Hypothesis runs with a fixed seed so CI sees the same requests
each run; ``OPENAPI_EXAMPLES`` raises the number of requests per operation for a longer hunt.
"""

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from dateline.syndication import api, openapi
from tests.helpers.factories import ImageFactory, make_articles
from tests.helpers.media_factories import (
    PodcastEpisodePageFactory,
    PodcastSeriesPageFactory,
    make_media,
)

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("OPENAPI_EXAMPLES", "25"))


# The description as the site serves it (test_the_description_is_served checks that they
# are the same). Loaded here rather than from a fixture: schemathesis's lazy fixture loader
# does not work with pytest 9 (it reads a removed private attribute of the test item).
schema = schemathesis.openapi.from_dict(openapi.describe())
schema.app = get_wsgi_application()


@pytest.fixture
def keep_test_connection():
    """Schemathesis calls the WSGI application itself, whose end-of-request signal closes the
    database connection, and with it the test's transaction; Django's test client unhooks
    that handler in the same way."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def newsroom(site, keep_test_connection):
    """Two articles and an episode with a lead image, so that every item field has a value."""
    make_articles(site, 2)
    series = PodcastSeriesPageFactory(parent=make_media(site)["podcasts"])
    PodcastEpisodePageFactory(parent=series, terms=[site["armenia"]], lead_image=ImageFactory())
    return site


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_api_keeps_the_promises_of_its_description(newsroom, case):
    # The WSGI test client does not undo the site's gzip; real clients do.
    response = case.call(headers={"Accept-Encoding": "identity"})
    # Valid in form is not always valid in fact: ?child_of=7 or ?place=atlantis may name no
    # page, and the answer is then a 400 that says so, not the 2xx this check expects.
    case.validate_response(response, excluded_checks=[positive_data_acceptance])
    if 400 <= response.status_code < 500:
        message = response.json()["message"]
        assert message.strip(), f"an empty message for {case.path} {case.query}"


def test_the_description_is_served(client):
    response = client.get("/api/v2/openapi.json")
    assert response["Content-Type"] == "application/json"
    assert response.json() == schema.raw_schema


def test_every_endpoint_and_field_is_described():
    description = openapi.describe()
    assert description["openapi"].startswith("3.1")
    for name in ("articles", "episodes", "terms"):
        for path in ("", "{id}/", "find/"):
            assert f"/api/v2/{name}/{path}" in description["paths"]
    item = description["components"]["schemas"]["Article"]["properties"]
    assert {"title", "url", "places", "authors", "body", "meta"} <= set(item)
    listing = description["paths"]["/api/v2/articles/"]["get"]
    names = {parameter["name"] for parameter in listing["parameters"]}
    assert {"limit", "offset", "fields", "locale", "search", "place", "topic", "slug"} <= names


def test_an_undescribed_field_is_refused(monkeypatch):
    fields = [*api.TermsAPIViewSet.body_fields, "colour"]
    monkeypatch.setattr(api.TermsAPIViewSet, "body_fields", fields)
    with pytest.raises(KeyError, match="colour"):
        openapi.describe()
