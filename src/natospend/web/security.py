"""Security headers for every response, and limits on what a request may upload."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import Response

# Vega draws with the expression interpreter, so no 'unsafe-eval'; no inline script anywhere.
# Vega's SVG renderer writes style attributes, hence 'unsafe-inline' for styles only.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
TEXT_TYPES = {"text/plain", "text/html", "application/xhtml+xml", "application/json",
              "application/octet-stream", ""}


class SecurityHeaders(BaseHTTPMiddleware):
    async def dispatch(self, request: Request,
                       call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > MAX_UPLOAD_BYTES + 64 * 1024:
            response: Response = Response(
                '{"error": "request body too large: the limit is 2 MB"}', status_code=413,
                media_type="application/json")
        else:
            response = await call_next(request)
        for k, v in HEADERS.items():
            response.headers.setdefault(k, v)
        return response
