"""The OpenAPI 3.1 description of the read-only API, served at /api/v2/openapi.json.

Wagtail's API v2 builds its serializer for each request from ?fields=, so the schema
generators of Django REST framework and drf-spectacular see no fields to describe (see
docs/decisions.md). The description is therefore assembled here from the endpoints
themselves: their paths, their filterable model fields and the fields they can return come
from the viewsets in ``api.py``; what each field looks like is written once (``fields.py``),
and ``describe()`` raises ``KeyError`` if an endpoint gains a field that is not written
down, so the description cannot fall behind the API silently
(tests/syndication/test_openapi.py).

Modules: ``fields.py`` (what each field and error looks like), ``parameters.py`` (the query
parameters), ``document.py`` (the endpoints' paths and the document, ``describe()``).
"""

from .document import describe

__all__ = ["describe"]
