from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("news", "0002_live_stories_corrections_team"),
    ]

    operations = [
        migrations.AddField(
            model_name="articlepage",
            name="republishable",
            field=models.BooleanField(
                default=True,
                help_text="Untick for stories other outlets may not republish (e.g. agency copy).",
                verbose_name="offer “Republish this story”",
            ),
        ),
    ]
