"""k-anonymity for report tables: small-cell suppression that also resists differencing.

The invariant: every number shown — and every number that can be *calculated* from the shown
ones with the report's sums — describes either nobody or at least k students.

Each cell carries the set of students it describes: for a count (concerns at a level, answers
in a bucket) the students counted; for a mean, median or percentile the students behind it.
A cell is *small* when 0 < students < k; a small cell is never shown (primary suppression).

Sums make subtraction possible, so the report declares them as `Relation`s:
- the hierarchy: the school = its groups + students without a group (that last part is never
  shown, but it is a part, so "school minus every group" would reveal it — protected too);
- the categories of one table: concerns = info + concern + urgent + crisis, etc.

The attacker is assumed to know every shown value and every relation and to solve them all
together (linear algebra, not just one subtraction at a time). Until nothing is exposed:
1. find what they can calculate: a hidden cell whose value is determined by the system, or the
   sum of a relation's undetermined parts when that sum is determined;
2. if such a number describes 1..k-1 students, hide one more shown cell next to it
   (complementary suppression): the one whose loss costs least — first by who loses it (a
   group's numbers are its group coach's only view of the group, while the coordinator who
   reads the school total also reads every group, so the total goes first), then by the
   students it describes, then the scope that has lost fewest numbers so far — never simply
   the lowest id.

Determinacy is decided exactly by elimination over a large prime field (the relations have
coefficients ±1, so the rank equals the rational rank except with negligible probability).

Ratios of cells (a share is a part over its total) follow the cells: a share is shown only when
its part and total are. Means and percentiles take part in the hierarchy like any other cell,
which is conservative (a median cannot be subtracted, a mean with its count can).
"""

from __future__ import annotations

import functools
import heapq
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

Key = tuple[str, ...]

SHOWN = "shown"
SMALL = "small"  # fewer than k students: primary suppression
COMPLEMENT = "complement"  # hidden so that a small cell cannot be calculated
HIDDEN = "hidden"  # never published (e.g. students without a group)


@dataclass
class Cell:
    key: Key
    students: frozenset[int]
    value: float | None = None
    unit: str = "count"
    status: str = SHOWN
    # A period's cell made from published weeks has no student ids: `people` is how many
    # students (student-weeks) it describes, `weight` how many values a mean is made of and
    # `sample` the values a median or percentile is taken from.
    people: int | None = None
    weight: int = 0
    sample: tuple[float, ...] = ()

    @property
    def shown(self) -> bool:
        return self.status == SHOWN

    @property
    def n(self) -> int:
        return self.people if self.people is not None else len(self.students)

    def small(self, k: int) -> bool:
        return 0 < self.n < k


@dataclass(frozen=True)
class Relation:
    """`total` is the sum of `parts` (in value and in students)."""

    total: Key
    parts: tuple[Key, ...]

    def members(self) -> tuple[Key, ...]:
        return (self.total, *self.parts)


@dataclass
class Table:
    cells: dict[Key, Cell] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)

    def add(self, cell: Cell, *, hidden: bool = False) -> Cell:
        if hidden:
            cell.status = HIDDEN
        self.cells[cell.key] = cell
        return cell

    def relate(self, total: Key, parts: Iterable[Key]) -> None:
        present = tuple(p for p in parts if p in self.cells)
        if total in self.cells and present:
            self.relations.append(Relation(total, present))

    def get(self, key: Key) -> Cell | None:
        return self.cells.get(key)


def protect(
    table: Table,
    k: int,
    *,
    audience: Callable[[Key], int] = lambda _key: 1,
    exempt: Callable[[Key], bool] = lambda _key: False,
) -> Table:
    """Suppress in place: primary (small cells), then complementary until nothing small can be
    calculated.

    `audience(key)`: for how many kinds of viewer the cell is their only view of what it
    describes (a group's number is its group coach's only view of the group; the school's is
    read by the coordinator, who also reads every group): complementary cells are taken from
    the lowest audience first, then the fewest students (see `_Cost`).
    `exempt(key)`: cells that are never suppressed (facts every viewer of the
    scope already has, e.g. a group's headcount); they must not be in any relation."""
    if k < 3:
        raise ValueError("k must be at least 3")
    for cell in table.cells.values():
        if cell.status == SHOWN and cell.small(k) and not exempt(cell.key):
            cell.status = SMALL
    lost: dict[str, int] = {}
    for cell in table.cells.values():
        if cell.status in (SMALL, COMPLEMENT):
            lost[cell.key[0]] = lost.get(cell.key[0], 0) + 1
    cost = _Cost(audience, lost)
    by_member: dict[Key, list[Relation]] = {}
    for relation in table.relations:
        for member in relation.members():
            by_member.setdefault(member, []).append(relation)
    # Relations only link cells of one component (e.g. one measure's week across the school's
    # groups), so each component is solved on its own — and re-solved only when it changed.
    for keys, relations in _components(table):
        for _ in range(len(keys) + 1):
            attack = _Attack(table, keys, relations)
            target = None
            for problem in attack.exposures(k):
                target = _complement(table, problem, by_member, attack, cost)
                if target is not None:
                    break
            if target is None:
                break
            table.cells[target].status = COMPLEMENT
            lost[target[0]] = lost.get(target[0], 0) + 1
        else:
            raise RuntimeError("suppression did not converge")
    return table


