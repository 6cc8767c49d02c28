"""The terms a page is tagged with, copied into its index row on PostgreSQL.

With them beside the tsvector, a search narrowed by region and topic is answered by two
GIN indexes combined (a bitmap AND), reading only the rows that match both, whichever side
is the selective one. SQLite filters through the tag tables instead.
"""

from django.db import migrations

POSTGRES = [
    """ALTER TABLE dateline_search_searchentry
        ADD COLUMN term_ids integer[] NOT NULL DEFAULT '{}'""",
    "ALTER TABLE dateline_search_searchentry ALTER COLUMN term_ids SET STORAGE MAIN",
    """CREATE INDEX dateline_search_terms_gin
        ON dateline_search_searchentry USING gin (term_ids)""",
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS dateline_search_terms_gin",
    "ALTER TABLE dateline_search_searchentry DROP COLUMN term_ids",
]


def add(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in POSTGRES:
        schema_editor.execute(sql)
    _fill_term_ids(schema_editor)


def _fill_term_ids(schema_editor):
    """Copy the tags of the pages already indexed, so that filters keep working without a
    rebuild. The tagged types come from the taxonomy registry (filled by the apps' ready())."""
    from dateline.taxonomy.registry import tagged_models

    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT EXISTS (SELECT 1 FROM dateline_search_searchentry)")
        if not cursor.fetchone()[0]:
            return  # a new database: the content apps' tables may not even exist yet
    for tagged in tagged_models():
        pairs = tagged.model.objects.filter(**{f"{tagged.term_lookup}__isnull": False})
        sql, params = pairs.values_list("pk", tagged.term_lookup).query.sql_with_params()
        schema_editor.execute(
            f"""UPDATE dateline_search_searchentry e SET term_ids = t.ids
            FROM (SELECT page_id, array_agg(DISTINCT term_id ORDER BY term_id) AS ids
                  FROM ({sql}) AS pairs(page_id, term_id) GROUP BY page_id) t
            WHERE e.page_id = t.page_id""",
            params,
        )


def remove(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in POSTGRES_REVERSE:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("dateline_search", "0002_full_text")]

    operations = [migrations.RunPython(add, remove)]
