"""The flows in force, and the older versions sessions started on."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from bot.clock import to_db
from bot.engine.loader import FlowProblem, load_flow_dir, locale_problems, parse_flow
from bot.engine.model import Flow
from bot.i18n import Translator
from bot.storage.db import Database, Reads, Tx

log = logging.getLogger(__name__)


class FlowRegistry:
    def __init__(self, flows: dict[str, Flow]) -> None:
        self._current = flows
        self._old: dict[tuple[str, int], Flow | None] = {}

    @classmethod
    def load(
        cls, directory: Path, translator: Translator
    ) -> tuple[FlowRegistry, list[FlowProblem]]:
        flows, problems = load_flow_dir(directory)
        problems += locale_problems(flows.values(), translator.has)
        return cls(flows), problems

    def current(self, flow_id: str) -> Flow | None:
        return self._current.get(flow_id)

    def all(self) -> list[Flow]:
        return list(self._current.values())

    async def sync(self, db: Database, now: datetime) -> None:
        """Keep every version's source, so a session can finish on the version it began."""

        async def work(tx: Tx) -> None:
            for flow in self._current.values():
                stored = await tx.fetchval(
                    "SELECT digest FROM flow_versions WHERE flow_id = ? AND version = ?",
                    (flow.id, flow.version),
                )
                if stored == flow.digest:
                    continue
                if stored is not None:
                    log.warning(
                        "flow %s changed without a new version number; bump 'version' so "
                        "students mid-check-in keep the old one",
                        flow.id,
                    )
                await tx.execute(
                    "INSERT INTO flow_versions (flow_id, version, digest, source, loaded_at)"
                    " VALUES (?,?,?,?,?) ON CONFLICT(flow_id, version) DO UPDATE SET"
                    " digest = excluded.digest, source = excluded.source,"
                    " loaded_at = excluded.loaded_at",
                    (flow.id, flow.version, flow.digest, flow.source, to_db(now)),
                )

        await db.transaction(work)

    async def version(self, db: Reads, flow_id: str, version: int) -> Flow | None:
        current = self._current.get(flow_id)
        if current is not None and current.version == version:
            return current
        key = (flow_id, version)
        if key not in self._old:
            source = await db.fetchval(
                "SELECT source FROM flow_versions WHERE flow_id = ? AND version = ?", key
            )
            flow = parse_flow(source, f"{flow_id} v{version}")[0] if source else None
            self._old[key] = flow
        return self._old[key]
