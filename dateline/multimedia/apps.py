from django.apps import AppConfig


class MultimediaConfig(AppConfig):
    name = "dateline.multimedia"
    label = "multimedia"
