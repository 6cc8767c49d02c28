from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "dateline.home"
    label = "home"

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
