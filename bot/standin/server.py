"""The local Telegram Bot API stand-in: an aiohttp server that answers like api.telegram.org.

Bot API calls arrive at ``/bot<token>/<method>`` and file downloads at
``/file/bot<token>/<path>``; tests and tools drive the simulated users through ``/control``.
Any well-formed token is accepted and none is ever written to a log or the record file.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import signal
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger
from aiohttp.web_request import BaseRequest
from aiohttp.web_response import StreamResponse

from bot.standin.control import ControlApi
from bot.standin.errors import ApiError, bad_request, not_found, unauthorized
from bot.standin.faults import FaultInjector
from bot.standin.limits import FloodLimiter, FloodLimits
from bot.standin.methods import BotApi, Handler
from bot.standin.params import Params, UploadedFile
from bot.standin.requestlog import RequestLog
from bot.standin.state import World
from bot.standin.webhook import WebhookDeliverer

__all__ = ["FloodLimits", "StandinServer", "serve_forever"]

logger = logging.getLogger(__name__)

TOKEN = re.compile(r"^\d+:[A-Za-z0-9_-]+$")
# Documents may be up to 50 MB on Telegram; leave room for the multipart envelope.
MAX_REQUEST_BYTES = 52 * 1024 * 1024
SHUTDOWN_TIMEOUT_SECONDS = 2.0
_TOKEN_IN_PATH = re.compile(r"/(file/)?bot[^/]*")
_LOCAL_ALIASES = {"0.0.0.0": "127.0.0.1", "::": "127.0.0.1", "": "127.0.0.1"}


def redact_path(path: str) -> str:
    return _TOKEN_IN_PATH.sub(lambda match: f"/{match.group(1) or ''}bot<token>", path, count=1)


class _RedactingAccessLogger(AbstractAccessLogger):
    """aiohttp's default access log would print the token, which is part of every URL."""

    def log(self, request: BaseRequest, response: StreamResponse, time: float) -> None:
        self.logger.debug(
            "%s %s -> %s in %.3f s",
            request.method,
            redact_path(request.path),
            response.status,
            time,
        )


