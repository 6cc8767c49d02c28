"""What each field an endpoint can return, and each error, looks like (JSON Schema)."""

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
