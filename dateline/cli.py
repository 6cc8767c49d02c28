"""The `dateline` console script: Django's management commands with Dateline's settings."""

import os
import sys


def main() -> None:
    os.environ.setdefault(
        "DJANGO_SETTINGS_MODULE",
        f"dateline.settings.{os.environ.get('DATELINE_SETTINGS', 'dev')}",
    )
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
