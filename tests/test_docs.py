"""What a school reads agrees with what the code does: every setting is in README and
.env.example, every CLI argument explains itself, the licence is there."""

from __future__ import annotations

import argparse
import re
import tomllib
from collections.abc import Iterator

from bot.cli import build_parser
from bot.config import NESTED, PROJECT_ROOT, Settings


def setting_names() -> set[str]:
    """Every environment variable the validated Settings reads."""
    names = {name.upper() for name in Settings.model_fields if name not in NESTED}
    for group, prefix in NESTED.values():
        names |= {prefix + name.upper() for name in group.model_fields}
    return names


def readme_setting_names() -> set[str]:
    """The `NAME`s in the first column of README's configuration table."""
    text = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### Configuration", 1)[1].split("\n#", 1)[0]
    names: set[str] = set()
    for line in section.splitlines():
        if line.startswith("| `"):
            names |= set(re.findall(r"`([A-Z][A-Z0-9_]+)`", line.split("|")[1]))
    return names


def env_example_names() -> set[str]:
    text = (PROJECT_ROOT / ".env.example").read_text(encoding="utf-8")
    return set(re.findall(r"^#?\s?([A-Z][A-Z0-9_]+)=", text, flags=re.MULTILINE))


def test_readme_lists_every_setting_and_no_other() -> None:
    assert readme_setting_names() == setting_names()


def test_env_example_lists_every_setting_and_no_other() -> None:
    assert env_example_names() == setting_names()


def test_env_example_values_are_valid_settings(tmp_path: object) -> None:
    """Copying .env.example to .env and adding a token starts with valid settings."""
    from pathlib import Path

    from bot.config import load_settings

    assert isinstance(tmp_path, Path)
    env = tmp_path / ".env"
    env.write_text(
        (PROJECT_ROOT / ".env.example").read_text(encoding="utf-8")
        + "\nTELEGRAM_BOT_TOKEN=123456:abc\n",
        encoding="utf-8",
    )
    settings = load_settings(_env_file=env)
    assert settings.telegram_bot_token == "123456:abc"


def walk(parser: argparse.ArgumentParser, path: str) -> Iterator[tuple[str, argparse.Action]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help for a in action._choices_actions}
            for name, sub in action.choices.items():
                if not helps.get(name):
                    yield f"{path} {name}", action
                yield from walk(sub, f"{path} {name}")
        elif not isinstance(action, argparse._HelpAction):
            yield f"{path} {'/'.join(action.option_strings) or action.dest}", action


def test_every_command_and_argument_has_help() -> None:
    missing = [
        where
        for where, action in walk(build_parser(), "kohtaamo")
        if not isinstance(action, argparse._SubParsersAction) and not action.help
    ]
    missing += [
        where
        for where, action in walk(build_parser(), "kohtaamo")
        if isinstance(action, argparse._SubParsersAction)
    ]
    assert missing == []


def test_readme_names_no_file_that_is_not_in_the_repository() -> None:
    text = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    for name in set(re.findall(r"\b([\w/-]+\.md)\b", text)):
        assert (PROJECT_ROOT / name).exists(), name


def test_the_licence_is_there_and_declared() -> None:
    licence = (PROJECT_ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License")
    assert "Copyright (c) 2026 Kohtaamo contributors" in licence
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"] == "MIT"
