from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from dateline.accounts.twofactor import remove_second_factor


class Command(BaseCommand):
    help = (
        "Remove a user's authenticator app and recovery codes (a lost phone): they set up "
        "a new app at their next login."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no user called {username!r}.")
        removed = remove_second_factor(user)
        self.stdout.write(f"Removed {removed} device(s) of {username}.")
