"""The adapters stay thin: no file under bot/telegram/ holds SQL. Every statement lives in a
named function on the domain side (bot/services/messaging/outbox_store.py for the outbox, …),
which the adapters call. Comments and docstrings may talk about tables; string literals may not."""

from __future__ import annotations

import ast
import re

from bot.config import PROJECT_ROOT

ADAPTERS = PROJECT_ROOT / "bot" / "telegram"
SQL = re.compile(
    r"\b(SELECT|INSERT|UPDATE|DELETE|REPLACE\s+INTO|CREATE|ALTER|DROP|PRAGMA|BEGIN|COMMIT)\b"
)


def sql_literals(source: str) -> list[tuple[int, str]]:
    """(line, text) of each string constant that reads as SQL; docstrings excluded."""
    tree = ast.parse(source)
    docstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and SQL.search(node.value)
    ]


def test_the_check_finds_sql_in_strings_and_not_in_docstrings_or_comments() -> None:
    source = '''
"""SELECT in a module docstring is prose."""
def f(tx):
    """UPDATE in a docstring too."""
    # DELETE FROM in a comment
    tx.execute(f"SELECT 1 FROM outbox WHERE id IN ({marks})")
    return "UPDATE outbox SET sent_at = ?"
'''
    assert sorted(line for line, _ in sql_literals(source)) == [6, 7]


def test_no_sql_under_bot_telegram() -> None:
    files = sorted(ADAPTERS.rglob("*.py"))
    assert files, ADAPTERS
    found = [
        f"{path.relative_to(PROJECT_ROOT)}:{line}: {text[:70]!r}"
        for path in files
        for line, text in sql_literals(path.read_text(encoding="utf-8"))
    ]
    assert not found, "SQL belongs in bot/services (e.g. outbox_store):\n" + "\n".join(found)


def calls_named(source: str, name: str) -> list[int]:
    """Lines that call something called `name` (a function or a method)."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and (
            (isinstance(node.func, ast.Attribute) and node.func.attr == name)
            or (isinstance(node.func, ast.Name) and node.func.id == name)
        )
    ]


def test_the_call_check_finds_methods_and_functions() -> None:
    source = "rt.deliver(x)\ndeliver(y)\nrt.deliverable(z)\n"
    assert calls_named(source, "deliver") == [1, 2]


def test_no_handler_delivers_and_no_feature_opens_a_transaction() -> None:
    """Every committed outbox row reaches the sender on its own (Database.on_commit): nothing
    has a `deliver` to forget. A feature writes through its update's unit of work (`Turn.run`)
    or a service's use case, never by opening a transaction itself."""
    found = [
        f"{path.relative_to(PROJECT_ROOT)}:{line}: {name}"
        for path in sorted(ADAPTERS.rglob("*.py"))
        for name in ("deliver", "transaction")
        for line in calls_named(path.read_text(encoding="utf-8"), name)
        if name == "deliver" or path.parent.name == "features"
    ]
    assert not found, "\n".join(found)


# Use cases write through the unit of work they are given (bot/services/unit.py): whoever
# starts one — a Telegram update, a clock tick, the command line — decides the moment and
# the transaction, and a use case cannot open one of its own behind its caller's back. These
# modules run before any unit exists, and say so.
BEFORE_ANY_UNIT = {
    "bot/services/unit.py": "the unit of work itself",
    "bot/services/flows.py": "start-up: the flow files are synced before any update",
    "bot/services/demo.py": "the playground's demo school, seeded before the bot starts",
    "bot/services/messaging/inbox.py": "the durable receipt of an update, before it is handled",
}
DOMAIN = [PROJECT_ROOT / "bot" / name for name in ("services", "scheduling", "reports", "risk")]


def test_use_cases_commit_only_through_their_unit_of_work() -> None:
    found = [
        f"{name}:{line}"
        for root in DOMAIN
        for path in sorted(root.rglob("*.py"))
        if (name := path.relative_to(PROJECT_ROOT).as_posix()) not in BEFORE_ANY_UNIT
        for line in calls_named(path.read_text(encoding="utf-8"), "transaction")
    ]
    assert not found, "take a `unit: UnitOfWork` and write with unit.run:\n" + "\n".join(found)


def attributes_named(source: str, names: set[str]) -> list[tuple[int, str]]:
    return [
        (node.lineno, node.attr)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Attribute) and node.attr in names
    ]


def test_handlers_never_hold_the_database() -> None:
    """A feature reads through `c.reads` and writes through `c.run` or a use case given its
    Turn; the database handle itself (`rt.db`, `svc.db`, a unit's `database`) stays out."""
    found = [
        f"{path.relative_to(PROJECT_ROOT)}:{line}: .{name}"
        for path in sorted((ADAPTERS / "features").glob("*.py"))
        for line, name in attributes_named(path.read_text(encoding="utf-8"), {"db", "database"})
    ]
    assert not found, "\n".join(found)
