"""Two app servers behind one nginx, as docs/deploy.md "More than one machine" sets them up:
gunicorn twice, sharing the database, Redis (the page cache) and the media bucket (moto's
S3 server), with nginx spreading requests over both.

An editor publishes through one server and readers of the other see it within a second; an image
uploaded through one is shown by the other; one server stopped while readers keep coming,
or one that lost its database, costs none of them a failed request (nginx retries on the
other).

On the SQLite run the two servers share one database file, as two app servers on one
machine would.
"""

import json
import re
import threading
import time

import pytest
import requests
from django.contrib.auth import get_user_model

from dateline.core.illustrations import landscape_jpeg
from tests.helpers.balancer import NGINX, Nginx
from tests.helpers.factories import make_articles, make_site
from tests.helpers.object_storage import S3Server, anonymous_get
from tests.helpers.servers import Gunicorn, OwnRedis, SharedDatabase, server_env
from tests.helpers.waiting import wait_until

pytestmark = [
    pytest.mark.faults,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not NGINX.exists(), reason="needs nginx (apt-get install nginx-light)"),
]
PASSWORD = "a-long-editor-password"


def headline(body: str) -> str:
    return re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S).group(1).strip()


@pytest.fixture
def cluster(tmp_path, settings, monkeypatch):
    """The newsroom's content in the shared database and bucket, two gunicorns on it and
    nginx in front of them."""
    started = []
    s3 = S3Server()
    started.append(s3)
    bucket = s3.new_bucket()
    s3.use_in_settings(settings, monkeypatch, bucket)  # the test's own images go there too
    site = make_site()
    [article] = make_articles(site, 1, title="Ceasefire talks begin", terms=[site["armenia"]])
    get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)
    shared = SharedDatabase(tmp_path / "db")
    shared.publish()
    redis = OwnRedis()
    started.append(redis)
    env = server_env(
        DJANGO_SETTINGS_MODULE="tests.helpers.fault_settings",
        DATABASE_URL=shared.url,
        CACHE_URL=redis.url,
        **s3.env(bucket),
    )
    try:
        one = Gunicorn(env, tmp_path / "one.log", workers=1)
        started.append(one)
        two = Gunicorn(env, tmp_path / "two.log", workers=1)
        started.append(two)
        nginx = Nginx([f"127.0.0.1:{one.port}", f"127.0.0.1:{two.port}"])
        started.append(nginx)
        yield {
            "one": one,
            "two": two,
            "nginx": nginx,
            "s3": s3,
            "bucket": bucket,
            "site": site,
            "article": article,
            "path": article.url_path.removeprefix(site["home"].url_path[:-1]),
            "shared": shared,
            "env": env,
        }
    finally:
        for server in reversed(started):
            server.stop()


