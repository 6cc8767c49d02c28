from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "dateline.imports"
    label = "imports"
    verbose_name = "Imports"
