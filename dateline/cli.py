"""The `dateline` console script: Django's management commands with Dateline's settings."""

import os
import sys


def main() -> None:
    os.environ.setdefault(
        "DJANGO_SETTINGS_MODULE",
        f"dateline.settings.{os.environ.get('DATELINE_SETTINGS', 'dev')}",
    )
    from django.core.management import execute_from_command_line

    if sys.argv[1:] in ([], ["help"], ["--help"], ["-h"]):
        print(own_commands_help())
    execute_from_command_line(sys.argv)


def own_commands_help() -> str:
    """Dateline's own commands, one line each, printed before Django's full list."""
    import re

    import django
    from django.core.management import get_commands, load_command_class

    django.setup()
    own = sorted(name for name, app in get_commands().items() if app.startswith("dateline."))
    lines = ["Dateline's commands (`dateline help <command>` for the options of one):", ""]
    width = max((len(name) for name in own), default=0)
    for name in own:
        command = load_command_class(get_commands()[name], name)
        # The first sentence: one line a command, however long its full help.
        summary = re.split(
            r"(?<=[.!?])\s(?=[A-Z])", " ".join((command.help or "").split()), maxsplit=1
        )[0]
        lines.append(f"  {name.ljust(width)}  {summary}")
    lines += ["", "Django's and Wagtail's commands follow.", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