class Editor:
    """An editor's browser session with one app server's admin."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.session = requests.Session()
        self.session.get(f"{base_url}/admin/login/", timeout=60)
        response = self.post("/admin/login/", {"username": "editor", "password": PASSWORD})
        assert response.status_code == 302, response.text[:500]

    def post(self, path: str, data: dict, files=None):
        data = {**data, "csrfmiddlewaretoken": self.session.cookies["csrftoken"]}
        return self.session.post(
            self.base_url + path, data=data, files=files, allow_redirects=False, timeout=60
        )


def article_form(article, **fields) -> dict:
    """The admin's article form as it sends it: a paragraph, one place, empty panels."""
    paragraph = {
        "blocks": [{"key": "a", "text": "Both sides signed at noon.", "type": "unstyled",
                    "depth": 0, "inlineStyleRanges": [], "entityRanges": []}],
        "entityMap": {},
    }  # fmt: skip
    data = {
        "title": article.title,
        "slug": article.slug,
        "standfirst": article.standfirst,
        "body-count": "1",
        "body-0-type": "paragraph",
        "body-0-value": json.dumps(paragraph),
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-id": "",
    }
    for relation in ["authors", "tags", "corrections", "related_pins"]:
        data.update(
            {
                f"{relation}-TOTAL_FORMS": "0",
                f"{relation}-INITIAL_FORMS": "0",
                f"{relation}-MIN_NUM_FORMS": "0",
                f"{relation}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(fields)
    return data


def test_a_publish_and_an_upload_through_one_server_are_seen_through_the_other(cluster):
    one, two, path = cluster["one"], cluster["two"], cluster["path"]
    for _warm_up in range(2):  # the second request stores the page in Redis
        assert two.get(path)[0] == 200
    status, headers, body = two.get(path)
    assert headers.get("X-Dateline-Cache") == "hit"
    assert headline(body) == "Ceasefire talks begin"

    editor = Editor(one.url)
    photo = landscape_jpeg("Harbour", 800, 450)
    uploaded = editor.post(
        "/admin/images/add/", {"title": "Harbour at dawn"}, files={"file": ("harbour.jpg", photo)}
    )
    assert uploaded.status_code == 302, uploaded.text[:500]
    [(image_id,)] = cluster["shared"].query(
        "SELECT id FROM wagtailimages_image WHERE title = %s", ["Harbour at dawn"]
    )
    published = editor.post(
        f"/admin/pages/{cluster['article'].pk}/edit/",
        article_form(
            cluster["article"],
            title="Ceasefire signed",
            lead_image=str(image_id),
            **{"action-publish": "Publish"},
        ),
    )
    assert published.status_code == 302, published.text[:2000]

    # Within a second through the other server: the publish retired the page in Redis, and
    # each worker rereads what was retired at least every DATELINE_GENERATION_MEMO_SECONDS.
    # (A page that was not retired would stay for the page cache's minutes.)
    def new_page():
        answer = two.get(path)
        return answer if answer[0] == 200 and headline(answer[2]) == "Ceasefire signed" else None

    status, headers, body = wait_until(new_page, 5, "the new headline on the other server")
    # The other server made the picture's renditions from the original in the bucket.
    media_url = f"{cluster['s3'].endpoint}/{cluster['bucket']}/media/"
    pictures = re.findall(rf'src="({re.escape(media_url)}images/harbour[^"]+)"', body)
    assert pictures, "the new lead image is shown"
    status, picture_headers, picture = anonymous_get(pictures[0])
    assert status == 200 and picture_headers["Content-Type"] == "image/jpeg"
    assert picture[:3] == b"\xff\xd8\xff"
    # The pages' Content-Security-Policy lets browsers load pictures from the bucket.
    assert cluster["s3"].endpoint in headers["Content-Security-Policy"]


def server_logs(cluster) -> str:
    """What both servers and nginx logged, for a failure's message."""
    logs = [cluster["one"].log, cluster["two"].log, cluster["nginx"].root / "error.log"]
    return "\n".join(f"--- {log}:\n{log.read_text(errors='replace')[-6000:]}" for log in logs)


def test_one_server_stopped_mid_traffic_costs_no_reader_a_request(cluster):
    nginx, path = cluster["nginx"], cluster["path"]
    paths = ["/", path, "/about/", "/robots.txt", "/feeds/rss/"]
    results: list[tuple[float, int, str, str]] = []  # (sent at, status, which server, path)
    stop = threading.Event()

    def reader(offset: int) -> None:
        with requests.Session() as session:
            n = offset
            while not stop.is_set():
                sent = time.monotonic()
                try:
                    asked = paths[n % len(paths)]
                    response = session.get(nginx.url + asked, timeout=60)
                    results.append((sent, response.status_code,
                                    response.headers.get("X-Upstream", ""), asked))  # fmt: skip
                except requests.RequestException as exc:
                    results.append((sent, 0, repr(exc), asked))
                n += 1

    readers = [threading.Thread(target=reader, args=(i,)) for i in range(3)]
    for thread in readers:
        thread.start()
    one, two = f"127.0.0.1:{cluster['one'].port}", f"127.0.0.1:{cluster['two'].port}"
    try:
        # Readers are served by both servers...
        wait_until(lambda: {one, two} <= {r[2] for r in results}, 120, "both servers to answer")
        stopped_at = time.monotonic()
        cluster["one"].stop()  # SIGTERM, as systemd stops it for an update
        # ... and keep coming while it stops and after.
        wait_until(lambda: len([r for r in results if r[0] > stopped_at + 1]) >= 20, 120,
                   "readers to be served after the stop")  # fmt: skip
    finally:
        stop.set()
        for thread in readers:
            thread.join(60)

    failed = [r for r in results if r[1] != 200]
    assert not failed, (
        f"{len(failed)} of {len(results)} failed ({stopped_at=}): {failed[:5]}\n"
        + server_logs(cluster)
    )
    after = [r for r in results if r[0] > stopped_at + 1]
    # Asked a second after the stop, every reader is answered by the other server (nginx
    # may try the stopped one first and retry: X-Upstream then names both).
    assert after and all(r[2].endswith(two) for r in after), "all go to the other server"


def test_a_server_that_lost_its_database_costs_no_reader_a_request(cluster, tmp_path):
    """An app server whose database connection fails answers the designed 503 (core/faults.py);
    nginx asks the other server for the reader's GET."""
    missing = tmp_path / "missing" / "dateline.sqlite3"  # a folder that is not there
    env = {**cluster["env"], "DATABASE_URL": f"sqlite:///{missing}"}
    del env["CACHE_URL"]  # a cache of its own, empty: every page needs the database
    cut_off = Gunicorn(env, tmp_path / "cut-off.log", workers=1)
    nginx = Nginx([f"127.0.0.1:{cut_off.port}", f"127.0.0.1:{cluster['two'].port}"])
    try:
        alone = cut_off.get("/about/")
        answers = [requests.get(nginx.url + "/about/", timeout=60) for _ in range(4)]
    finally:
        nginx.stop()
        cut_off.stop()
    assert alone[0] == 503, alone[2][:500]
    assert [answer.status_code for answer in answers] == [200] * 4
    # Round robin sends one of the first two to the cut-off server; nginx then names both.
    assert any(
        answer.headers["X-Upstream"] == f"127.0.0.1:{cut_off.port}, 127.0.0.1:{cluster['two'].port}"
        for answer in answers
    ), [answer.headers["X-Upstream"] for answer in answers]
