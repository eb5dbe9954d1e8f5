"""The Bot API transport: PTB's request interface over an aiohttp connection pool.

PTB's default transport (httpx/httpcore) re-examines every pooled connection — a readability
syscall each — whenever a request starts or ends, and matches every waiting request against
every connection. With the hundreds of concurrent requests a busy bot has, that bookkeeping
cost the bot more CPU than all of its own work (benchmarks: bench/README.md). aiohttp takes a
free connection in constant time. Same semantics for PTB: (status, body) back, TimedOut and
NetworkError raised, files sent as multipart.
"""

from __future__ import annotations

from urllib.parse import urlencode

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

_DEFAULT = BaseRequest.DEFAULT_NONE
_FORM = {"Content-Type": "application/x-www-form-urlencoded"}


class AiohttpRequest(BaseRequest):
    def __init__(
        self,
        *,
        connection_pool_size: int = 128,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        media_write_timeout: float | None = 20.0,
    ) -> None:
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._media_write_timeout = media_write_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size),
                headers={"User-Agent": self.USER_AGENT},
                timeout=aiohttp.ClientTimeout(total=None),
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: float | object | None = _DEFAULT,
        write_timeout: float | object | None = _DEFAULT,
        connect_timeout: float | object | None = _DEFAULT,
        pool_timeout: float | object | None = _DEFAULT,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        files = request_data.multipart_data if request_data else {}
        params = request_data.json_parameters if request_data else {}
        read = self._read_timeout if read_timeout is _DEFAULT else read_timeout
        connect = self._connect_timeout if connect_timeout is _DEFAULT else connect_timeout
        pool = self._pool_timeout if pool_timeout is _DEFAULT else pool_timeout
        write = self._write_timeout if write_timeout is _DEFAULT else write_timeout
        if files and write_timeout is _DEFAULT:
            write = self._media_write_timeout
        # aiohttp has no write timeout: the read timeout starts once the body is written, so a
        # stuck upload is bounded by the total of write and read.
        waits = [t for t in (connect, pool, write, read) if isinstance(t, int | float)]
        timeout = aiohttp.ClientTimeout(
            total=sum(waits) if len(waits) == 4 else None,
            connect=_sum(pool, connect),
            sock_connect=_seconds(connect),
            sock_read=_seconds(read),
        )
        data: aiohttp.FormData | bytes
        headers = None
        if files:
            data = aiohttp.FormData(quote_fields=False)
            for name, value in params.items():
                data.add_field(name, value)
            for name, (filename, content, mimetype) in files.items():
                data.add_field(name, content, filename=filename, content_type=mimetype)
        else:
            # The same form body aiohttp would make of the dict, without building its FormData
            # and multipart writer (a random boundary each) per request: a tenth of the bot's
            # CPU in a fast round (bench/README.md).
            data = urlencode(params).encode()
            headers = _FORM
        try:
            async with self._session.request(
                method, url, data=data, headers=headers, timeout=timeout
            ) as response:
                return response.status, await response.read()
        except TimeoutError as err:
            raise TimedOut from err
        except aiohttp.ClientError as err:
            # The URL holds the bot token: never let it into a message that may be logged.
            text = str(err).replace(url, "<url>")
            raise NetworkError(f"aiohttp.{err.__class__.__name__}: {text}") from err


def _seconds(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _sum(*values: object) -> float | None:
    seconds = [float(v) for v in values if isinstance(v, int | float)]
    return sum(seconds) if seconds else None
