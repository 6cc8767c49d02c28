"""Morphology: English stemming and Russian forms, on SQLite and PostgreSQL alike."""

import sys
import threading

import pytest
import snowballstemmer

from dateline.search import language
from dateline.search.language import parse_query
from tests.helpers.factories import make_russian_edition

pytestmark = pytest.mark.django_db


def found(client, query, path="/ru/search/") -> list[str]:
    return [result.page.title for result in client.get(path, {"q": query}).context["items"]]


@pytest.fixture
def russian(site, publish):
    ru = make_russian_edition(site)
    publish(ru["home"], "Перемирие в Нагорном Карабахе", text="Карабах ждёт переговоров.")
    publish(
        ru["home"],
        "Азербайджан начал наступление",
        standfirst="Наступления ждали несколько недель.",
    )
    return ru


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Карабаха", ["Перемирие в Нагорном Карабахе"]),  # «Карабаха» finds «Карабах(е)»
        ("карабах", ["Перемирие в Нагорном Карабахе"]),
        ("наступление", ["Азербайджан начал наступление"]),
        ("наступления", ["Азербайджан начал наступление"]),
        ("переговоры", ["Перемирие в Нагорном Карабахе"]),
        ("ЖДЁТ", ["Перемирие в Нагорном Карабахе"]),
    ],
)
def test_russian_forms_find_each_other(client, russian, query, expected):
    assert found(client, query) == expected


def test_russian_matches_are_highlighted_in_their_own_form(client, russian):
    html = client.get("/ru/search/", {"q": "Карабаха"}).content.decode()
    assert "Перемирие в Нагорном <mark>Карабахе</mark>" in html
    assert "<mark>Карабах</mark> ждёт переговоров." in html


def test_russian_no_results_speaks_russian(client, russian):
    html = client.get("/ru/search/", {"q": "Карабахх"}).content.decode()
    assert "По запросу «Карабахх» ничего не найдено." in html


def test_the_parser_reads_websearch_syntax():
    query = parse_query('"water dispute" glacier or dam -"gas pipeline" -x')
    assert [[t.words for t in group] for group in query.groups] == [
        [("water", "dispute")],
        [("glacier",), ("dam",)],
    ]
    assert [t.words for t in query.excluded] == [("gas", "pipeline"), ("x",)]
    assert query.text() == '"water dispute" glacier or dam -"gas pipeline" -x'
    assert not parse_query("% _ \\ ' \" ( )")


@pytest.mark.parametrize("either", ["or", "или", "OR", "ИЛИ"])
@pytest.mark.parametrize("minus", ["-", "\u2212", "\u2013", "\u2014"])
def test_russian_readers_write_or_and_minus_their_own_way(either, minus):
    """The Russian hint says «или» and a minus; keyboards turn "-" into dashes."""
    query = parse_query(f"газ {either} нефть {minus}Россия")
    assert [[t.words for t in group] for group in query.groups] == [[("газ",), ("нефть",)]]
    assert [t.words for t in query.excluded] == [("Россия",)]


def test_the_russian_hint_says_what_works(client, russian):
    html = client.get("/ru/search/").content.decode()
    assert "«или» между двумя словами ищет любое из них" in html
    assert sorted(found(client, "Карабах или наступление")) == [
        "Азербайджан начал наступление",
        "Перемирие в Нагорном Карабахе",
    ]
    assert found(client, "Карабах —переговоры") == []


def test_threads_stemming_at_once_each_get_their_own_words_stems():
    """gunicorn's threads search at the same time: a stemmer shared between them mixed
    up the words it was stemming (and raised IndexError, a 500)."""
    roots = ("flood", "negotiat", "report", "communit", "sanction")
    endings = ("", "s", "ed", "ing", "ation", "ations", "ies", "ness", "ively")
    words = [root + ending for root in roots for ending in endings]
    expected = {word: snowballstemmer.stemmer("english").stemWord(word) for word in words}
    wrong, errors = [], []

    def stem_many() -> None:
        try:
            for _ in range(200):
                for word in words:
                    if language._stemmer("english").stemWord(word) != expected[word]:
                        wrong.append(word)
        except Exception as error:  # noqa: BLE001 - the shared stemmer's failure is the point
            errors.append(error)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as a loaded server does, and more
    try:
        threads = [threading.Thread(target=stem_many) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == [] and wrong == []
