"""PC111: a policy rate applied to its count costs more than the budget line it names."""

from __future__ import annotations

import pytest

from planctl.engine import Options
from planctl.findings import Severity
from tests.conftest import CheckText, codes_at

PLAN = """
budget:
  items:
    - {{name: 搬迁后续扶持, id: bq, amount: {amount}}}
    - {{name: 培训, id: px, amount: 100万元, beneficiaries: 2000人}}
rates:
  - {{name: 产业扶持, rate: {rate}, per: 人, per_year: true, {years}count: {count}, budget: bq}}
"""

ONLY = Options(select=("PC111",))


def check(
    check_text: CheckText, amount: str, rate: str, count: str, years: str = ""
) -> set[tuple[str, str]]:
    text = PLAN.format(amount=amount, rate=rate, count=count, years=years)
    return codes_at(check_text(text, ONLY))


def test_a_cost_within_the_budget_line_passes(check_text: CheckText) -> None:
    # 2000元 × 2.1万人 × 5 years = 2.1亿元 exactly
    assert check(check_text, "2.1亿元", "2000元", "2.1万人", "years: 5, ") == set()


def test_a_cost_over_the_budget_line_is_a_warning(check_text: CheckText) -> None:
    result = check_text(
        PLAN.format(amount="20000万元", rate="2000元", count="2.1万人", years="years: 5, "), ONLY
    )
    assert codes_at(result) == {("PC111", "rates[0].budget")}
    [finding] = result.findings
    assert finding.severity is Severity.WARNING
    assert finding.computed == "2.1亿元"
    assert finding.position is not None


def test_a_yearly_rate_without_years_counts_one_year(check_text: CheckText) -> None:
    assert check(check_text, "4000万元", "2000元", "2.1万人") == {("PC111", "rates[0].budget")}
    assert check(check_text, "4200万元", "2000元", "2.1万人") == set()


@pytest.mark.parametrize("rate", ["不超过2000元", "2000元以下"])
def test_an_upper_bound_rate_proves_nothing(check_text: CheckText, rate: str) -> None:
    assert check(check_text, "1亿元", rate, "2.1万人", "years: 5, ") == set()


def test_printing_precision_is_not_overspending(check_text: CheckText) -> None:
    # 1.05万人 may be as few as 10450人: 2000元 × 10450人 × 5 = 1.045亿元, no more than 1.05亿元;
    # 1.04亿元 may be as much as 1.045亿元; 1.03亿元 at most 1.035亿元, which is too little.
    assert check(check_text, "1.05亿元", "2000元", "1.05万人", "years: 5, ") == set()
    assert check(check_text, "1.04亿元", "2000元", "1.05万人", "years: 5, ") == set()
    assert check(check_text, "1.03亿元", "2000元", "1.05万人", "years: 5, ") == {
        ("PC111", "rates[0].budget")
    }


def test_a_count_by_id_of_a_budget_item_uses_its_beneficiaries(check_text: CheckText) -> None:
    # 600元 × 2000人 (the item px) = 120万元 > 100万元
    text = """
    budget:
      items:
        - {name: 培训, id: px, amount: 100万元, beneficiaries: 2000人}
    rates:
      - {name: 培训补助, rate: 600元, per: 人, count: px, budget: px}
      - {name: 培训补助, rate: 500元, per: 人, count: px, budget: px}
    """
    assert codes_at(check_text(text, ONLY)) == {("PC111", "rates[0].budget")}


def test_a_count_in_another_unit_than_the_rate_is_not_multiplied(check_text: CheckText) -> None:
    # 2000元 per 人 cannot be applied to 30000户
    assert check(check_text, "1万元", "2000元", "30000户", "years: 5, ") == set()
