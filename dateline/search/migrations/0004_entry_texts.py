"""The standfirst and body of each indexed page as plain text, for the results' snippets.

Pages indexed before this migration get their texts here, read from the pages themselves
(the content types come from the search registry, filled by the apps' ready()).
"""

import django.db.models.deletion
from django.db import migrations, models

BATCH_SIZE = 500


def fill_texts(apps, schema_editor):
    from dateline.search.registry import searchable_models

    entries = apps.get_model("dateline_search", "SearchEntry")
    texts = apps.get_model("dateline_search", "SearchText")
    if not entries.objects.exists():
        return  # a new database: the content apps' tables may not even exist yet
    for searchable in searchable_models():
        meta = searchable.model._meta
        indexed = entries.objects.filter(
            content_type__app_label=meta.app_label, content_type__model=meta.model_name
        )
        pages = searchable.model.objects.filter(pk__in=indexed.values("page_id")).order_by("pk")
        batch = []
        for page in pages.iterator(chunk_size=BATCH_SIZE):
            _title, standfirst, body = searchable.texts(page)
            batch.append(texts(entry_id=page.pk, standfirst=_clean(standfirst), body=_clean(body)))
            if len(batch) >= BATCH_SIZE:
                texts.objects.bulk_create(batch)
                batch = []
        texts.objects.bulk_create(batch)


def _clean(text: str) -> str:
    return text.replace("\x00", " ")  # PostgreSQL text cannot hold NUL


class Migration(migrations.Migration):
    dependencies = [
        ("dateline_search", "0003_term_ids"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchText",
            fields=[
                (
                    "entry",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="text",
                        serialize=False,
                        to="dateline_search.searchentry",
                    ),
                ),
                ("standfirst", models.TextField(blank=True)),
                ("body", models.TextField(blank=True)),
            ],
            options={
                "verbose_name": "search index text",
            },
        ),
        migrations.RunPython(fill_texts, migrations.RunPython.noop),
    ]
