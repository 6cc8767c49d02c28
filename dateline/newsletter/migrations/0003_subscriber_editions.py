"""Subscribers' editions as locales instead of one boolean per language (issue #15).

Carries ``wants_en``/``wants_ru`` over to ``editions`` and back. A locale a subscriber wanted
that has no row yet is created (its language is one of the settings' editions).
"""

from django.db import migrations, models

import dateline.newsletter.editions

OLD_FIELDS = {"en": "wants_en", "ru": "wants_ru"}


def booleans_to_editions(apps, schema_editor):
    Subscriber = apps.get_model("newsletter", "Subscriber")
    Locale = apps.get_model("wagtailcore", "Locale")
    Editions = Subscriber.editions.through
    for code, field in OLD_FIELDS.items():
        wanting = Subscriber.objects.filter(**{field: True}).values_list("pk", flat=True)
        if not wanting.exists():
            continue
        locale, _created = Locale.objects.get_or_create(language_code=code)
        Editions.objects.bulk_create(
            [Editions(subscriber_id=pk, locale_id=locale.pk) for pk in wanting.iterator()],
            batch_size=2000,
            ignore_conflicts=True,
        )


def editions_to_booleans(apps, schema_editor):
    Subscriber = apps.get_model("newsletter", "Subscriber")
    for code, field in OLD_FIELDS.items():
        Subscriber.objects.update(**{field: False})
        Subscriber.objects.filter(editions__language_code=code).update(**{field: True})


class Migration(migrations.Migration):

    dependencies = [
        ("newsletter", "0002_delivery_in_flight"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="subscriber",
            name="editions",
            field=models.ManyToManyField(
                blank=True, related_name="+", to="wagtailcore.locale", verbose_name="editions"
            ),
        ),
        migrations.RunPython(booleans_to_editions, editions_to_booleans),
        migrations.RemoveField(model_name="subscriber", name="wants_en"),
        migrations.RemoveField(model_name="subscriber", name="wants_ru"),
        migrations.AlterField(
            model_name="subscriber",
            name="language",
            field=models.CharField(
                default=dateline.newsletter.editions.default_language,
                max_length=8,
                verbose_name="language",
            ),
        ),
    ]
