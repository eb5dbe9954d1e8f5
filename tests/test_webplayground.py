"""The web playground in a real headless browser: a student's and a coach's phone side by side,
typing and pressing in both, edits, photos and polls drawn as a phone draws them.

Needs Chromium and its driver (Debian: `apt install chromium chromium-driver`) and selenium;
skipped, with that reason, only where they are not installed."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from bot.harness import Harness
from bot.playground import _meet_the_bot
from bot.services.demo import seed_demo_school
from bot.webplayground import WebPlayground, safe_html

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
from selenium.common.exceptions import (  # noqa: E402
    StaleElementReferenceException,
    WebDriverException,
)
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None,
    reason="no headless browser here: install chromium and chromium-driver (Debian packages)",
)


@pytest.fixture
async def page(harness: Harness) -> AsyncIterator[tuple[WebPlayground, Any]]:
    await seed_demo_school(harness.rt.db, harness.clock.now())
    await _meet_the_bot(harness)
    web = WebPlayground(harness)
    url = await web.start()
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM or ""
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    options.add_argument("--window-size=1400,1000")
    service = webdriver.ChromeService(executable_path=DRIVER)
    try:
        browser = await asyncio.to_thread(webdriver.Chrome, options=options, service=service)
    except WebDriverException as exc:
        await web.stop()
        pytest.skip(f"Chromium did not start here: {exc.msg}")
    try:
        await asyncio.to_thread(browser.get, url)
        yield web, browser
    finally:
        await asyncio.to_thread(browser.quit)
        await web.stop()


async def until(condition: Callable[[], Any], what: str, timeout: float = 20.0) -> Any:
    """Wait until the page shows something (the page refreshes itself every second)."""
    async with asyncio.timeout(timeout):
        while True:
            try:
                result = await asyncio.to_thread(condition)
            except StaleElementReferenceException:
                result = None  # the page redrew meanwhile: look again
            if result:
                return result
            await asyncio.sleep(0.2)
    raise AssertionError(what)  # pragma: no cover - timeout raises first


def phone(browser: Any, side: str) -> WebElement:
    element: WebElement = browser.find_element(By.ID, f"phone-{side}")
    return element


def bubbles(browser: Any, side: str) -> list[str]:
    return [b.text for b in phone(browser, side).find_elements(By.CSS_SELECTOR, ".bubble.bot")]


def button(browser: Any, side: str, text: str) -> WebElement | None:
    for b in phone(browser, side).find_elements(By.CSS_SELECTOR, ".kb button"):
        if text in b.text:
            return b
    return None


async def type_in(browser: Any, side: str, text: str) -> None:
    def act() -> None:
        field = phone(browser, side).find_element(By.CSS_SELECTOR, "input.say")
        field.send_keys(text)
        phone(browser, side).find_element(By.CSS_SELECTOR, "button.send").click()

    await asyncio.to_thread(act)


async def press(browser: Any, side: str, text: str) -> None:
    found = await until(lambda: button(browser, side, text), f"a button {text!r}")
    await asyncio.to_thread(found.click)


async def test_student_and_coach_side_by_side(page: tuple[WebPlayground, Any]) -> None:
    _web, browser = page
    # The student asks for a talk in the left phone …
    await type_in(browser, "left", "/jutellaan")
    await until(lambda: button(browser, "left", "Kasvokkain"), "the student's choices")
    await press(browser, "left", "Kasvokkain")
    # … and the alert appears in the coach's phone on the right, with its buttons.
    await until(
        lambda: any("pyysi itse juttelua" in b for b in bubbles(browser, "right")),
        "the alert in Matti's phone",
    )
    await press(browser, "right", "Otan yhteyttä")
    # The alert is edited in place: marked as edited, with its new buttons.
    await until(
        lambda: any("Kuittasit" in b and "muokattu" in b for b in bubbles(browser, "right")),
        "the edited alert",
    )
    assert await until(lambda: button(browser, "right", "Kirjaa yhteydenotto"), "new buttons")
    assert button(browser, "right", "Otan yhteyttä") is None  # the old buttons are gone
    # The student is told, in the left phone.
    await until(
        lambda: any("Matti on nähnyt, mitä kerroit" in b for b in bubbles(browser, "left")),
        "the student hears back",
    )


async def test_report_charts_show_as_pictures(page: tuple[WebPlayground, Any]) -> None:
    _web, browser = page

    def choose_kaisa() -> None:
        select = phone(browser, "right").find_element(By.CSS_SELECTOR, "select.who")
        select.find_element(By.CSS_SELECTOR, "option[value=kaisa]").click()

    await asyncio.to_thread(choose_kaisa)
    await type_in(browser, "right", "/raportti")
    await press(browser, "right", "Koko koulu")
    await press(browser, "right", "Edelliset 4 viikkoa")

    def loaded_images() -> int:
        return int(
            browser.execute_script(
                "return [...document.querySelectorAll('#phone-right .bubble img')]"
                ".filter(i => i.complete && i.naturalWidth > 0).length"
            )
        )

    assert await until(lambda: loaded_images() >= 2, "report charts drawn as images")
    links = phone(browser, "right").find_elements(By.CSS_SELECTOR, "a.document")
    assert any(".csv" in link.text for link in links)


async def test_a_poll_can_be_voted_in_the_page(
    page: tuple[WebPlayground, Any], harness: Harness
) -> None:
    _web, browser = page
    from bot.services.messaging.outbox import OutMessage, enqueue

    aino = 1001

    async def send(tx: Any) -> Any:
        poll = {"question": "Mikä auttaa jaksamaan?", "options": ["Uni", "Liikunta", "Kaverit"]}
        poll["is_anonymous"] = False
        return await enqueue(
            tx, "web-poll", OutMessage(aino, op="poll", poll=poll), now=harness.clock.now()
        )

    harness.rt.sender.submit([await harness.rt.db.transaction(send)])
    await harness.settle()
    option = await until(
        lambda: next(
            (
                b
                for b in phone(browser, "left").find_elements(By.CSS_SELECTOR, ".poll button")
                if b.text.startswith("Liikunta")
            ),
            None,
        ),
        "the poll's options",
    )
    await asyncio.to_thread(option.click)
    await until(
        lambda: any(
            b.text.startswith("Liikunta") and "(1)" in b.text
            for b in phone(browser, "left").find_elements(By.CSS_SELECTOR, ".poll button")
        ),
        "the vote counted",
    )


def test_bot_html_is_made_safe_for_the_page() -> None:
    shown = safe_html('<b>Hei</b> <script>alert(1)</script> <a href="javascript:x">linkki</a>')
    assert shown == "<b>Hei</b> &lt;script&gt;alert(1)&lt;/script&gt; linkki"


def test_only_this_machine_may_open_it() -> None:
    with pytest.raises(ValueError, match="listens on this machine only"):
        WebPlayground(None, host="0.0.0.0")  # type: ignore[arg-type]
