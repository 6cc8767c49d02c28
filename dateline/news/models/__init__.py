"""The news app's models, a module per subject: authors, articles (with their credits,
tags, corrections and pins), live updates and coverage, and the Corrections and Team pages."""

from .articles import ArticleAuthor, ArticlePage, ArticleTag, Correction, RelatedPin
from .authors import AuthorIndexPage, AuthorPage
from .live import LiveCoverage, LiveUpdate
from .pages import CorrectionsPage, TeamPage

__all__ = [
    "ArticleAuthor",
    "ArticlePage",
    "ArticleTag",
    "AuthorIndexPage",
    "AuthorPage",
    "Correction",
    "CorrectionsPage",
    "LiveCoverage",
    "LiveUpdate",
    "RelatedPin",
    "TeamPage",
]
