"""The query parameters of the endpoints: Wagtail's own, the stories' filters, and one per
filterable model field."""

from django.conf import settings
from django.db import models

from .. import api


def query_parameter(name: str, schema: dict, description: str) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "schema": schema,
        "description": description,
    }


def _page_id_or_root(name: str, description: str) -> dict:
    schema = {"oneOf": [{"type": "integer", "minimum": 0}, {"const": "root"}]}
    return query_parameter(name, schema, description)


def common_parameters() -> list[dict]:
    """The parameters every listing takes (Wagtail's, with Dateline's limits)."""
    locales = [code for code, _name in settings.LANGUAGES]
    return [
        query_parameter(
            "limit",
            {
                "type": "integer",
                "minimum": 0,
                "maximum": settings.WAGTAILAPI_LIMIT_MAX,
                "default": 20,
            },
            "How many items to return.",
        ),
        query_parameter(
            "offset", {"type": "integer", "minimum": 0, "default": 0}, "How many items to skip."
        ),
        query_parameter(
            "fields",
            {"type": "string"},
            (
                "Fields to add to the defaults, comma-separated; `-name` removes one, `*` starts "
                "from every field and `_` from none (e.g. `_,title,url` or `*,-body`)."
            ),
        ),
        query_parameter(
            "order",
            {"type": "string"},
            (
                "A filterable field to sort by, `-` in front for descending, several "
                "comma-separated, or `random` (not with ?offset=). Stories default to newest first."
            ),
        ),
        query_parameter(
            "search",
            {"type": "string"},
            "Keywords to search for; sorted by relevance unless ?order= is given.",
        ),
        query_parameter(
            "search_operator",
            {"type": "string", "enum": list(api.SEARCH_OPERATORS)},
            "Whether every keyword (`and`) or any (`or`) must match.",
        ),
        query_parameter(
            "locale",
            {"type": "string", "enum": locales},
            "One edition only, by its language code.",
        ),
        query_parameter(
            "rich_text_format",
            {"type": "string", "enum": ["db_html", "html", "db_markdown", "markdown"]},
            "How rich text is written out (default db_html).",
        ),
        _page_id_or_root("child_of", "Only the children of this page id."),
        _page_id_or_root("descendant_of", "Only pages under this page id."),
        query_parameter(
            "ancestor_of", {"type": "integer", "minimum": 0}, "Only the pages above this page id."
        ),
        _page_id_or_root("translation_of", "Only the translations of this page id."),
        query_parameter(
            "site",
            {"type": "string"},
            "The site's host name (only pages of that site); default this one.",
        ),
    ]


# An empty ?published_after= (a form's blank date field) is no filter rather than an error.
DAY_OR_EMPTY = {"type": "string", "anyOf": [{"format": "date"}, {"maxLength": 0}]}
STORY_FILTERS = [
    query_parameter(
        "place",
        {"type": "string"},
        "A region or place, by slug or id; a region includes its places. Unknown: 400.",
    ),
    query_parameter(
        "topic",
        {"type": "string"},
        "A topic or collection, by slug or id; a topic includes its collections. Unknown: 400.",
    ),
    query_parameter(
        "published_after", DAY_OR_EMPTY, "First published on or after this day (YYYY-MM-DD)."
    ),
    query_parameter(
        "published_before", DAY_OR_EMPTY, "First published on or before this day (YYYY-MM-DD)."
    ),
]


def _filter_schema(field: models.Field) -> dict:
    """The query-string form of a model field that ?name=value filters on."""
    if isinstance(field, models.BooleanField):
        return {"type": "string", "enum": ["true", "false", "1", "0"]}
    if isinstance(field, models.ForeignKey | models.IntegerField | models.AutoField):
        return {"type": "integer", "minimum": -(2**63), "maximum": 2**63 - 1}
    if isinstance(field, models.DateTimeField):
        return {"type": "string", "format": "date-time"}
    if isinstance(field, models.UUIDField):
        return {"type": "string", "format": "uuid"}
    return {"type": "string"}


def field_filters(viewset) -> list[dict]:
    """?name=value for each model field the endpoint filters on (exact match)."""
    model = viewset.model
    parameters = []
    for name in api.filterable_fields(viewset, model):
        field = model._meta.get_field(name)
        description = f"Only items whose {name} is exactly this."
        parameters.append(query_parameter(name, _filter_schema(field), description))
    return parameters
