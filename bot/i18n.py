"""Translations. The only module that imports the Fluent library.

Messages are authored as Telegram HTML. Arguments are escaped here, so a student's name like
`<b>` or `&<3` always renders literally.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from fnmatch import fnmatchcase
from pathlib import Path

from fluent.runtime import FluentBundle, FluentResource
from fluent.syntax import ast as fluent_ast

from bot.config import BASE_LANGUAGE, LANGUAGES, base_language

# Who can see a message decides whether a language variant written for students (selkosuomi,
# BASE_LANGUAGE) must have it. The rule: every message is student-facing — a student can see it
# — unless its id matches STAFF_ONLY and is not in SEEN_BY_STUDENTS. A student-facing message
# must exist in every variant with the same variables and attributes as in its base language
# (tests/test_locales.py); a staff-only one falls back to the base language. When in doubt, a
# message is student-facing: a student reading an official-register text is the failure this
# rule exists to prevent.
STAFF_ONLY: tuple[str, ...] = (
    # bot.ftl
    "help-staff", "staff-text-help", "students-only",
    # enrolment.ftl: staff invitations and welcomes, notes to staff
    "invite-staff-*", "invite-student-link-for-staff", "welcome-coach", "welcome-group-coach",
    "welcome-coordinator", "welcome-welfare", "coach-student-joined", "admin-staff-joined",
    "decline-staff", "role-name",
    # privacy.ftl: notes to the coach, and a staff member's own erasure
    "pause-coach-note", "erase-coach-note", "erase-staff",
    # service.ftl
    "storage-recovered-coordinator",
    # risk.ftl: alerts, coach buttons, handover and the coach's weekly digest
    "risk-level", "risk-status", "risk-alert-*", "risk-quote*", "risk-button-*", "risk-measure",
    "risk-fact-*", "risk-after-hours-*", "risk-not-your-case", "risk-case-*",
    "risk-already-acked", "risk-acked-toast", "risk-handover-*", "risk-digest-*",
    # peer.ftl: linking a chat, sending, delivery reports, poll results; tips for the coach
    "peer-link-*", "peer-chat-removed", "peer-chat-migrated", "peer-not-your-group",
    "peer-no-groups", "peer-send-*", "peer-draft-gone", "peer-already-sent",
    "peer-choose-a-group", "peer-chat-not-linked", "peer-prompt-gone", "peer-compose-*",
    "peer-preview-*", "peer-sent", "peer-button-*", "peer-report-*", "peer-retrying",
    "peer-refreshed", "peer-results-*", "peer-scheduled-*", "vp-*-vinkki",
    # reports.ftl: reports, charts, phenomena and plans
    "report-*", "chart-*", "phen-*", "plan-*",
    # admin.ftl, contacts.ftl (the coach's contact log) and schedule.ftl: staff only, whole files
    "coach-*", "groups-*", "admin-*", "roster-*", "offboard-*",
    "flow-yhteydenotto", "q-yht-*", "close-yht*", "flow-about", "log-*", "history-*", "case-*",
    "export-cases-*",
    "schedule-*", "rounds-*", "delivery-*",
)  # fmt: skip
# Matched by STAFF_ONLY but shown to students too.
SEEN_BY_STUDENTS: frozenset[str] = frozenset(
    {
        "invite-staff-link-for-student",  # a student opened a staff invitation
        "peer-button-mute",  # /ryhmaviestit
        "peer-button-unmute",
        "report-cue",  # /omat_tiedot: what the bot noticed in the student's words
        "chart-mytrend-title",  # /oma_kehitys: the student's own chart
        "chart-mytrend-y",
        "chart-day-x",
    }
)


def staff_only(msg_id: str) -> bool:
    """Is this a message only staff can ever see (see STAFF_ONLY)?"""
    if msg_id in SEEN_BY_STUDENTS:
        return False
    return any(fnmatchcase(msg_id, pattern) for pattern in STAFF_ONLY)


class Translator:
    def __init__(self, locales_dir: Path, default_language: str = "fi") -> None:
        self.default_language = default_language
        self._bundles: dict[str, FluentBundle] = {}
        self._ids: dict[str, dict[str, set[str]]] = {}
        self.syntax_errors: list[str] = []
        for lang in LANGUAGES:
            # A variant's plural rules are its base language's (Babel knows no "fi-x-selko").
            bundle = FluentBundle([base_language(lang)], use_isolating=False)
            ids: dict[str, set[str]] = {}
            for path in sorted((locales_dir / lang).glob("*.ftl")):
                resource = FluentResource(path.read_text(encoding="utf-8"))
                bundle.add_resource(resource)
                for entry in resource.body:
                    if isinstance(entry, fluent_ast.Message):
                        ids[entry.id.name] = {attr.id.name for attr in entry.attributes}
                    elif isinstance(entry, fluent_ast.Junk):
                        self.syntax_errors.append(
                            f"{path}: cannot parse {(entry.content or '')[:60]!r}"
                        )
            self._bundles[lang] = bundle
            self._ids[lang] = ids

    def language(self, lang: str | None) -> str:
        return lang if lang in self._bundles else self.default_language

    def has(self, lang: str, msg_id: str, attribute: str | None = None) -> bool:
        """Can this text be shown in `lang` as intended: written in it, or — for a staff-only
        message in a variant — in the variant's base language."""
        attrs = self._ids.get(lang, {}).get(msg_id)
        if attrs is None:
            if lang in BASE_LANGUAGE and staff_only(msg_id):
                return self.has(BASE_LANGUAGE[lang], msg_id, attribute)
            return False
        return attribute is None or attribute in attrs

    def message_ids(self, lang: str) -> dict[str, set[str]]:
        return self._ids[lang]

    def html(self, lang: str | None, msg_id: str, **args: object) -> str:
        """Text for an HTML message: user-supplied string arguments are escaped."""
        safe = {
            k: html.escape(v, quote=False) if isinstance(v, str) else v for k, v in args.items()
        }
        return self._format(self.language(lang), msg_id, None, safe)

    def plain(
        self, lang: str | None, msg_id: str, attribute: str | None = None, **args: object
    ) -> str:
        """Text for places Telegram does not parse (button labels, poll options)."""
        return self._format(self.language(lang), msg_id, attribute, dict(args))

    def _format(
        self, lang: str, msg_id: str, attribute: str | None, args: Mapping[str, object]
    ) -> str:
        bundle = self._bundles[lang]
        if not bundle.has_message(msg_id):
            if lang in BASE_LANGUAGE:  # selkosuomi falls back to Finnish, whatever the default
                return self._format(BASE_LANGUAGE[lang], msg_id, attribute, args)
            if lang != self.default_language:
                return self._format(self.default_language, msg_id, attribute, args)
            return msg_id  # visible, never a crash; the locale test keeps this from shipping
        message = bundle.get_message(msg_id)
        pattern = message.attributes.get(attribute) if attribute else message.value
        if pattern is None:
            return f"{msg_id}.{attribute}" if attribute else msg_id
        text, _errors = bundle.format_pattern(pattern, dict(args))
        return str(text)

    def missing(self, ids: Iterable[tuple[str, str | None]]) -> list[tuple[str, str, str | None]]:
        """(lang, id, attribute) for every required id absent from a locale."""
        return [
            (lang, msg_id, attr)
            for lang in LANGUAGES
            for msg_id, attr in ids
            if not self.has(lang, msg_id, attr)
        ]
