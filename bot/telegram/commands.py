"""Commands: a Finnish name, Swedish and English aliases, and who may use each.

Every command of every feature is declared here, so the menus are complete and names never clash.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import base_language

ANYONE = "anyone"
STAFF = "staff"


@dataclass(frozen=True)
class Command:
    key: str  # the use case it leads to
    names: dict[str, str]  # language -> command name shown in that language's menu
    description: str  # locale id of the menu description
    audience: str = ANYONE  # 'anyone', 'staff', 'student' or a staff role
    in_groups: bool = False  # may be used in a group chat

    def all_names(self) -> set[str]:
        return set(self.names.values())

    def allowed(self, roles: frozenset[str]) -> bool:
        if self.audience == ANYONE:
            return True
        if self.audience == STAFF:
            return bool(roles - {"student"})
        return self.audience in roles or (
            "coordinator" in roles and self.audience in ("coach", "group_coach")
        )


def _c(
    key: str, fi: str, sv: str, en: str, audience: str = ANYONE, *, in_groups: bool = False
) -> Command:
    return Command(
        key, {"fi": fi, "sv": sv, "en": en}, f"cmd-{key.replace('_', '-')}", audience, in_groups
    )


COMMANDS: tuple[Command, ...] = (
    _c("start", "start", "start", "start", in_groups=True),
    _c("help", "apua", "hjalp", "help", in_groups=True),
    _c("language", "kieli", "sprak", "language"),
    # students
    _c("checkin", "kuulumiset", "hurmardu", "checkin", "student"),
    _c("talk", "jutellaan", "prata", "talk", "student"),
    _c("my_data", "omat_tiedot", "mina_uppgifter", "my_data", "student"),
    _c("export", "vie", "exportera", "export", "student"),
    _c("pause", "tauko", "paus", "pause", "student"),
    _c("erase", "poista", "radera", "delete_me", "student"),
    _c("my_trend", "oma_kehitys", "min_utveckling", "my_trend", "student"),
    _c("peer_prompts", "ryhmaviestit", "gruppmeddelanden", "group_prompts", "student"),
    # coaches
    _c("students", "opiskelijat", "studerande", "students", "coach"),
    _c("followups", "seuranta", "uppfoljning", "followups", "coach"),
    _c("log_contact", "kirjaa", "registrera", "log_contact", "coach"),
    _c("history", "historia", "historik", "history", "coach"),
    _c("groups", "ryhmat", "grupper", "groups", STAFF),
    # group coaches
    _c("link", "liita", "koppla", "link", "group_coach", in_groups=True),
    _c("broadcast", "laheta", "skicka", "broadcast", "group_coach"),
    _c("poll_results", "kysely_tulokset", "enkatresultat", "poll_results", "group_coach"),
    _c("schedule", "aikataulu", "schema", "schedule", "group_coach"),
    # coordinator
    _c("admin", "hallinta", "hantera", "admin", "coordinator"),
    _c("report", "raportti", "rapport", "report", STAFF),
    _c("phenomena", "ilmiot", "fenomen", "phenomena", "coordinator"),
    _c("cases_export", "tapaukset", "arenden", "cases", "coordinator"),
)

BY_NAME: dict[str, Command] = {name: c for c in COMMANDS for name in c.all_names()}


def menu(
    language: str, roles: frozenset[str], available: set[str] | None = None
) -> list[tuple[str, str]]:
    """(command name, description locale id) for one language's command menu; `available`
    limits it to the commands whose feature is installed."""
    return [
        (c.names[base_language(language)], c.description)
        for c in COMMANDS
        if c.allowed(roles) and (available is None or c.key in available)
    ]