def _components(table: Table) -> list[tuple[list[Key], list[Relation]]]:
    parent: dict[Key, Key] = {}

    def root(key: Key) -> Key:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for relation in table.relations:
        first = root(relation.total)
        for member in relation.parts:
            other = root(member)
            if other != first:
                parent[other] = first
    keys: dict[Key, list[Key]] = {}
    for key in table.cells:
        if key in parent:
            keys.setdefault(root(key), []).append(key)
    relations: dict[Key, list[Relation]] = {}
    for relation in table.relations:
        relations.setdefault(root(relation.total), []).append(relation)
    return [(sorted(keys[r]), relations[r]) for r in sorted(relations)]


def derivable_violations(table: Table, k: int) -> list[Key]:
    """Small numbers an attacker could calculate (empty after `protect`): the hidden small
    cells that are determined, and relations whose undetermined parts sum to a small number."""
    return sorted(
        {
            key
            for keys, relations in _components(table)
            for problem in _Attack(table, keys, relations).exposures(k)
            for key in problem
        }
    )


_PRIME = (1 << 61) - 1


class _Basis:
    """Incremental Gaussian elimination over GF(p) on sparse rows (column → coefficient)."""

    def __init__(self) -> None:
        self._pivots: list[tuple[int, dict[int, int]]] = []  # (pivot column, row), in order
        self._pivot_of: dict[int, int] = {}

    def reduce(self, row: dict[int, int]) -> dict[int, int]:
        """Eliminate the pivot columns from `row`, in pivot order: a pivot row is already free
        of earlier pivots, so each subtraction only brings in later ones."""
        row = dict(row)
        queue = [self._pivot_of[c] for c in row if c in self._pivot_of]
        heapq.heapify(queue)
        while queue:
            index = heapq.heappop(queue)
            col, pivot_row = self._pivots[index]
            factor = row.get(col)
            if not factor:
                continue
            for c, v in pivot_row.items():
                value = (row.get(c, 0) - factor * v) % _PRIME
                if value:
                    if c not in row and c in self._pivot_of:
                        heapq.heappush(queue, self._pivot_of[c])
                    row[c] = value
                else:
                    row.pop(c, None)
        return row

    def add(self, row: dict[int, int]) -> None:
        row = self.reduce(row)
        if not row:
            return
        col = min(row)
        inverse = pow(row[col], _PRIME - 2, _PRIME)
        row = {c: v * inverse % _PRIME for c, v in row.items()}
        self._pivots.append((col, row))
        self._pivot_of[col] = len(self._pivots) - 1


class _Attack:
    """What can be solved from the shown cells and the relations.

    Unknowns are the cells not shown (and any `also` cells, treated as if hidden); each
    relation is one linear equation over its unknown members (known members only move the
    constant). A combination of unknowns can be calculated exactly when its vector lies in the
    equations' row space."""

    def __init__(
        self,
        table: Table,
        keys: list[Key],
        relations: list[Relation],
        also: Iterable[Key] = (),
    ) -> None:
        self.table = table
        self.keys = keys
        self.relations = relations
        extra = set(also)
        self.unknown = [key for key in keys if not table.cells[key].shown or key in extra]
        self.column = {key: i for i, key in enumerate(self.unknown)}
        self.basis = _Basis()
        for relation in relations:
            row: dict[int, int] = {}
            for member, coefficient in ((relation.total, 1), *((p, -1) for p in relation.parts)):
                col = self.column.get(member)
                if col is not None:
                    row[col] = (row.get(col, 0) + coefficient) % _PRIME
            self.basis.add({c: v for c, v in row.items() if v})

    @functools.cached_property
    def determined(self) -> set[Key]:
        """Hidden cells whose value can be calculated (computed only when asked: a trial of a
        complementary cell only needs to know whether one sum stays calculable)."""
        return {key for key in self.unknown if self.solvable({self.column[key]: 1})}

    def solvable(self, vector: dict[int, int]) -> bool:
        return not self.basis.reduce(vector)

    def vector(self, cells: Iterable[Key]) -> dict[int, int]:
        return {self.column[key]: 1 for key in cells}

    def known(self, key: Key) -> bool:
        return self.table.cells[key].shown or key in self.determined

    def exposures(self, k: int) -> list[tuple[Key, ...]]:
        """Groups of cells whose (sum of) values can be calculated and describe 1..k-1
        students, most specific first."""
        cells = self.table.cells
        found: list[tuple[Key, ...]] = [
            (key,) for key in sorted(self.determined) if cells[key].small(k)
        ]
        for relation in self.relations:
            parts = tuple(p for p in relation.parts if not self.known(p))
            if not parts:
                continue
            if all(cells[p].people is None for p in parts):
                together = len(frozenset().union(*(cells[p].students for p in parts)))
            else:  # a period's cells: student-weeks add up
                together = sum(cells[p].n for p in parts)
            if not 0 < together < k:
                continue
            vector = {self.column[p]: 1 for p in parts}
            if self.solvable(vector):
                found.append(parts)
        return found


