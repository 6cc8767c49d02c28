import pytest

from tests.helpers.factories import make_site


@pytest.fixture
def site(db):
    """A small newsroom (see tests.helpers.factories.make_site)."""
    return make_site()
