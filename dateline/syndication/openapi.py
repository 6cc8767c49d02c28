"""The OpenAPI 3.1 description of the read-only API, served at /api/v2/openapi.json.

Wagtail's API v2 builds its serializer for each request from ?fields=, so the schema
generators of Django REST framework and drf-spectacular see no fields to describe (see
docs/decisions.md). The description is therefore assembled here from the endpoints
themselves: their paths, their filterable model fields and the fields they can return come
from the viewsets in ``api.py``; what each field looks like is written once below, and
``describe()`` raises ``KeyError`` if an endpoint gains a field that is not written down,
so the description cannot fall behind the API silently (tests/syndication/test_openapi.py).
"""

from django.conf import settings
from django.db import models

from . import api

VERSION = "1.0.0"

NULLABLE_INT = {"type": ["integer", "null"]}
DATE_TIME = {"type": ["string", "null"], "format": "date-time"}
TERM = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "slug": {"type": "string"},
    },
    "required": ["id", "title", "slug"],
    "additionalProperties": False,
}
PAGE_LINK = {
    "description": "Another page: its id, type, addresses and title.",
    "type": ["object", "null"],
    "properties": {
        "id": {"type": "integer"},
        "meta": {
            "type": "object",
            "properties": {
                "type": {"type": "string"},
                "detail_url": {"type": ["string", "null"]},
                "html_url": {"type": ["string", "null"]},
            },
        },
        "title": {"type": "string"},
    },
}

# What each field an endpoint can return looks like (?fields= chooses among them).
BODY_FIELDS = {
    "id": {"type": "integer"},
    "title": {"type": "string"},
    "url": {"type": ["string", "null"], "description": "The page's address on the site."},
    "standfirst": {"type": "string"},
    "places": {
        "type": "array",
        "items": TERM,
        "description": "Regions and places the story is tagged with.",
    },
    "topics": {
        "type": "array",
        "items": TERM,
        "description": "Topics and collections the story is tagged with.",
    },
    "lead_image": {
        "description": "The lead image as a JPEG at most 1200 pixels wide.",
        "type": ["object", "null"],
        "properties": {
            "url": {"type": "string"},
            "width": {"type": "integer"},
            "height": {"type": "integer"},
            "alt": {"type": "string"},
        },
        "required": ["url", "width", "height", "alt"],
    },
    "published_at": {**DATE_TIME, "description": "When the story was first published."},
    "updated_at": {**DATE_TIME, "description": "The last substantive update, if any."},
    "authors": {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "name": {"type": "string"},
                "url": {"type": ["string", "null"]},
            },
            "required": ["id", "name", "url"],
        },
    },
    "body": {
        "description": "The story as blocks (paragraph, heading, image, quote, embed...); "
        "rich text as HTML unless ?rich_text_format= asks otherwise.",
        "type": "array",
        "items": {
            "type": "object",
            "properties": {"type": {"type": "string"}, "value": {}, "id": {"type": "string"}},
            "required": ["type", "value"],
        },
    },
    "republishable": {
        "type": "boolean",
        "description": "Whether other outlets may republish the story.",
    },
    "audio": {
        "type": ["object", "null"],
        "properties": {
            "url": {"type": "string"},
            "type": {"type": "string", "description": "MIME type, e.g. audio/mpeg."},
            "size": {"type": "integer", "description": "In bytes."},
            "duration": {"type": "integer", "description": "In seconds."},
        },
        "required": ["url", "type", "size", "duration"],
    },
    "season_number": NULLABLE_INT,
    "episode_number": NULLABLE_INT,
    "episode_type": {"type": "string", "enum": ["full", "trailer", "bonus"]},
    "explicit": {"type": "boolean"},
    "show_notes": {"type": "string", "description": "Rich text (HTML by default)."},
    "transcript": {"type": "string"},
    "chapter_list": {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {"start": {"type": "integer"}, "title": {"type": "string"}},
            "required": ["start", "title"],
        },
    },
    "guid": {"type": "string", "format": "uuid", "description": "The podcast feed's GUID."},
}
META_FIELDS = {
    "type": {"type": "string", "description": "The page type, e.g. news.ArticlePage."},
    "detail_url": {"type": ["string", "null"]},
    "html_url": {"type": ["string", "null"]},
    "slug": {"type": "string"},
    "show_in_menus": {"type": "boolean"},
    "seo_title": {"type": "string"},
    "search_description": {"type": "string"},
    "first_published_at": DATE_TIME,
    "alias_of": PAGE_LINK,
    "parent": {**PAGE_LINK, "description": "The parent page, if it is public (details only)."},
    "locale": {"type": "string", "description": "The edition's language code."},
}

