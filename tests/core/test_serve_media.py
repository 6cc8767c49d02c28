"""Uploads served by the embedded default answer byte ranges, so that players can seek."""

from django.test import RequestFactory

from dateline.core.views import serve_media


def test_a_range_request_gets_those_bytes_and_a_whole_request_the_file(tmp_path):
    (tmp_path / "episode.mp3").write_bytes(bytes(range(256)) * 4)
    factory = RequestFactory()
    whole = serve_media(factory.get("/media/episode.mp3"), "episode.mp3", tmp_path)
    assert whole.status_code == 200 and whole["Accept-Ranges"] == "bytes"
    assert b"".join(whole.streaming_content) == bytes(range(256)) * 4
    partial = serve_media(
        factory.get("/media/episode.mp3", HTTP_RANGE="bytes=10-19"), "episode.mp3", tmp_path
    )
    assert partial.status_code == 206
    assert partial["Content-Range"] == "bytes 10-19/1024"
    assert b"".join(partial.streaming_content) == bytes(range(10, 20))
    rest = serve_media(
        factory.get("/media/episode.mp3", HTTP_RANGE="bytes=1000-"), "episode.mp3", tmp_path
    )
    assert rest["Content-Range"] == "bytes 1000-1023/1024"
    beyond = serve_media(
        factory.get("/media/episode.mp3", HTTP_RANGE="bytes=2000-"), "episode.mp3", tmp_path
    )
    assert beyond.status_code == 416
