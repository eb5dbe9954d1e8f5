"""Translations. The only module that imports the Fluent library.

Messages are authored as Telegram HTML. Arguments are escaped here, so a student's name like
`<b>` or `&<3` always renders literally.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from pathlib import Path

from fluent.runtime import FluentBundle, FluentResource
from fluent.syntax import ast as fluent_ast

from bot.config import LANGUAGES


class Translator:
    def __init__(self, locales_dir: Path, default_language: str = "fi") -> None:
        self.default_language = default_language
        self._bundles: dict[str, FluentBundle] = {}
        self._ids: dict[str, dict[str, set[str]]] = {}
        self.syntax_errors: list[str] = []
        for lang in LANGUAGES:
            bundle = FluentBundle([lang], use_isolating=False)
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
        attrs = self._ids.get(lang, {}).get(msg_id)
        if attrs is None:
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