@dataclass
class _Cost:
    """What hiding a cell loses, least first: a number someone still needs before an empty one
    is tried last (hiding a zero rarely helps); then the kinds of viewer for whom it is the
    only view of what it describes (`audience`); then the students it describes; between
    equals the scope that has lost fewest cells so far (so no one group is emptied), then the
    key."""

    audience: Callable[[Key], int]
    lost: dict[str, int]

    def __call__(self, cell: Cell) -> tuple[int, int, int, int, Key]:
        empty = 1 if cell.n == 0 else 0
        scope = cell.key[0]
        return (empty, self.audience(cell.key), cell.n, self.lost.get(scope, 0), cell.key)


def _complement(
    table: Table,
    exposed: tuple[Key, ...],
    by_member: dict[Key, list[Relation]],
    attack: _Attack,
    cost: _Cost,
) -> Key | None:
    """The shown cell to hide so that `exposed` stops being calculable.

    Candidates come outwards from the exposed cells through the relations (nearest first); in
    each ring, the cheapest to lose first (`_Cost`, not the lowest id). The first candidate
    whose hiding really makes `exposed` unsolvable wins (hiding a cell that can itself be
    calculated helps nothing); if none does on its own, the first candidate is hidden and the
    search goes on."""
    candidates = _candidates(table, exposed, by_member, attack, cost)[:_MAX_TRIALS]
    if not candidates:
        return None
    # One system with every candidate treated as hidden; hiding candidate c alone is the same
    # system plus "the other candidates are known". So `exposed` stays calculable after hiding
    # c exactly when its reduced vector lies in the span of the other candidates' reduced unit
    # vectors — a small check per candidate instead of a new elimination.
    relaxed = _Attack(table, attack.keys, attack.relations, also=candidates)
    target = relaxed.basis.reduce(relaxed.vector(exposed))
    if not target:
        return candidates[0]  # none helps on its own: hide the nearest and look again
    reduced = [relaxed.basis.reduce(relaxed.vector([c])) for c in candidates]
    for i, key in enumerate(candidates):
        others = _Basis()
        for j, row in enumerate(reduced):
            if j != i:
                others.add(row)
        if others.reduce(target):
            return key
    return candidates[0]


_MAX_TRIALS = 24  # candidates considered per complementary cell


def _candidates(
    table: Table,
    exposed: tuple[Key, ...],
    by_member: dict[Key, list[Relation]],
    attack: _Attack,
    cost: _Cost,
) -> list[Key]:
    cells = table.cells
    seen_cells = set(exposed)
    frontier = list(exposed)
    seen_relations: set[Relation] = set()
    ordered: list[Key] = []
    while frontier:
        ring: list[tuple[tuple[int, int, int, int, Key], Key]] = []
        next_frontier: list[Key] = []
        for key in frontier:
            for relation in by_member.get(key, []):
                if relation in seen_relations:
                    continue
                seen_relations.add(relation)
                for member in relation.members():
                    if member in seen_cells:
                        continue
                    seen_cells.add(member)
                    cell = cells[member]
                    if cell.shown:
                        ring.append((cost(cell), member))
                    elif attack.known(member):
                        next_frontier.append(member)
                    # A shown cell can also be derived in other ways: look through it too.
                    if cell.shown:
                        next_frontier.append(member)
        ordered += [key for _, key in sorted(ring)]
        frontier = next_frontier
    return ordered
