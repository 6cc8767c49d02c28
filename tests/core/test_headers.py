"""The security headers a reader's browser relies on, and the markup that lets the
Content-Security-Policy forbid inline code without breaking the pages."""

import json
import os
import subprocess
import sys

import pytest
from django.test import override_settings
from lxml import html as lxml_html

from tests.helpers.factories import ArticlePageFactory, ImageFactory, make_articles

pytestmark = pytest.mark.django_db


def csp_directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.fixture
def public_pages(site):
    """Home, an article with a picture, and a listing."""
    article = ArticlePageFactory(
        parent=site["home"],
        lead_image=ImageFactory(),
        terms=[site["caucasus"], site["armenia"], site["politics"]],
        authors=[site["author"]],
    )
    make_articles(site, 3)
    return {"home": "/", "article": article.url, "listing": "/regions/caucasus/"}


def test_public_pages_forbid_inline_code_and_other_hosts(client, public_pages):
    for name, url in public_pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        directives = csp_directives(response)
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], name
        assert "'unsafe-eval'" not in response["Content-Security-Policy"], name
        assert directives["default-src"] == ["'self'"], name
        assert directives["script-src"] == ["'self'"], name
        assert directives["style-src"] == ["'self'"], name
        assert directives["frame-ancestors"] == ["'none'"], name
        assert directives["base-uri"] == ["'self'"], name
        assert directives["form-action"] == ["'self'"], name
        assert directives["object-src"] == ["'none'"], name


def test_search_and_error_pages_carry_the_policy_too(client, site):
    assert "Content-Security-Policy" in client.get("/search/?q=election")
    missing = client.get("/no-such-story/")
    assert missing.status_code == 404
    assert "'unsafe-inline'" not in missing["Content-Security-Policy"]


def test_the_admin_keeps_its_inline_scripts(client, site, django_user_model):
    editor = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(editor)
    response = client.get("/admin/login/")
    assert "Content-Security-Policy" not in response


@override_settings(DATELINE_MEDIA_HOSTS=["https://media.example.org"])
def test_every_response_says_what_the_browser_may_not_do(client, public_pages):
    for url in [public_pages["article"], "/admin/login/", "/robots.txt"]:
        response = client.get(url)
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Referrer-Policy"], url
        permissions = response["Permissions-Policy"]
        for feature in ("camera=()", "microphone=()", "geolocation=()", "browsing-topics=()"):
            assert feature in permissions, url


def inline_code(html: str) -> list[str]:
    """Inline scripts, <style> elements and style/on* attributes: what the policy blocks."""
    document = lxml_html.fromstring(html)
    found = [
        lxml_html.tostring(script, encoding="unicode")[:80]
        for script in document.iter("script")
        if not script.get("src") and script.get("type") != "application/ld+json"
    ]
    found += [f"<style> {style.text[:60]}" for style in document.iter("style")]
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        for name in element.attrib:
            if name == "style" or name.startswith("on"):
                found.append(f"<{element.tag} {name}={element.get(name)[:60]!r}>")
    return found


def test_public_pages_have_no_inline_script_or_style(client, public_pages):
    for name, url in public_pages.items():
        html = client.get(url).content.decode()
        assert inline_code(html) == [], name


HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'


def test_what_editors_and_readers_type_is_escaped(client, site):
    article = ArticlePageFactory(
        parent=site["home"],
        title=f"Talks resume {HOSTILE}",
        standfirst=f"Both sides {HOSTILE}",
        lead_image=ImageFactory(),
        lead_image_caption=HOSTILE,
        terms=[site["caucasus"]],
    )
    pages = [(article.url, {}), ("/", {}), ("/regions/caucasus/", {}), ("/search/", {"q": HOSTILE})]
    for url, query in pages:
        html = client.get(url, query).content.decode()
        assert "<script>alert" not in html, url
        assert inline_code(html) == [], url
    assert (
        "Talks resume &lt;script&gt;alert(1)&lt;/script&gt;"
        in client.get(article.url).content.decode()
    )


def test_the_check_finds_inline_code():
    html = (
        "<html><head><script>alert(1)</script><style>p{}</style>"
        '<script type="application/ld+json">{}</script></head>'
        '<body><p style="color:red" onclick="x()">Hi</p></body></html>'
    )
    found = inline_code(html)
    assert len(found) == 4
    assert not any("ld+json" in item for item in found)


@override_settings(
    SECURE_HSTS_SECONDS=31536000, SECURE_SSL_REDIRECT=False, SESSION_COOKIE_SECURE=True
)
def test_https_responses_carry_hsts(client, site):
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_production_settings_make_cookies_secure_and_turn_hsts_on():
    # A fresh interpreter: production.py reads the environment once, at import.
    program = (
        "import json; from django.conf import settings as s; print(json.dumps(["
        "s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
        "s.CSRF_COOKIE_SECURE, s.LANGUAGE_COOKIE_SECURE, s.LANGUAGE_COOKIE_HTTPONLY, "
        "str(s.CONTENT_SECURITY_POLICY)]))"
    )
    environment = {
        "DJANGO_SETTINGS_MODULE": "dateline.settings.production",
        "SECRET_KEY": "k" * 20 + "-unguessable-production-secret-for-tests-0123456789",
        "ALLOWED_HOSTS": "news.example.org",
        "DATELINE_BASE_URL": "https://news.example.org",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/dateline",
        "PATH": os.environ["PATH"],
    }
    result = subprocess.run(
        [sys.executable, "-c", program], env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    hsts, *cookie_flags, policy = json.loads(result.stdout)
    assert hsts >= 365 * 24 * 3600
    assert all(cookie_flags)
    assert "unsafe-inline" not in policy and "frame-ancestors" in policy
