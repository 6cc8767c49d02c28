"""Which requests may read from a read replica, and what always reads the primary
(core/replicas.py). The replica itself is exercised in tests/core/test_read_replicas.py."""

import pytest
from django.db import transaction
from django.test import RequestFactory

from dateline.core import replicas
from dateline.news.models import ArticlePage
from tests.helpers.worker_tasks import database_a_task_reads

factory = RequestFactory()


@pytest.mark.parametrize(
    ("request_", "allowed"),
    [
        (factory.get("/karabakh-ceasefire/"), True),
        (factory.head("/ru/"), True),
        (factory.get("/search/?q=ceasefire"), True),
        (factory.post("/newsletter/subscribe/"), False),
        (factory.get("/admin/pages/3/edit/preview/"), False),
        (factory.get("/admin/login/"), False),
    ],
    ids=["story", "head", "search", "post", "preview", "admin"],
)
def test_only_an_anonymous_readers_get_outside_the_admin_may_use_a_replica(request_, allowed):
    assert replicas.may_read_from_replica(request_) is allowed


def test_a_request_with_a_session_reads_the_primary(settings):
    request = factory.get("/karabakh-ceasefire/")
    request.COOKIES[settings.SESSION_COOKIE_NAME] = "an-editors-session"
    assert not replicas.may_read_from_replica(request)


@pytest.fixture
def reader_request(settings, monkeypatch):
    """Inside a reader's request that may use a replica, with one replica that is up and
    current (what choosing one would answer)."""
    settings.DATELINE_DATABASE_REPLICAS = ["replica_1"]
    monkeypatch.setattr(replicas, "choose_database", lambda checked: "replica_1")
    middleware = replicas.ReplicaReadsMiddleware(None)

    def run(body):
        result = []
        middleware.get_response = lambda request: result.append(body())
        middleware(factory.get("/karabakh-ceasefire/"))
        return result[0]

    return run


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_reads_inside_a_transaction_or_a_task_use_the_primary(reader_request):
    router = replicas.ReplicaRouter()
    assert router.db_for_read(ArticlePage) == "default", "outside a request"
    assert reader_request(lambda: router.db_for_read(ArticlePage)) == "replica_1"

    def in_transaction():
        with transaction.atomic():
            return router.db_for_read(ArticlePage)

    assert reader_request(in_transaction) == "default"

    # A task run inside the request (the immediate backend) still reads the primary.
    assert reader_request(lambda: database_a_task_reads.enqueue().return_value) == "default"
    assert reader_request(replicas.primary_database(lambda: router.db_for_read(ArticlePage))) == (
        "default"
    )
    assert reader_request(lambda: router.db_for_write(ArticlePage)) == "default"
    assert not router.allow_migrate("replica_1", "news")
