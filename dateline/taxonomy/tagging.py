"""One field for a story's places and topics: the editors choose regions, countries,
territories, topics and collections in a single multi-select with type-ahead over every
edition's names, in their order (the first place is the story's dateline).

``TaggedStoryForm`` is the admin form of every ``Story`` page type: its ``term_tags`` field
reads and writes the story's ``TermTag`` rows, so the rows and everything that reads them stay
as they were. The field's widget lists the terms of the story's edition; what the text
mentions is suggested by the desk's ``desk_term_suggestions`` view, asked by the widget.
"""

from collections import defaultdict
from dataclasses import asdict, dataclass

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.compare import TextDiff
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from dateline.core.forms import HeadlinePageForm

from .models import PLACE_TERM_MODELS, TERM_MODELS


@dataclass(frozen=True)
class TermChoice:
    pk: int
    locale_id: int
    title: str
    kind: str  # "region", "country or territory", "topic", "collection"
    parent: str  # a place's region, a collection's topic; "" for regions and topics
    is_place: bool
    names: tuple[str, ...]  # every name it goes by: titles and other names, in every edition


def other_names(text: str) -> list[str]:
    """A term's "other names" field as a list (comma separated)."""
    return [name.strip() for name in text.split(",") if name.strip()]


def term_choices() -> list[TermChoice]:
    """Every term of every edition, places first, each with all the names it goes by in every
    edition. One query per term type."""
    rows = []
    for model in TERM_MODELS:
        fields = ("pk", "locale_id", "title", "translation_key", "other_names", "path")
        for row in model.objects.values(*fields):
            rows.append({**row, "model": model})
    names = defaultdict(list)
    for row in rows:
        names[row["translation_key"]] += [row["title"], *other_names(row["other_names"])]
    titles_by_path = {row["path"]: row["title"] for row in rows}
    return [
        TermChoice(
            pk=row["pk"],
            locale_id=row["locale_id"],
            title=row["title"],
            kind=str(row["model"]._meta.verbose_name),
            parent=titles_by_path.get(row["path"][: -Page.steplen], ""),
            is_place=row["model"] in PLACE_TERM_MODELS,
            names=tuple(dict.fromkeys(names[row["translation_key"]])),
        )
        for row in rows
    ]


class TermTagsWidget(forms.Widget):
    """A hidden list of term ids behind chips, a type-ahead box and the text's suggestions
    (taxonomy/term_tags.js; without JavaScript the chosen terms are kept as they are)."""

    template_name = "taxonomy/widgets/term_tags.html"

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices: list[TermChoice] = []
        self.locale_id: int | None = None
        self.suggest_url = ""

    class Media:
        js = ["taxonomy/term_tags.js"]
        css = {"all": ["taxonomy/term_tags.css"]}

    def format_value(self, value) -> str:
        if isinstance(value, list | tuple):
            return ",".join(str(pk) for pk in value)
        return value or ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        by_pk = {choice.pk: choice for choice in self.choices}
        chosen = [
            by_pk[int(pk)]
            for pk in context["widget"]["value"].split(",")
            if pk.isdigit() and int(pk) in by_pk
        ]
        context["widget"].update(
            chosen=chosen,
            options=[
                asdict(choice)
                for choice in self.choices
                if choice.locale_id == self.locale_id or choice in chosen
            ],
            locale_id=self.locale_id,
            suggest_url=self.suggest_url,
            options_id=f"{context['widget']['attrs'].get('id') or name}-data",
        )
        return context


class TermTagsField(forms.Field):
    """Term ids, in the editor's order, as "12,7,31"; each must be a term page."""

    widget = TermTagsWidget

    def to_python(self, value) -> list[int]:
        ids = []
        for part in str(value or "").split(","):
            part = part.strip()
            if not part:
                continue
            if not part.isdigit():
                raise ValidationError(
                    _("“%(value)s” is not a place or topic."),
                    code="invalid",
                    params={"value": part},
                )
            ids.append(int(part))
        return list(dict.fromkeys(ids))

    def validate(self, value) -> None:
        super().validate(value)
        kinds = ContentType.objects.get_for_models(*TERM_MODELS).values()
        known = set(
            Page.objects.filter(pk__in=value, content_type__in=kinds).values_list("pk", flat=True)
        )
        if set(value) - known:
            raise ValidationError(
                _("A chosen place or topic no longer exists: remove it, or reload the page."),
                code="unknown",
            )


class TaggedStoryForm(HeadlinePageForm):
    """The admin form of every story: ``term_tags`` stands for the story's tag rows, and the
    headline is a box that grows with it."""

    term_tags = TermTagsField(
        label=_("Places and topics"),
        required=False,
        help_text=_(
            "Type a name in English or Russian, or click a suggestion from the text. The first "
            "place is the story's dateline."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("term_tags")
        if field is None:
            return
        page = self.instance
        field.widget.choices = term_choices()
        field.widget.locale_id = page.locale_id
        try:
            field.widget.suggest_url = reverse("desk_term_suggestions")
        except NoReverseMatch:  # the desk app is not installed: no suggestions
            field.widget.suggest_url = ""
        if not self.is_bound and page.pk:
            self.initial["term_tags"] = [tag.term_id for tag in self._tags(page).all()]

    @staticmethod
    def _tags(page):
        return getattr(page, page.tags_relation)

    def save(self, commit=True):
        page = super().save(commit=False)
        if "term_tags" in self.cleaned_data:
            tag_model = page._meta.get_field(page.tags_relation).related_model
            existing = {tag.term_id: tag for tag in self._tags(page).all()}
            tags = []
            for order, pk in enumerate(self.cleaned_data["term_tags"]):
                tag = existing.get(pk) or tag_model(term_id=pk)
                tag.sort_order = order
                tags.append(tag)
            self._tags(page).set(tags)
        if commit:
            page.save()
        return page


def tag_names(page) -> list[str]:
    """The titles of a story's places and topics in the editor's order, as a revision holds
    them (its tag rows are in the revision, not necessarily in the database)."""
    rows = sorted(getattr(page, page.tags_relation).all(), key=lambda tag: tag.sort_order or 0)
    titles = dict(
        Page.objects.filter(pk__in=[tag.term_id for tag in rows]).values_list("pk", "title")
    )
    return [titles.get(tag.term_id, "?") for tag in rows]


class TermTagsComparison:
    """The places and topics of two revisions in the admin's compare view: each one kept,
    added or removed; a change of order alone shows both orders."""

    is_field = True
    is_child_relation = False

    def __init__(self, obj_a, obj_b):
        self.names_a, self.names_b = tag_names(obj_a), tag_names(obj_b)

    def field_label(self) -> str:
        return str(_("Places and topics"))

    def has_changed(self) -> bool:
        return self.names_a != self.names_b

    def htmldiff(self) -> str:
        a, b = self.names_a, self.names_b
        if set(a) == set(b) and a != b:
            changes = [("deletion", ", ".join(a)), ("addition", ", ".join(b))]
        else:
            changes = [("equal" if name in a else "addition", name) for name in b]
            changes += [("deletion", name) for name in a if name not in b]
        return TextDiff(changes, separator=", ").to_html()


class TermTagsPanel(FieldPanel):
    """``term_tags`` in the edit form, and the tag rows' changes in the compare view (a form
    field has no column for Wagtail to compare)."""

    class BoundPanel(FieldPanel.BoundPanel):
        def get_comparison(self):
            return [TermTagsComparison] if self.is_shown() else []
