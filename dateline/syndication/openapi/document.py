"""The OpenAPI document: every endpoint's paths, and ``describe()``, which assembles them."""

from django.conf import settings

from .. import api
from .fields import ERRORS, MESSAGE, item_schema
from .parameters import STORY_FILTERS, common_parameters, field_filters, query_parameter

VERSION = "1.0.0"

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
    type_param = query_parameter(
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
                    query_parameter("id", {"type": "integer", "minimum": 0}, "The item's id."),
                    query_parameter(
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
