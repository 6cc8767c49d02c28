import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from dateline.accounts.roles import setup_roles
from tests.helpers.factories import make_russian_edition


@pytest.fixture
def editions(site):
    """The small newsroom with its Russian edition, and the roles of both editions."""
    russian = make_russian_edition(site)
    setup_roles()
    return {"en": site, "ru": russian}


@pytest.fixture
def make_user(db):
    def make(username: str, *groups: str, **fields):
        user = get_user_model().objects.create_user(
            username, f"{username}@example.org", "a long enough passphrase", **fields
        )
        user.groups.add(*Group.objects.filter(name__in=groups))
        return user

    return make


@pytest.fixture
def login(client):
    """Log a user in with the test client (the second factor is off in test settings)."""

    def log_in(user):
        client.force_login(user)
        return client

    return log_in