MESSAGE = {
    "type": "object",
    "properties": {"message": {"type": "string"}},
    "required": ["message"],
}
ERRORS = {
    "400": {
        "description": "A query parameter is wrong; the message says which and why.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Message"}}},
    },
    "404": {
        "description": "No such page, or no edition with that ?locale=.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Message"}}},
    },
}


def _query(name: str, schema: dict, description: str) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "schema": schema,
        "description": description,
    }


def _page_id_or_root(name: str, description: str) -> dict:
    schema = {"oneOf": [{"type": "integer", "minimum": 0}, {"const": "root"}]}
    return _query(name, schema, description)


def common_parameters() -> list[dict]:
    """The parameters every listing takes (Wagtail's, with Dateline's limits)."""
    locales = [code for code, _name in settings.LANGUAGES]
    return [
        _query(
            "limit",
            {
                "type": "integer",
                "minimum": 0,
                "maximum": settings.WAGTAILAPI_LIMIT_MAX,
                "default": 20,
            },
            "How many items to return.",
        ),
        _query(
            "offset", {"type": "integer", "minimum": 0, "default": 0}, "How many items to skip."
        ),
        _query(
            "fields",
            {"type": "string"},
            (
                "Fields to add to the defaults, comma-separated; `-name` removes one, `*` starts "
                "from every field and `_` from none (e.g. `_,title,url` or `*,-body`)."
            ),
        ),
        _query(
            "order",
            {"type": "string"},
            (
                "A filterable field to sort by, `-` in front for descending, several "
                "comma-separated, or `random` (not with ?offset=). Stories default to newest first."
            ),
        ),
        _query(
            "search",
            {"type": "string"},
            "Keywords to search for; sorted by relevance unless ?order= is given.",
        ),
        _query(
            "search_operator",
            {"type": "string", "enum": list(api.SEARCH_OPERATORS)},
            "Whether every keyword (`and`) or any (`or`) must match.",
        ),
        _query(
            "locale",
            {"type": "string", "enum": locales},
            "One edition only, by its language code.",
        ),
        _query(
            "rich_text_format",
            {"type": "string", "enum": ["db_html", "html", "db_markdown", "markdown"]},
            "How rich text is written out (default db_html).",
        ),
        _page_id_or_root("child_of", "Only the children of this page id."),
        _page_id_or_root("descendant_of", "Only pages under this page id."),
        _query(
            "ancestor_of", {"type": "integer", "minimum": 0}, "Only the pages above this page id."
        ),
        _page_id_or_root("translation_of", "Only the translations of this page id."),
        _query(
            "site",
            {"type": "string"},
            "The site's host name (only pages of that site); default this one.",
        ),
    ]


