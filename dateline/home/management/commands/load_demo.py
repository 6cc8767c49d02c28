from django.core.management.base import BaseCommand

from dateline.home.demo.loader import DemoLoader, admin_password_file, ensure_admin


class Command(BaseCommand):
    help = "Load the demo newsroom (taxonomy, authors, pages, articles). Safe to run again."

    def handle(self, *args, **options):
        DemoLoader(log=lambda line: self.stdout.write(line)).load()
        username, password = ensure_admin(admin_password_file())
        if password:
            self.stdout.write(
                self.style.SUCCESS(f"Admin: /admin/  username: {username}  password: {password}")
            )
        else:
            self.stdout.write(f"Admin: /admin/  username: {username} (password set earlier)")
