"""The ground floor's models, one module per responsibility: the site settings, the
standard (footer) pages, the Support us page, the Contact / Contribute form pages and what
the workers share. Every model is importable from here."""

from .desk_forms import DeskFormField, DeskFormPage, DeskSubmission
from .pages import StandardPage
from .site_settings import SiteSettings
from .support import SupportPage, SupportTier
from .workers import PeriodicJob, WorkerHeartbeat

__all__ = [
    "DeskFormField",
    "DeskFormPage",
    "DeskSubmission",
    "PeriodicJob",
    "SiteSettings",
    "StandardPage",
    "SupportPage",
    "SupportTier",
    "WorkerHeartbeat",
]
