import pytest
from django.core.exceptions import ValidationError

from dateline.core.models import SupportPage, SupportTier
from dateline.news.models import ArticlePage
from tests.helpers.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def support_page(site):
    page = SupportPage(
        title="Support us",
        slug="support-us",
        intro="Readers make our work possible.",
        other_amount_url="https://pay.example.org/any",
    )
    page.tiers = [
        SupportTier(
            frequency="once",
            amount="€20",
            name="One gift",
            payment_url="https://pay.example.org/once-20",
        ),
        SupportTier(
            frequency="monthly",
            amount="€5",
            name="Reader",
            description="A week of phone data.",
            payment_url="https://pay.example.org/monthly-5",
        ),
        SupportTier(
            frequency="monthly",
            amount="€15",
            name="Supporter",
            payment_url="https://pay.example.org/monthly-15",
        ),
    ]
    site["home"].add_child(instance=page)
    page.save_revision().publish()
    return page


def test_support_page_groups_amounts_and_links_to_the_payment_provider(client, support_page):
    html = client.get(support_page.url).content.decode()
    main = html[html.index("<main") :]
    assert main.index("Every month") < main.index("€5") < main.index("€15") < main.index("Once")
    assert main.index("Once") < main.index("€20")
    assert 'href="https://pay.example.org/monthly-5"' in main
    assert "Give €5, every month" in main
    assert "A week of phone data." in main
    assert 'href="https://pay.example.org/any"' in main
    assert "your card details never reach our site" in main
    # No payment form: the page asks for no card data.
    assert 'name="card' not in html and 'autocomplete="cc-' not in html


def test_header_support_button_leads_to_the_support_page(client, support_page, site):
    html = client.get("/").content.decode()
    assert f'class="button button--support" href="{support_page.url}"' in html


def test_payment_links_must_be_https(support_page):
    tier = SupportTier(page=support_page, frequency="once", amount="€1", payment_url="http://x.org")
    with pytest.raises(ValidationError) as error:
        tier.full_clean()
    assert "https://" in str(error.value)


def test_articles_show_the_support_message_unless_editors_switch_it_off(client, site):
    article = ArticlePageFactory(parent=site["home"])
    assert "Help keep our journalism open" in client.get(article.url).content.decode()
    ArticlePage.objects.filter(pk=article.pk).update(show_support_message=False)
    html = client.get(article.url).content.decode()
    assert "Help keep our journalism open" not in html
    assert "Sign up for the free weekly newsletter" in html