class StandinServer:
    def __init__(
        self,
        *,
        limits: FloodLimits | None = None,
        record_path: Path | None = None,
        bot_username: str = "KohtaamoBot",
        bot_id: int = 777000001,
    ) -> None:
        self._default_limits = replace(limits) if limits else FloodLimits()
        self.world = World(bot_username, bot_id)
        self.limiter = FloodLimiter(replace(self._default_limits))
        self.faults = FaultInjector()
        self.log = RequestLog(record_path)
        self.bot_api = BotApi(self.world, self.limiter)
        self._control = ControlApi(
            self.world, self.bot_api, self.limiter, self.faults, self.log, self._default_limits
        )
        self._runner: web.AppRunner | None = None
        self._webhook_task: asyncio.Task[None] | None = None
        self._closing = asyncio.Event()
        self._url_host = "127.0.0.1"
        self._port = 0

    @property
    def port(self) -> int:
        return self._port

    @property
    def base_url(self) -> str:
        """For PTB's ``base_url``: PTB appends ``<token>/<method>``."""
        return f"http://{self._url_host}:{self._port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://{self._url_host}:{self._port}/file/bot"

    @property
    def control_url(self) -> str:
        return f"http://{self._url_host}:{self._port}/control"

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> int:
        """Starts listening and returns the bound port (useful with port=0)."""
        if self._runner is not None:
            raise RuntimeError("the stand-in is already running")
        self.log.open()
        runner = web.AppRunner(
            self._make_app(),
            access_log_class=_RedactingAccessLogger,
            shutdown_timeout=SHUTDOWN_TIMEOUT_SECONDS,
        )
        await runner.setup()
        try:
            await web.TCPSite(runner, host, port).start()
        except OSError:
            await runner.cleanup()
            self.log.close()
            raise
        self._runner = runner
        self._url_host = _LOCAL_ALIASES.get(host, host)
        self._port = int(runner.addresses[0][1])
        self._closing.clear()
        self.bot_api.closing = False
        self._webhook_task = asyncio.create_task(WebhookDeliverer(self.world).run())
        return self._port

    async def stop(self) -> None:
        if self._runner is None:
            return
        # Long polls and injected hangs return at once instead of holding the shutdown.
        self.bot_api.closing = True
        self._closing.set()
        self.world.changed.notify()
        if self._webhook_task is not None:
            self._webhook_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._webhook_task
            self._webhook_task = None
        await self._runner.cleanup()
        self._runner = None
        self.log.close()

    def _make_app(self) -> web.Application:
        app = web.Application(client_max_size=MAX_REQUEST_BYTES)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_bot_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        self._control.add_routes(app)
        # Anything else answers like Telegram does, so clients always get JSON back.
        app.router.add_route("*", "/{tail:.*}", self._handle_unknown_path)
        return app

    async def _handle_unknown_path(self, request: web.Request) -> web.Response:
        if request.path.startswith("/control"):
            body = {"ok": False, "error": f"no control endpoint {request.method} {request.path}"}
            return web.json_response(body, status=404)
        error = not_found()
        return _api_response(error.to_json(), error.status)

    async def _handle_bot_api(self, request: web.Request) -> web.Response:
        requested = request.match_info["method"]
        resolved = self.bot_api.resolve(requested)
        method = resolved[0] if resolved else requested
        params = Params({})
        started = time.time()  # noqa: TID251 -- the request log's wall time, as `at` below
        try:
            if not TOKEN.match(request.match_info["token"]):
                raise unauthorized()
            params = await _read_params(request)
            if resolved is None:
                raise not_found()
            body, status = await self._call(method, resolved[1], params), 200
        except ApiError as error:
            body, status = error.to_json(), error.status
        except Exception:
            # A bug in the stand-in must still look like a Telegram outage to the bot.
            logger.exception("the stand-in failed in %s", method)
            body, status = ApiError(500, "Internal Server Error").to_json(), 500
        result = body.get("result")
        message_id = result.get("message_id") if isinstance(result, dict) else None
        self.log.append(
            method,
            params.for_log(),
            status,
            body.get("description"),
            started=started,
            message_id=message_id if isinstance(message_id, int) else None,
        )
        return _api_response(body, status)

    async def _call(self, method: str, handler: Handler, params: Params) -> dict[str, Any]:
        fault = self.faults.take(method)
        if fault is not None:
            error = fault.error()
            if error is not None:
                await self._hang(fault.hang_seconds)
                if fault.status == 429:
                    self.limiter.penalize(fault.retry_after)
                raise error
        result = await handler(params)
        if fault is not None:
            await self._hang(fault.hang_seconds)
        return {"ok": True, "result": result}

    async def _hang(self, seconds: float) -> None:
        if seconds > 0:
            # asyncio.timeout rather than wait_for, which can swallow a cancel on Python 3.11.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(seconds):
                    await self._closing.wait()

    async def _handle_file(self, request: web.Request) -> web.Response:
        if not TOKEN.match(request.match_info["token"]):
            error = unauthorized()
            return _api_response(error.to_json(), error.status)
        path = request.match_info["path"]
        for stored in self.world.files.values():
            if stored.path == path:
                return web.Response(body=stored.data, content_type=stored.mime_type)
        error = not_found()
        return _api_response(error.to_json(), error.status)


def _api_response(body: dict[str, Any], status: int) -> web.Response:
    return web.json_response(body, status=status)


async def _read_params(request: web.Request) -> Params:
    """Merges the query string with a JSON, form or multipart body, as Telegram does."""
    values: dict[str, Any] = dict(request.query)
    files: dict[str, UploadedFile] = {}
    if not request.can_read_body:
        return Params(values)
    try:
        if request.content_type == "application/json":
            data = await request.json()
            if not isinstance(data, dict):
                raise bad_request("can't parse JSON object")
            values.update(data)
        elif request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            form = await request.post()
            for name, value in form.items():
                if isinstance(value, web.FileField):
                    files[name] = UploadedFile(
                        value.filename, value.content_type, value.file.read()
                    )
                else:
                    values[name] = value
    except ValueError:
        raise bad_request("can't parse request body") from None
    except web.HTTPRequestEntityTooLarge:
        raise ApiError(413, "Request Entity Too Large") from None
    return Params(values, files)


async def serve_forever(
    host: str, port: int, limits: FloodLimits, record_path: Path | None
) -> None:
    """Runs a stand-in until cancelled, SIGINT or SIGTERM (``kohtaamo standin``)."""
    server = StandinServer(limits=limits, record_path=record_path)
    bound = await server.start(host, port)
    print(
        f"Kohtaamo Bot API stand-in listening on {host}:{bound}\n"
        f"  base_url:      {server.base_url}\n"
        f"  base_file_url: {server.base_file_url}\n"
        f"  control:       {server.control_url}\n"
        "Any token shaped like 123456:ABC-def works. Ctrl-C stops.",
        flush=True,
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    installed: list[signal.Signals] = []
    for signum in (signal.SIGINT, signal.SIGTERM):
        # Signal handlers only work in the main thread; cancellation still stops us elsewhere.
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signum, stop.set)
            installed.append(signum)
    try:
        await stop.wait()
    finally:
        for signum in installed:
            loop.remove_signal_handler(signum)
        await server.stop()