# An empty ?published_after= (a form's blank date field) is no filter rather than an error.
DAY_OR_EMPTY = {"type": "string", "anyOf": [{"format": "date"}, {"maxLength": 0}]}
STORY_FILTERS = [
    _query(
        "place",
        {"type": "string"},
        "A region or place, by slug or id; a region includes its places. Unknown: 400.",
    ),
    _query(
        "topic",
        {"type": "string"},
        "A topic or collection, by slug or id; a topic includes its collections. Unknown: 400.",
    ),
    _query("published_after", DAY_OR_EMPTY, "First published on or after this day (YYYY-MM-DD)."),
    _query("published_before", DAY_OR_EMPTY, "First published on or before this day (YYYY-MM-DD)."),
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
        parameters.append(_query(name, _filter_schema(field), description))
    return parameters


def item_schema(viewset) -> dict:
    """Every field the endpoint can return; none is required, since ?fields= chooses."""
    model = viewset.model
    meta = {name: META_FIELDS[name] for name in viewset.get_meta_fields_names(model)}
    body = {name: BODY_FIELDS[name] for name in viewset.get_body_fields_names(model)}
    return {
        "type": "object",
        "properties": {
            **body,
            "meta": {"type": "object", "properties": meta, "additionalProperties": False},
        },
        "additionalProperties": False,
    }


ENDPOINTS = [
    ("articles", "Article", "Articles and blog posts, newest first.", True),
    ("episodes", "Episode", "Podcast episodes with their audio, newest first.", True),
    (
        "terms",
        "Term",
        (
            "Regions, places, topics and collections in tree order; ?type=taxonomy.RegionPage "
            "(PlacePage, TopicPage, CollectionPage) for one kind."
        ),
        False,
    ),
]


def _json(schema: dict) -> dict:
    return {"application/json": {"schema": schema}}


def _paths(name: str, schema_name: str, summary: str, is_story: bool) -> dict:
    viewset = api.ENDPOINTS[name]
    ref = {"$ref": f"#/components/schemas/{schema_name}"}
    type_param = _query(
        "type",
        {"type": "string"},
        ("Only pages of this type, `app_label.ModelName`; several comma-separated."),
    )
    listing_params = [
        *common_parameters(),
        type_param,
        *(STORY_FILTERS if is_story else []),
        *field_filters(viewset),
    ]
    fields_param = listing_params[2]
    listing = {
        "type": "object",
        "properties": {
            "meta": {
                "type": "object",
                "properties": {"total_count": {"type": "integer", "minimum": 0}},
                "required": ["total_count"],
            },
            "items": {"type": "array", "items": ref},
        },
        "required": ["meta", "items"],
    }
    base = f"/api/v2/{name}/"
    return {
        base: {
            "get": {
                "operationId": f"list_{name}",
                "summary": summary,
                "parameters": listing_params,
                "responses": {
                    "200": {"description": "A page of items.", "content": _json(listing)},
                    **ERRORS,
                },
            }
        },
        base + "{id}/": {
            "get": {
                "operationId": f"get_{name[:-1]}",
                "summary": "One item with every field (?fields= may remove some).",
                "parameters": [
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer", "minimum": 0},
                    },
                    fields_param,
                ],
                "responses": {
                    "200": {"description": "The item.", "content": _json(ref)},
                    **ERRORS,
                },
            }
        },
        base + "find/": {
            "get": {
                "operationId": f"find_{name[:-1]}",
                "summary": "Redirects to the item with this id or site path.",
                "parameters": [
                    _query("id", {"type": "integer", "minimum": 0}, "The item's id."),
                    _query(
                        "html_path",
                        {"type": "string"},
                        "The page's path on the site, e.g. /regions/caucasus/.",
                    ),
                ],
                "responses": {
                    "302": {
                        "description": "The item's address in this API.",
                        "headers": {"Location": {"schema": {"type": "string"}}},
                    },
                    **ERRORS,
                },
            }
        },
    }


def describe() -> dict:
    """The OpenAPI document for /api/v2/ (a new dict each call)."""
    paths, schemas = {}, {"Message": MESSAGE}
    for name, schema_name, summary, is_story in ENDPOINTS:
        paths.update(_paths(name, schema_name, summary, is_story))
        schemas[schema_name] = item_schema(api.ENDPOINTS[name])
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Dateline API",
            "version": VERSION,
            "description": (
                "The newsroom's published stories, podcast episodes and taxonomy, read-only "
                "and public. Built on Wagtail's API v2: see docs/editors.md."
            ),
        },
        "servers": [{"url": settings.DATELINE_BASE_URL}],
        "paths": paths,
        "components": {"schemas": schemas},
    }
