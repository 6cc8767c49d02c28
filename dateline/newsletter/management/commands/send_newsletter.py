"""`dateline send_newsletter ISSUE`: send an issue (by page id or slug) and show progress."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from tqdm import tqdm

from dateline.newsletter import selectors, tasks
from dateline.newsletter.models import NewsletterIssuePage
from dateline.newsletter.services import sending


class Command(BaseCommand):
    help = "Queue an issue for sending (workers send it) and follow its progress."

    def add_arguments(self, parser):
        parser.add_argument("issue", help="the issue's page id or slug")
        parser.add_argument("--at", help="send at this time (ISO 8601) instead of now")
        parser.add_argument(
            "--here", action="store_true", help="also send from this process, not only workers"
        )
        parser.add_argument(
            "--no-wait", action="store_true", help="queue it and return without a progress bar"
        )

    def handle(self, issue, at=None, here=False, no_wait=False, **options):
        page = self._issue(issue)
        send_at = None
        if at:
            send_at = parse_datetime(at)
            if send_at is None:
                raise CommandError(f"--at {at!r} is not an ISO 8601 date and time.")
        if page.send_status == NewsletterIssuePage.SendStatus.DRAFT:
            try:
                total = tasks.queue_issue(page, send_at=send_at)
            except ValueError as error:
                raise CommandError(str(error)) from error
            self.stdout.write(f"{page.title}: {total} recipients.")
        if no_wait or send_at:
            return
        progress = self._follow(page, here)
        self.stdout.write(
            f"Sent {progress['sent']}, refused {progress['failed']}, of {progress['total']}."
        )
        if progress["doubtful"]:
            self.stdout.write(
                f"{progress['doubtful']} sent again after a worker died before recording them "
                "(same Message-ID; see docs/decisions.md)."
            )

    def _issue(self, issue: str) -> NewsletterIssuePage:
        found = NewsletterIssuePage.objects.filter(
            **({"pk": int(issue)} if issue.isdigit() else {"slug": issue})
        )
        if found.count() != 1:
            raise CommandError(f"No single issue with id or slug {issue!r}.")
        return found.get()

    def _follow(self, page: NewsletterIssuePage, here: bool) -> dict:
        """A progress bar until nothing is left to send (sending from here too if ``here``);
        the final progress."""
        progress = selectors.progress([page.pk])[page.pk]
        with tqdm(total=progress["total"], unit="msg", disable=None) as bar:
            done = 0
            while True:
                if here:
                    self._send_a_batch(page)
                progress = selectors.progress([page.pk])[page.pk]
                now_done = progress["sent"] + progress["failed"]
                bar.update(now_done - done)
                bar.set_postfix(failed=progress["failed"], in_flight=progress["in_flight"])
                done = now_done
                if not progress["remaining"]:
                    break
                if not here:
                    time.sleep(1)
        if here:
            sending.deliver(page.pk, max_batches=0)  # marks the issue sent
        return progress

    def _send_a_batch(self, page: NewsletterIssuePage) -> None:
        try:
            result = sending.deliver(page.pk, max_batches=1)
            if not result.sent + result.refused:
                time.sleep(1)  # what is left is held by other workers
        except sending.SmtpUnavailable as error:
            self.stderr.write(_("Mail server unavailable: %s") % error)
            time.sleep(5)
