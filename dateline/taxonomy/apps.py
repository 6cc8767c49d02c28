from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "dateline.taxonomy"
    label = "taxonomy"
