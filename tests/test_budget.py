"""Budget arithmetic: exact Decimals, rounded once per line, rows and totals that add up."""

from __future__ import annotations

from decimal import Decimal

from drafter.compose.budget import budget_table, compute, position_cost
from drafter.inputs.grant import Grant
from drafter.library.markup import parse_blocks
from drafter.model import Table


def chp(**changes: object) -> Grant:
    data: dict[str, object] = {
        "program": "CHP",
        "fiscal_year": 2024,
        "positions": [
            {
                "title": "Patrol officer",
                "count": 2,
                "entry_salary": "52000",
                "fringe_percent": "38.5",
                "annual_increase_percent": "3",
            }
        ],
        "local_match_percent": "45",
    }
    data.update(changes)
    return Grant.model_validate(data)


def test_hiring_budget_year_by_year_to_the_cent() -> None:
    budget = compute(chp())
    rows = [(y.year, y.salary, y.fringe, y.federal, y.local) for y in budget.years]
    assert rows == [
        (1, Decimal("104000.00"), Decimal("40040.00"), Decimal("79222.00"), Decimal("64818.00")),
        (2, Decimal("107120.00"), Decimal("41241.20"), Decimal("81598.66"), Decimal("66762.54")),
        (3, Decimal("110333.60"), Decimal("42478.44"), Decimal("84046.62"), Decimal("68765.42")),
    ]
    assert budget.federal_total == Decimal("244867.28")
    assert budget.local_total == Decimal("200345.96")
    assert budget.total == Decimal("445213.24")
    assert budget.federal_percent == Decimal("55")


def test_per_position_federal_share_is_what_the_cap_is_checked_against() -> None:
    grant = chp()
    cost = position_cost(grant.positions[0], 3, Decimal("55"))
    assert cost.cost_per_position == Decimal("222606.62")
    assert cost.federal_per_position == Decimal("122433.64")


def test_waiver_means_federal_pays_all() -> None:
    budget = compute(
        chp(
            match_waiver=True,
            local_match_percent="0",
            positions=[{"count": 1, "entry_salary": "40000", "fringe_percent": "0"}],
        )
    )
    assert [y.federal for y in budget.years] == [Decimal("40000.00")] * 3
    assert budget.local_total == Decimal("0")


def test_half_cents_round_up_once_per_line() -> None:
    budget = compute(
        chp(
            local_match_percent="25",
            positions=[{"count": 3, "entry_salary": "33333.33", "fringe_percent": "0"}],
        )
    )
    # 33,333.33 × 75% = 24,999.9975 → 25,000.00 per position, × 3
    assert budget.years[0].federal == Decimal("75000.00")
    assert budget.years[0].local == Decimal("24999.99")


def test_line_item_budget_sums_exactly_and_becomes_a_word_table() -> None:
    grant = Grant.model_validate(
        {
            "program": "CPD",
            "fiscal_year": 2024,
            "budget_items": [
                {"category": "supplies", "description": "Binders | tabs", "amount": "0.10"},
                {"category": "travel", "description": "Two trips", "amount": "0.20"},
            ],
        }
    )
    budget = compute(grant)
    assert budget.federal_total == Decimal("0.30")  # never 0.30000000000000004
    blocks = parse_blocks(budget_table(budget), numbered=False)
    assert len(blocks) == 1 and isinstance(blocks[0], Table)
    rows = [[cell.text for cell in row] for row in blocks[0].rows]
    assert rows[0] == ["Category", "Item", "Amount"]
    assert rows[1] == ["Supplies", "Binders | tabs", "$0.10"]
    assert rows[-1] == ["Total", "", "$0.30"]


def test_hiring_table_has_a_row_per_year_and_a_total() -> None:
    blocks = parse_blocks(budget_table(compute(chp())), numbered=False)
    table = blocks[0]
    assert isinstance(table, Table)
    rows = [[cell.text for cell in row] for row in table.rows]
    assert [r[0] for r in rows] == ["Year", "Year 1", "Year 2", "Year 3", "Total"]
    assert rows[-1][4:] == ["$244,867.28", "$200,345.96"]
