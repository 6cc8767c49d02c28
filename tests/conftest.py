import pytest

from tests.factories import make_site


@pytest.fixture
def site(db):
    """A small newsroom (see tests.factories.make_site)."""
    return make_site()
