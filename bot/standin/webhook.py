"""Webhook delivery: pending updates are POSTed to the bot one at a time, in order."""

from __future__ import annotations

import logging

import aiohttp

from bot.standin.model import JSON, Webhook, unix_now
from bot.standin.state import World

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# Telegram retries for much longer; a few quick retries keep tests fast and still exercise the
# bot's handling of a redelivered update.
ATTEMPTS = 5
FIRST_BACKOFF_SECONDS = 0.05
REQUEST_TIMEOUT_SECONDS = 10.0
_IDLE_RECHECK_SECONDS = 3600.0


class WebhookDeliverer:
    def __init__(self, world: World) -> None:
        self._world = world

    async def run(self) -> None:
        """Delivers forever; cancel the task to stop."""
        world = self._world
        timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_SECONDS)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            while True:
                await world.changed.wait_until(
                    lambda: world.webhook is not None and world.updates.first() is not None,
                    _IDLE_RECHECK_SECONDS,
                )
                hook, update = world.webhook, world.updates.first()
                if hook is None or update is None:
                    continue
                finished = await self._deliver(session, hook, update)
                # deleteWebhook, drop_pending_updates or a reset may have removed it meanwhile.
                if finished and world.updates.first() is update:
                    world.updates.acknowledge_first()
                    world.changed.notify()

    async def _deliver(self, session: aiohttp.ClientSession, hook: Webhook, update: JSON) -> bool:
        """True once the update is done with (delivered or given up), False if the hook changed."""
        headers = {SECRET_HEADER: hook.secret_token} if hook.secret_token else {}
        backoff = FIRST_BACKOFF_SECONDS
        for attempt in range(1, ATTEMPTS + 1):
            error = await self._post(session, hook.url, update, headers)
            if error is None:
                return True
            hook.last_error_date = unix_now()
            hook.last_error_message = error
            logger.warning(
                "webhook delivery of update %s failed (attempt %s/%s): %s",
                update["update_id"],
                attempt,
                ATTEMPTS,
                error,
            )
            if attempt == ATTEMPTS:
                break
            if await self._world.changed.wait_until(
                lambda: self._world.webhook is not hook, backoff
            ):
                return False
            backoff *= 2
        logger.error("webhook gave up on update %s", update["update_id"])
        return True

    @staticmethod
    async def _post(
        session: aiohttp.ClientSession, url: str, update: JSON, headers: dict[str, str]
    ) -> str | None:
        try:
            async with session.post(url, json=update, headers=headers) as response:
                await response.read()
                if 200 <= response.status < 300:
                    return None
                return f"Wrong response from the webhook: {response.status} {response.reason}"
        except (aiohttp.ClientError, TimeoutError) as error:
            return f"Connection failed: {type(error).__name__}: {error}"
