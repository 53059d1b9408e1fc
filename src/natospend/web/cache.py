"""A response cache for the read-only pages and API.

The data cannot change while the server runs (it ships with the package; a user-imported
edition needs a restart), so a GET's answer depends only on its path and query: the first
request computes it, later ones are served from memory. Bounded, least recently used first out.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

UNCACHED_PREFIXES = ("/check", "/static", "/favicon", "/news", "/api/v1/charts/news")


class ResponseCache:
    def __init__(self, app: ASGIApp, size: int = 512) -> None:
        self.app = app
        self.size = size
        self.entries: OrderedDict[str, list[Message]] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (scope["type"] != "http" or scope["method"] != "GET"
                or scope["path"].startswith(UNCACHED_PREFIXES)):
            await self.app(scope, receive, send)
            return
        key = scope["path"] + "?" + scope.get("query_string", b"").decode("latin-1")
        hit = self.entries.get(key)
        if hit is not None:
            self.entries.move_to_end(key)
            for message in hit:
                await send(message)
            return
        captured: list[Message] = []
        status: dict[str, Any] = {}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            captured.append(message)
            await send(message)

        await self.app(scope, receive, capture)
        if status.get("code") == 200 and all(not m.get("more_body") for m in captured[-1:]):
            self.entries[key] = captured
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)
