"""An editor previews an issue in the admin's panel: as a web page and as the email."""

import re

import pytest

pytestmark = pytest.mark.django_db


def directives(response) -> dict:
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


@pytest.mark.parametrize("mode", ["", "email"])
def test_both_previews_of_an_issue_may_be_framed_by_the_admin_only(make_issue, mode):
    issue = make_issue("Weekly", stories=1)
    response = issue.make_preview_request(None, mode)
    assert response.status_code == 200
    assert directives(response)["frame-ancestors"] == "'self'"


def test_the_email_preview_keeps_its_inline_styles_and_the_web_preview_does_not_allow_them(
    make_issue,
):
    issue = make_issue("Weekly", stories=1)
    email = issue.make_preview_request(None, "email")
    html = email.content.decode()
    # Mail clients need styles on the elements; the preview must let the browser apply them.
    assert re.search(r'<(table|td|a|img)[^>]* style="[^"]+"', html)
    assert "'unsafe-inline'" in directives(email)["style-src"]
    assert "'unsafe-inline'" not in directives(issue.make_preview_request(None, ""))["style-src"]
