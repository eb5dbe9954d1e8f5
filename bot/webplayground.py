"""The web playground: two phones side by side in a browser (`kohtaamo playground --web`).

A counsellor sees a student's phone and a coach's phone at once — bubbles, buttons, edits,
photos, documents and polls — and can type and press in both. The page is served by the
playground's own process on 127.0.0.1 only; there are no accounts, and nothing leaves the
machine. Under it is the same real bot on the local stand-in as in the terminal playground.
"""

from __future__ import annotations

import asyncio
import html
import re
from datetime import timedelta
from importlib import resources
from typing import Any

from aiohttp import web

from bot.harness import Harness
from bot.services.demo import DEMO_PERSONAS
from bot.standin.client import StandinError

ALLOWED_TAGS = re.compile(r"&lt;(/?)(b|strong|i|em|u|s|code|pre|blockquote)&gt;")
TIME_STEP = re.compile(r"^\+(\d{1,4})([mhd])$")


def safe_html(text: str) -> str:
    """Telegram's HTML subset, made safe for the page: everything escaped, then only plain
    formatting tags let back in (links become their text)."""
    plain = re.sub(r"</?a\b[^>]*>", "", text)
    return ALLOWED_TAGS.sub(r"<\1\2>", html.escape(plain, quote=False)).replace("\n", "<br>")


def _view(message: dict[str, Any]) -> dict[str, Any]:
    """One message as the page draws it."""
    view: dict[str, Any] = {
        "id": message["message_id"],
        "from_bot": bool(message.get("from_bot")),
        "edited": bool(message.get("edits")),
        "deleted": bool(message.get("deleted")),
        "html": safe_html(str(message.get("text") or "")),
        "caption": safe_html(str(message.get("caption") or "")),
    }
    if message.get("photo"):
        view["photo"] = f"/api/file/{message['photo'][-1]['file_id']}"
    if message.get("document"):
        document = message["document"]
        view["document"] = {
            "name": str(document.get("file_name") or "file"),
            "url": f"/api/file/{document['file_id']}",
        }
    markup = message.get("reply_markup") or {}
    view["buttons"] = [
        [{"text": b["text"], "data": b.get("callback_data", "")} for b in row]
        for row in markup.get("inline_keyboard", [])
    ]
    poll = message.get("poll")
    if poll:
        view["poll"] = {
            "id": poll["id"],
            "question": str(poll.get("question", "")),
            "options": [
                {"text": o.get("text", ""), "votes": o.get("voter_count", 0)}
                for o in poll.get("options", [])
            ],
            "closed": bool(poll.get("is_closed")),
            "multiple": bool(poll.get("allows_multiple_answers")),
        }
    return view


class WebPlayground:
    def __init__(self, harness: Harness, *, host: str = "127.0.0.1", port: int = 0) -> None:
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise ValueError("the web playground listens on this machine only")
        self.h = harness
        self.host, self.port = host, port
        self.busy = asyncio.Lock()
        self.people = {p.key: p for p in DEMO_PERSONAS}
        self._runner: web.AppRunner | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    async def start(self) -> str:
        app = web.Application(client_max_size=64 * 1024)
        app.router.add_get("/", self.page)
        app.router.add_get("/api/people", self.list_people)
        app.router.add_get("/api/chat", self.chat)
        app.router.add_get("/api/file/{file_id}", self.file)
        app.router.add_post("/api/say", self.say)
        app.router.add_post("/api/press", self.press)
        app.router.add_post("/api/vote", self.vote)
        app.router.add_post("/api/time", self.move_time)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = int(self._runner.addresses[0][1])  # the port chosen when asked for 0
        return self.url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # -- pages and reading ----------------------------------------------------------------

    async def page(self, _request: web.Request) -> web.Response:
        text = resources.files("bot").joinpath("webplayground.html").read_text(encoding="utf-8")
        return web.Response(text=text, content_type="text/html", charset="utf-8")

    async def list_people(self, _request: web.Request) -> web.Response:
        return web.json_response(
            [{"key": p.key, "name": p.name, "role": p.role} for p in DEMO_PERSONAS]
        )

    def _person(self, key: object) -> int:
        persona = self.people.get(str(key))
        if persona is None:
            raise web.HTTPBadRequest(text="unknown person")
        return persona.tg_user_id

    async def chat(self, request: web.Request) -> web.Response:
        user = self._person(request.query.get("who"))
        try:
            messages = await self.h.client.messages(user)
        except StandinError:  # a chat that does not exist yet: nothing to show
            messages = []
        return web.json_response(
            {
                "messages": [_view(m) for m in messages if not m.get("deleted")],
                "clock": f"{self.h.clock.now():%Y-%m-%d %H:%M} UTC",
            }
        )

    async def file(self, request: web.Request) -> web.Response:
        try:
            data = await self.h.client.file(request.match_info["file_id"])
        except StandinError:
            raise web.HTTPNotFound() from None
        if data.startswith(b"\x89PNG"):
            kind = "image/png"
        elif data.startswith(b"\xff\xd8"):
            kind = "image/jpeg"
        else:  # documents are downloaded, never shown as a page
            kind = "application/octet-stream"
        return web.Response(body=data, content_type=kind)

    # -- acting ---------------------------------------------------------------------------

    async def _body(self, request: web.Request) -> dict[str, Any]:
        try:
            body = await request.json()
        except ValueError:
            raise web.HTTPBadRequest(text="JSON expected") from None
        if not isinstance(body, dict):
            raise web.HTTPBadRequest(text="JSON object expected")
        return body

    async def say(self, request: web.Request) -> web.Response:
        body = await self._body(request)
        user = self._person(body.get("who"))
        text = str(body.get("text", "")).strip()
        if not text:
            raise web.HTTPBadRequest(text="empty message")
        async with self.busy:
            await self.h.say(user, text[:4096])
        return web.json_response({"ok": True})

    async def press(self, request: web.Request) -> web.Response:
        body = await self._body(request)
        user = self._person(body.get("who"))
        async with self.busy:
            try:
                query = await self.h.client.press(user, int(body["message_id"]), str(body["data"]))
            except StandinError as exc:
                raise web.HTTPConflict(text=str(exc)) from None
            await self.h.settle()
            answer = await self.h.client.callback_answer(query)
        return web.json_response({"toast": (answer or {}).get("text") or ""})

    async def vote(self, request: web.Request) -> web.Response:
        body = await self._body(request)
        user = self._person(body.get("who"))
        options = [int(o) for o in body.get("options", [])]
        async with self.busy:
            try:
                await self.h.client.answer_poll(user, str(body["poll_id"]), options)
            except StandinError as exc:
                raise web.HTTPConflict(text=str(exc)) from None
            await self.h.settle()
        return web.json_response({"ok": True})

    async def move_time(self, request: web.Request) -> web.Response:
        body = await self._body(request)
        match = TIME_STEP.match(str(body.get("step", "")))
        if not match:
            raise web.HTTPBadRequest(text="step like +2h, +1d or +30m")
        unit = {"m": "minutes", "h": "hours", "d": "days"}[match[2]]
        async with self.busy:
            getattr(self.h.clock, "advance")(timedelta(**{unit: int(match[1])}))  # noqa: B009
            await self.h.rt.tick()
            await self.h.settle()
        return web.json_response({"clock": f"{self.h.clock.now():%Y-%m-%d %H:%M} UTC"})

    async def tick(self) -> None:
        async with self.busy:
            await self.h.rt.tick()
            await self.h.settle()
