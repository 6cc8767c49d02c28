"""What the workers share: when each periodic job last ran, and each worker's last sign of
life."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PeriodicJob(models.Model):
    """When a periodic job (``core/periodic.py``) last ran, shared by every worker: a worker
    runs the job only if its UPDATE of ``last_started_at`` wins (see ``periodic.claim``)."""

    name = models.CharField(_("name"), max_length=100, primary_key=True)
    last_started_at = models.DateTimeField(_("last started at"), null=True)
    last_finished_at = models.DateTimeField(_("last finished at"), null=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("periodic job")

    def __str__(self):
        return self.name


class WorkerHeartbeat(models.Model):
    """The last sign of life of a `dateline worker`, so that the tasks of a worker that was
    killed can be found and queued again (``core/worker_recovery.py``)."""

    worker_id = models.CharField(_("worker id"), max_length=64, primary_key=True)
    seen_at = models.DateTimeField(_("seen at"))

    class Meta:
        verbose_name = _("worker heartbeat")

    def __str__(self):
        return self.worker_id
