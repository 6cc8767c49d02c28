"""Previews in the admin: the public pages' security headers, loosened only where a preview
needs it.

Wagtail renders a preview by passing a made-up request for the page's public address through
the whole middleware stack, so the public Content-Security-Policy (``frame-ancestors 'none'``)
reached the admin's preview panel and blanked it. A preview response may be framed by the
admin's own origin, and nothing else; public pages keep their strict policy.
"""

from django.http import HttpRequest, HttpResponse

# The email preview shows the message as subscribers get it: styles inlined into the
# elements, as mail clients require, which the public policy (no inline styles) forbids.
EMAIL_PREVIEW_MODE = "email"


class PreviewHeadersMiddleware:
    """Below ``csp.middleware.CSPMiddleware``: marks preview responses before it builds the
    policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(request, "is_preview", False):
            replace = {"frame-ancestors": ["'self'"]}
            if getattr(request, "preview_mode", "") == EMAIL_PREVIEW_MODE:
                replace["style-src"] = ["'self'", "'unsafe-inline'"]
            response._csp_replace = {**(getattr(response, "_csp_replace", None) or {}), **replace}
        return response
