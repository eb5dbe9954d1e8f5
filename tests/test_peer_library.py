"""The peer prompt library as data: the shipped themes, strict validation with file and line,
Telegram's limits in every language, the coach's own polls, and `kohtaamo prompts check`."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.config import PROJECT_ROOT
from bot.i18n import Translator
from bot.services.peer.library import (
    PROMPTS_DIR,
    PromptLibrary,
    load_checked,
    locale_problems,
    parse_theme,
)
from bot.services.peer.render import ComposeError, Content, PeerTexts, parse_custom

PROMPTS = PROJECT_ROOT / "flows" / PROMPTS_DIR
THEMES = {
    "ryhmaytyminen",
    "jaksaminen-ja-stressi",
    "tyossaoppiminen",
    "raha-asiat",
    "tulevaisuus-ja-jatkopolut",
    "yhteinen-tekeminen",
}


@pytest.fixture(scope="module")
def tr() -> Translator:
    return Translator(PROJECT_ROOT / "locales")


def problems_of(text: str) -> list[str]:
    theme, problems = parse_theme(text, "koulu.yaml")
    assert (theme is None) == bool(problems)
    return [str(p) for p in problems]


def test_shipped_library_is_valid_in_every_language(tr: Translator) -> None:
    library, problems = load_checked(PROMPTS, tr)
    assert problems == []
    assert set(library.themes) == THEMES
    for theme in library.themes.values():
        kinds = {p.type for p in theme.prompts}
        assert "text" in kinds, theme.id  # each theme has both
        assert "poll" in kinds, theme.id
        assert len(theme.prompts) >= 6
    assert {p.type for p in library.prompts.values()} == {"text", "poll", "quiz"}
    # Something for both places: the group chat and each student privately.
    for audience in ("chat", "private"):
        assert all(library.in_theme(t, audience) for t in THEMES)


def test_problems_name_the_file_and_line() -> None:
    found = problems_of(
        "theme: oma\n"
        "title: vp-theme-oma\n"
        "prompts:\n"
        "  - id: a\n"
        "    type: poll\n"
        "    text: vp-a\n"
        "    options: [yksi]\n"
        "  - id: b\n"
        "    type: quiz\n"
        "    text: vp-b\n"
        "    options: [x, y]\n"
        "    colour: red\n"
        "  - id: c\n"
        "    type: text\n"
        "    text: vp-c\n"
        "    options: [x, y]\n"
        "  - id: d\n"
        "    type: poll\n"
        "    text: vp-d\n"
        "    options: [x, y]\n"
        "    anonymous: false\n"
    )
    assert "koulu.yaml:7: prompt 'a': a poll needs 2–10 options" in found
    assert any(p.startswith("koulu.yaml:12: unknown key 'colour'") for p in found)
    assert any(p.startswith("koulu.yaml:8:") and "quiz needs 'correct'" in p for p in found)
    assert "koulu.yaml:16: prompt 'c': 'options' is only for polls and quizzes" in found
    assert any(p.startswith("koulu.yaml:21:") and "fits only the group chat" in p for p in found)


def test_structure_problems() -> None:
    assert problems_of("- just a list") == [
        "koulu.yaml:1: a prompt file must be a mapping with keys theme, title and prompts"
    ]
    assert "koulu.yaml:1: missing required key 'prompts'" in problems_of("theme: x\ntitle: vp-x\n")
    assert problems_of("theme: x\ntitle: vp-x\ntheme: y\nprompts: []\n") == [
        "koulu.yaml:3: 'theme' is defined twice (duplicate key)"
    ]
    found = problems_of(
        "theme: x\ntitle: vp-x\nprompts:\n"
        "  - {id: q, type: quiz, text: vp-q, options: [a, b], correct: [c]}\n"
        "  - {id: q, type: text, text: vp-q2}\n"
        "  - {id: r, type: story, text: vp-r}\n"
    )
    assert "koulu.yaml:4: prompt 'q': correct option 'c' is not an option" in found
    assert any("type must be one of text, poll, quiz" in p for p in found)


def test_a_prompt_id_used_in_two_files_is_refused(tmp_path: Path) -> None:
    body = "title: vp-x\nprompts:\n  - {id: sama, type: text, text: vp-x}\n"
    (tmp_path / "a.yaml").write_text("theme: a\n" + body)
    (tmp_path / "b.yaml").write_text("theme: b\n" + body)
    library, problems = PromptLibrary.load(tmp_path)
    assert [str(p) for p in problems] == [
        f"{tmp_path / 'b.yaml'}:4: prompt id 'sama' is already used in "
        f"{tmp_path / 'a.yaml'} (duplicate id)"
    ]
    assert set(library.themes) == {"a"}


def test_texts_telegram_would_refuse_are_found_in_each_language(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text(
        "theme: x\ntitle: vp-theme-x\nprompts:\n"
        "  - {id: p, type: poll, text: vp-p, options: [a, b]}\n"
        "  - {id: q, type: text, text: vp-q}\n"
    )
    texts = {
        ("vp-theme-x", None): "X",
        ("vp-p", None): "Onko <b>tämä</b> hyvä?",
        ("vp-p", "a"): "Sama",
        ("vp-p", "b"): "Sama",
        ("vp-q", None): "x" * 4000,
    }

    def lookup(lang: str, msg_id: str, attr: str | None) -> str | None:
        return None if lang == "sv" and msg_id == "vp-q" else texts.get((msg_id, attr))

    library, _ = PromptLibrary.load(tmp_path)
    found = [str(p) for p in locale_problems(library, lookup)]
    assert any("(fi): two options have the same text" in p for p in found)
    assert any("(en): poll texts are plain text" in p for p in found)
    assert any("(fi): the text is 4000 characters" in p for p in found)
    assert any("locale 'sv' is missing message 'vp-q'" in p for p in found)


def test_the_coachs_own_poll_is_a_question_and_dashed_lines() -> None:
    poll = parse_custom("Missä tavataan?\n- Koululla\n• Kahvilassa\n")
    assert poll is not None
    assert poll.options == ("Koululla", "Kahvilassa")
    assert parse_custom("Hei kaikki!\nHuomenna tavataan.") is None  # a plain message
    assert parse_custom("- yksi\n- kaksi") is None  # no question line: a message
    assert parse_custom("Tervetuloa retkelle!\n- eväät\n- kengät") is None  # a list, no poll
    with pytest.raises(ComposeError) as one:
        parse_custom("Kysymys?\n- vain yksi")
    assert one.value.reason == "peer-compose-poll-options"
    with pytest.raises(ComposeError) as twins:
        parse_custom("Kysymys?\n- sama\n- sama")
    assert twins.value.reason == "peer-compose-poll-twins"
    with pytest.raises(ComposeError):
        parse_custom("Kysymys?\n" + "".join(f"- {i}\n" for i in range(11)))


def test_private_copies_are_anonymous_and_final(tr: Translator) -> None:
    library, _ = PromptLibrary.load(PROMPTS)
    texts = PeerTexts(tr)
    signup = Content(prompt=library.get("yhteinen-mukaan"))
    chat = texts.poll_kwargs("fi", signup, private=False)
    assert chat["is_anonymous"] is False
    assert "allows_revoting" not in chat
    private = texts.poll_kwargs("fi", signup, private=True)
    assert private["is_anonymous"] is True
    assert private["allows_revoting"] is False
    quiz = texts.poll_kwargs("sv", Content(prompt=library.get("raha-opintotuki")), private=True)
    assert quiz["type"] == "quiz"
    assert quiz["correct_option_ids"] == [0]
    assert quiz["options"][0] == "Hos FPA"
    assert "FPA" in quiz["explanation"]


def test_prompts_check_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["prompts", "check"]) == 0
    assert "all prompts are valid: 38 in 6 themes" in capsys.readouterr().out
    (tmp_path / "oma.yaml").write_text("theme: oma\ntitle: vp-theme-oma\nprompts: []\n")
    assert main(["prompts", "--dir", str(tmp_path), "check"]) == 1
    out = capsys.readouterr().out
    assert f"{tmp_path / 'oma.yaml'}:3: prompts must be a non-empty list" in out
    assert main(["prompts", "list"]) == 0
    assert "ryhma-viikon-paras" in capsys.readouterr().out
