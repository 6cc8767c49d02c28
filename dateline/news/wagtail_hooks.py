"""The live desk's entries in a story's History (written by news.services)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter


def _update_formatter(label, message):
    """A History line that names the update by its headline, when it has one."""

    class UpdateFormatter(LogFormatter):
        def format_message(self, log_entry):
            headline = (log_entry.data or {}).get("headline")
            return f"{message}: “{headline}”" if headline else str(message)

    UpdateFormatter.label = label
    return UpdateFormatter


@hooks.register("register_log_actions")
def register_live_desk_actions(actions):
    for action, label, message in [
        ("add", _("Post live update"), _("Live update posted")),
        ("edit", _("Edit live update"), _("Live update edited")),
        ("delete", _("Delete live update"), _("Live update deleted")),
        ("pin", _("Pin live update"), _("Live update pinned")),
        ("unpin", _("Unpin live update"), _("Live update unpinned")),
    ]:
        actions.register_action(f"dateline.live_update.{action}")(_update_formatter(label, message))
    actions.register_action(
        "dateline.live_coverage.end", _("End live coverage"), _("Live coverage ended")
    )
    actions.register_action(
        "dateline.live_coverage.resume", _("Resume live coverage"), _("Live coverage resumed")
    )
