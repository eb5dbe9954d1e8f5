"""k-anonymity of report tables: small cells are hidden, and nothing hidden can be calculated
back — neither by one subtraction (school minus groups, total minus categories) nor by an
attacker solving all published sums at once (checked here with exact linear algebra)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.reports.anonymity import (
    COMPLEMENT,
    HIDDEN,
    SHOWN,
    SMALL,
    Cell,
    Key,
    Table,
    derivable_violations,
    protect,
)
from tests.support import K, exposed


def students(first: int, count: int) -> frozenset[int]:
    return frozenset(range(first, first + count))


def hierarchy(sizes: dict[str, int], nogroup: int = 0) -> Table:
    """A school whose groups have the given numbers of students (each counted once)."""
    table = Table()
    start = 0
    parts: list[Key] = []
    for name, size in sizes.items():
        table.add(Cell((name,), students(start, size), float(size)))
        parts.append((name,))
        start += size
    table.add(Cell(("nogroup",), students(start, nogroup), float(nogroup)), hidden=True)
    parts.append(("nogroup",))
    table.add(Cell(("school",), students(0, start + nogroup), float(start + nogroup)))
    table.relate(("school",), parts)
    return table


def test_a_small_group_is_hidden_and_zero_is_not_a_small_number() -> None:
    table = hierarchy({"A": 12, "B": 4, "C": 0})
    protect(table, K)
    assert table.cells[("B",)].status == SMALL
    assert table.cells[("C",)].status == SHOWN  # nobody: says nothing about anyone
    assert table.cells[("A",)].status in (SHOWN, COMPLEMENT)


def test_school_minus_the_other_groups_does_not_reveal_a_small_group() -> None:
    """The classic differencing attack: school 30, A 14, B 13 → C = 3."""
    table = hierarchy({"A": 14, "B": 13, "C": 3})
    protect(table, K)
    assert table.cells[("C",)].status == SMALL
    # The school total survives; the smallest other group is hidden with C instead.
    assert table.cells[("school",)].shown
    assert table.cells[("B",)].status == COMPLEMENT
    assert table.cells[("A",)].shown
    assert exposed(table) == []
    assert derivable_violations(table, K) == []


def test_two_small_groups_together_are_not_enough_when_they_are_still_small() -> None:
    """C = 2 and D = 2 hidden: school minus A and B would reveal C + D = 4 students."""
    table = hierarchy({"A": 20, "B": 9, "C": 2, "D": 2})
    protect(table, K)
    shown = {key[0] for key, cell in table.cells.items() if cell.shown}
    assert "C" not in shown
    assert "D" not in shown
    assert "B" not in shown  # hidden too: C + D + B = 13 students cannot be split
    assert "school" in shown
    assert "A" in shown
    assert exposed(table) == []


def test_two_small_groups_that_together_reach_k_need_nothing_more() -> None:
    table = hierarchy({"A": 20, "C": 3, "D": 2})
    protect(table, K)
    assert table.cells[("A",)].shown
    assert table.cells[("school",)].shown
    assert exposed(table) == []


def test_students_without_a_group_are_a_hidden_part_of_the_school() -> None:
    """Every group is big, but 2 students have no group: school minus groups = those 2."""
    table = hierarchy({"A": 10, "B": 8}, nogroup=2)
    protect(table, K)
    assert table.cells[("nogroup",)].status == HIDDEN
    assert not table.cells[("B",)].shown  # hidden so that the 2 cannot be calculated
    assert table.cells[("school",)].shown
    assert exposed(table) == []


def test_when_only_one_group_exists_its_small_total_hides_the_school_too() -> None:
    table = hierarchy({"A": 3})
    protect(table, K)
    assert not table.cells[("A",)].shown
    assert not table.cells[("school",)].shown


def two_way(counts: dict[str, dict[str, int]]) -> Table:
    """Groups × categories with group totals, category totals and the grand total — the
    shape of 'concerns by level per group'. Each student is in one cell."""
    table = Table()
    next_id = 0
    groups = list(counts)
    cats = sorted({c for row in counts.values() for c in row})
    members: dict[tuple[str, str], frozenset[int]] = {}
    for g in groups:
        for c in cats:
            n = counts[g].get(c, 0)
            members[(g, c)] = students(next_id, n)
            next_id += n
    for g in groups:
        for c in cats:
            table.add(Cell((g, c), members[(g, c)], float(len(members[(g, c)]))))
        row = frozenset().union(*(members[(g, c)] for c in cats))
        table.add(Cell((g, "total"), row, float(len(row))))
        table.relate((g, "total"), [(g, c) for c in cats])
    for c in cats:
        col = frozenset().union(*(members[(g, c)] for g in groups))
        table.add(Cell(("school", c), col, float(len(col))))
        table.relate(("school", c), [(g, c) for g in groups])
    everyone = frozenset().union(*members.values())
    table.add(Cell(("school", "total"), everyone, float(len(everyone))))
    table.relate(("school", "total"), [("school", c) for c in cats])
    table.relate(("school", "total"), [(g, "total") for g in groups])
    return table


def test_a_two_way_table_cannot_be_solved_back_by_rows_and_columns() -> None:
    table = two_way(
        {
            "A": {"info": 9, "concern": 6, "urgent": 1, "crisis": 0},
            "B": {"info": 7, "concern": 2, "urgent": 5, "crisis": 1},
            "C": {"info": 12, "concern": 8, "urgent": 6, "crisis": 0},
        }
    )
    protect(table, K)
    for key in (("A", "urgent"), ("B", "concern"), ("B", "crisis")):
        assert not table.cells[key].shown
    assert exposed(table) == []
    assert derivable_violations(table, K) == []


def test_k_below_three_is_refused() -> None:
    with pytest.raises(ValueError, match="k must be at least 3"):
        protect(hierarchy({"A": 10}), 2)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.integers(min_value=0, max_value=9), min_size=3, max_size=4),
        min_size=2,
        max_size=4,
    ),
    st.integers(min_value=3, max_value=6),
)
def test_no_protected_two_way_table_exposes_a_small_cell(rows: list[list[int]], k: int) -> None:
    width = min(len(r) for r in rows)
    counts = {f"G{i}": {f"c{j}": row[j] for j in range(width)} for i, row in enumerate(rows)}
    table = two_way(counts)
    protect(table, k)
    assert exposed(table, k) == []
    assert derivable_violations(table, k) == []


def test_random_hierarchies_with_students_outside_groups_never_expose_anyone() -> None:
    rng = random.Random(8)
    for _ in range(200):
        sizes = {
            f"G{i}": rng.choice([0, 1, 2, 3, 4, 5, 6, 9, 15]) for i in range(rng.randint(1, 6))
        }
        table = hierarchy(sizes, nogroup=rng.choice([0, 0, 1, 3, 7]))
        protect(table, K)
        assert exposed(table) == [], sizes
