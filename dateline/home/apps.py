from django.apps import AppConfig
from wagtail.signals import page_published


def localize_on_publish(sender, instance, **kwargs):
    from .services import localize_front_page

    localize_front_page(instance)


class HomeConfig(AppConfig):
    name = "dateline.home"
    label = "home"

    def ready(self):
        from .models import HomePage

        page_published.connect(localize_on_publish, sender=HomePage)
