"""The full-text part of the index, which differs by database.

PostgreSQL: tsvector columns on dateline_search_searchentry (headline, standfirst, and all
fields weighted A/B/C), a GIN index on the weighted one, and a pg_trgm index over the words
for "did you mean". SQLite: an FTS5 table of stemmed text, whose rows go with their entry.
"""

from django.db import migrations

POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """ALTER TABLE dateline_search_searchentry
        ADD COLUMN title_vector tsvector NOT NULL DEFAULT ''::tsvector,
        ADD COLUMN standfirst_vector tsvector NOT NULL DEFAULT ''::tsvector,
        ADD COLUMN search_vector tsvector NOT NULL DEFAULT ''::tsvector""",
    # The small vectors stay in the row (they rank every match); the big one may move out.
    "ALTER TABLE dateline_search_searchentry ALTER COLUMN title_vector SET STORAGE MAIN",
    "ALTER TABLE dateline_search_searchentry ALTER COLUMN standfirst_vector SET STORAGE MAIN",
    """CREATE INDEX dateline_search_vector_gin
        ON dateline_search_searchentry USING gin (search_vector)""",
    """CREATE INDEX dateline_search_word_trgm
        ON dateline_search_searchword USING gin (word gin_trgm_ops)""",
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS dateline_search_word_trgm",
    "DROP INDEX IF EXISTS dateline_search_vector_gin",
    """ALTER TABLE dateline_search_searchentry DROP COLUMN title_vector,
        DROP COLUMN standfirst_vector, DROP COLUMN search_vector""",
]
SQLITE = [
    """CREATE VIRTUAL TABLE dateline_search_fts USING fts5(
        title, standfirst, body, tokenize = 'unicode61 remove_diacritics 0')""",
    """CREATE TRIGGER dateline_search_fts_delete AFTER DELETE ON dateline_search_searchentry
        BEGIN DELETE FROM dateline_search_fts WHERE rowid = old.page_id; END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS dateline_search_fts_delete",
    "DROP TABLE IF EXISTS dateline_search_fts",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("dateline_search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES, "sqlite": SQLITE}),
            _run({"postgresql": POSTGRES_REVERSE, "sqlite": SQLITE_REVERSE}),
        )
    ]
