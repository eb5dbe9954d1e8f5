"""Commands: a Finnish name, Swedish and English aliases, and who may use each."""

from __future__ import annotations

from dataclasses import dataclass

ANYONE = "anyone"


@dataclass(frozen=True)
class Command:
    key: str  # the use case it leads to
    names: dict[str, str]  # language -> command name shown in that language's menu
    description: str  # locale id of the menu description
    audience: str = ANYONE  # 'anyone', 'student' or a staff role

    def all_names(self) -> set[str]:
        return set(self.names.values())


COMMANDS: tuple[Command, ...] = (
    Command("start", {"fi": "start", "sv": "start", "en": "start"}, "cmd-start"),
    Command("help", {"fi": "apua", "sv": "hjalp", "en": "help"}, "cmd-help"),
    Command("language", {"fi": "kieli", "sv": "sprak", "en": "language"}, "cmd-language"),
    Command(
        "checkin", {"fi": "kuulumiset", "sv": "hurmardu", "en": "checkin"}, "cmd-checkin", "student"
    ),
)

BY_NAME: dict[str, Command] = {name: c for c in COMMANDS for name in c.all_names()}


def menu(language: str, roles: frozenset[str]) -> list[tuple[str, str]]:
    """(command name, description locale id) for one language's command menu."""
    return [
        (c.names[language], c.description)
        for c in COMMANDS
        if c.audience == ANYONE or c.audience in roles
    ]
