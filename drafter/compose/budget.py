"""Grant budgets: federal and local shares, year by year, in exact Decimal arithmetic.

A hiring grant (CHP) pays a share of entry-level salary and fringe for each position over
the funded years; the agency pays the rest (the local match). Reviewers add the columns up
by hand, so every figure is rounded to the cent once, at the line it is printed on, and the
local share is the remainder (cost − federal) so each row and every total adds up exactly.
A non-hiring budget (CPD) is the sum of its line items. The results become a Markdown table
(`budget_table()` in clause text) that the markup stage turns into a Word table.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from drafter.inputs.grant import Grant, Position
from drafter.library.render import Structure, literal

CENT = Decimal("0.01")
HUNDRED = Decimal("100")


def cents(value: Decimal) -> Decimal:
    """Round half up to the cent, as budget worksheets do."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class BudgetYear:
    """One funded year of a hiring budget, all positions together."""

    year: int
    salary: Decimal
    fringe: Decimal
    federal: Decimal
    local: Decimal

    @property
    def cost(self) -> Decimal:
        return self.salary + self.fringe


@dataclass(frozen=True)
class PositionCost:
    """One position group's cost over the funded years, per single position."""

    position: Position
    cost_per_position: Decimal
    federal_per_position: Decimal


@dataclass(frozen=True)
class Budget:
    """A computed budget: hiring years (CHP) or line items (CPD), with totals."""

    years: tuple[BudgetYear, ...]
    positions: tuple[PositionCost, ...]
    items: tuple[tuple[str, str, Decimal], ...]
    federal_percent: Decimal

    @property
    def hiring_federal(self) -> Decimal:
        return sum((y.federal for y in self.years), Decimal("0"))

    @property
    def federal_total(self) -> Decimal:
        return self.hiring_federal + self.items_total

    @property
    def local_total(self) -> Decimal:
        return sum((y.local for y in self.years), Decimal("0"))

    @property
    def items_total(self) -> Decimal:
        return sum((amount for _, _, amount in self.items), Decimal("0"))

    @property
    def total(self) -> Decimal:
        return self.federal_total + self.local_total

    @property
    def position_count(self) -> int:
        return sum(p.position.count for p in self.positions)


def federal_percent(grant: Grant) -> Decimal:
    """The federal share of salary and fringe: 100 − match (100 with a waiver)."""
    return HUNDRED if grant.match_waiver else HUNDRED - Decimal(grant.local_match_percent)


def salary_in_year(position: Position, year: int) -> Decimal:
    """One position's salary in funded year `year` (1-based), with the step increase."""
    factor = (1 + Decimal(position.annual_increase_percent) / HUNDRED) ** (year - 1)
    return cents(Decimal(position.entry_salary) * factor)


def position_year(position: Position, year: int, share: Decimal) -> tuple[Decimal, Decimal, Decimal]:
    """ONE position's salary, fringe and federal share in funded year `year`, each rounded
    to the cent where a worksheet prints it: the figures every total is a sum of."""
    salary = salary_in_year(position, year)
    fringe = cents(salary * Decimal(position.fringe_percent) / HUNDRED)
    return salary, fringe, cents((salary + fringe) * share / HUNDRED)


def position_cost(position: Position, years: int, share: Decimal) -> PositionCost:
    """Cost and federal share of ONE position over `years` (the $125,000 cap is per position)."""
    figures = [position_year(position, year, share) for year in range(1, years + 1)]
    cost = sum((salary + fringe for salary, fringe, _ in figures), Decimal("0"))
    federal = sum((federal for _, _, federal in figures), Decimal("0"))
    return PositionCost(position, cost, federal)


def compute(grant: Grant) -> Budget:
    """The grant's budget; for each year, the federal share is rounded once per position
    group so that per-position and per-year figures agree."""
    share = federal_percent(grant)
    years: list[BudgetYear] = []
    for year in range(1, grant.funded_years + 1 if grant.positions else 1):
        salary = fringe = federal = Decimal("0")
        for position in grant.positions:
            one_salary, one_fringe, one_federal = position_year(position, year, share)
            salary += one_salary * position.count
            fringe += one_fringe * position.count
            federal += one_federal * position.count
        years.append(BudgetYear(year, salary, fringe, federal, salary + fringe - federal))
    positions = tuple(position_cost(p, grant.funded_years, share) for p in grant.positions)
    items = tuple((str(i.category), i.description, Decimal(i.amount)) for i in grant.budget_items)
    return Budget(tuple(years), positions, items, share)


def _money(value: Decimal) -> str:
    return f"${value:,.2f}"


def _cell(text: str) -> str:
    """Input text in a cell stays text: no '|' starting a cell, no Markdown (see
    drafter.library.render.literal)."""
    return literal(text)


def budget_table(budget: Budget) -> str:
    """The budget as a Markdown (GFM) table: one row per year, or per line item, and a total."""
    if budget.years and budget.positions:
        rows = [
            "| Year | Salary | Fringe | Total cost | Federal share | Local share |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for y in budget.years:
            rows.append(
                f"| Year {y.year} | {_money(y.salary)} | {_money(y.fringe)} | {_money(y.cost)} "
                f"| {_money(y.federal)} | {_money(y.local)} |"
            )
        salary = sum((y.salary for y in budget.years), Decimal("0"))
        fringe = sum((y.fringe for y in budget.years), Decimal("0"))
        rows.append(
            f"| **Total** | **{_money(salary)}** | **{_money(fringe)}** | **{_money(salary + fringe)}** "
            f"| **{_money(budget.hiring_federal)}** "
            f"| **{_money(budget.local_total)}** |"
        )
        return Structure("\n".join(rows) + "\n")
    rows = ["| Category | Item | Amount |", "|---|---|---:|"]
    for category, description, amount in budget.items:
        rows.append(f"| {_cell(category.capitalize())} | {_cell(description)} | {_money(amount)} |")
    rows.append(f"| **Total** | | **{_money(budget.items_total)}** |")
    return Structure("\n".join(rows) + "\n")
