"""Each rule with a passing and a failing plan snippet; tests compare (code, path) only."""

from __future__ import annotations

import pytest

from planctl.engine import Options
from planctl.findings import Severity
from planctl.rules import RULES
from tests.conftest import CheckText, codes_at

BUDGET = """
budget:
  total: {total}
  items:
    - name: 精准扶贫工程
      amount: 346.857亿元
      items:
        - {{name: 转移就业工程, amount: 9.285亿元}}
        - {{name: 产业扶持工程, amount: 337.572亿元}}
    - name: 强化脱贫保障工程
      amount: 294.9436亿元
"""


def only(code: str) -> Options:
    return Options(select=(code,))


def test_every_rule_is_registered_and_documented() -> None:
    assert len(RULES) >= 20
    for code, rule in RULES.items():
        assert code[:2] in {"PC", "PE"}, code
        assert rule.title
        assert "Passing" in rule.doc or "Not evaluable" in rule.doc, code
        assert "Failing" in rule.doc or "Not evaluable" in rule.doc, code
        assert isinstance(rule.severity, Severity)


def test_every_rule_module_in_the_package_is_registered() -> None:
    # Scan the package, not the registry: a rule module that is not registered never runs.
    import pkgutil

    import planctl.rules

    modules = {info.name for info in pkgutil.iter_modules(planctl.rules.__path__)}
    registered = {rule.module for rule in RULES.values()}
    assert modules - {"base"} == registered


def test_rollup_accepts_a_total_within_its_printed_precision(check_text: CheckText) -> None:
    # 346.857 + 294.9436 = 641.8006: within half a unit of 641.8's last digit
    assert codes_at(check_text(BUDGET.format(total="641.8亿元"), only("PC101"))) == set()


def test_rollup_reports_a_substantive_gap_at_the_total(check_text: CheckText) -> None:
    result = check_text(BUDGET.format(total="651.8亿元"), only("PC101"))
    assert codes_at(result) == {("PC101", "budget.total")}
    [finding] = result.findings
    assert finding.severity is Severity.ERROR
    assert finding.computed == "641.8006亿元"
    assert finding.gap is not None
    assert finding.gap.in_unit == "-9.9994亿元"


def test_rollup_calls_a_small_gap_in_a_coarse_total_rounding(check_text: CheckText) -> None:
    text = """
    budget:
      items:
        - name: 交通脱贫工程
          amount: 97.751亿元
          items:
            - {name: 农村公路, amount: 347323.913万元}
            - {name: 其他, amount: 630196.4万元}
    """
    result = check_text(text, only("PC101"))
    assert codes_at(result) == {("PC101", "budget.items[0].amount")}
    assert result.findings[0].severity is Severity.WARNING
    assert "rounding" in result.findings[0].message


def test_rollup_checks_every_measure_and_partial_breakdowns(check_text: CheckText) -> None:
    text = """
    budget:
      items:
        - name: 培训
          amount: 100万元
          beneficiaries: 1000人
          breakdown: {beneficiaries: partial}
          items:
            - {name: a, amount: 60万元, beneficiaries: 600人}
            - {name: b, amount: 40万元, beneficiaries: 500人}
    """
    result = check_text(text, only("PC101"))
    assert codes_at(result) == {("PC101", "budget.items[0].beneficiaries")}


def test_mixed_units_are_refused(check_text: CheckText) -> None:
    text = """
    budget:
      items:
        - name: 培训
          beneficiaries: 1000人
          items:
            - {name: a, beneficiaries: 600人}
            - {name: b, beneficiaries: 400户}
    """
    assert codes_at(check_text(text, only("PC102"))) == {
        ("PC102", "budget.items[0].items[1].beneficiaries")
    }
    assert codes_at(check_text(text.replace("400户", "400人"), only("PC102"))) == set()


def test_restatements_agree_within_precision(check_text: CheckText) -> None:
    text = """
    budget:
      items:
        - {name: 转移就业工程, amount: {value: 9.285亿元, also: [{value: %s}]}}
    """
    assert codes_at(check_text(text % "92851.758万元", only("PC103"))) == set()
    assert codes_at(check_text(text % "93851.758万元", only("PC103"))) == {
        ("PC103", "budget.items[0].amount.also[0]")
    }


def test_same_digits_in_another_unit_is_called_a_unit_error(check_text: CheckText) -> None:
    text = """
    facts:
      - {name: 人均可支配收入, value: {value: 33052元, id: income}}
      - {name: 人均可支配收入, value: {value: 33052万元, same_as: income}}
    """
    result = check_text(text, only("PC103"))
    assert codes_at(result) == {("PC103", "facts[1].value")}
    assert "unit error" in result.findings[0].message


def test_references_to_unknown_or_duplicate_ids(check_text: CheckText) -> None:
    text = """
    facts:
      - {name: a, value: {value: 1元, id: x}}
      - {name: b, value: {value: 1元, id: x}}
      - {name: c, value: {value: 1元, same_as: nowhere}}
    """
    assert codes_at(check_text(text, only("PC104"))) == {
        ("PC104", "facts[1].value.id"),
        ("PC104", "facts[2].value.same_as"),
    }


def test_declared_counts_against_names_and_lists(check_text: CheckText) -> None:
    text = """
    measures: [{name: 一}, {name: 二}, {name: 三}]
    counts:
      - {name: 三大工程, value: 三, of: measures}
      - {name: 两大工程, value: 两个, of: measures}
      - {name: 路径, value: 5个, names: [转, 扶, 搬, 保]}
      - {name: 企业, value: 2个以上, names: [甲, 乙, 丙]}
    """
    assert codes_at(check_text(text, only("PC105"))) == {
        ("PC105", "counts[1]"),
        ("PC105", "counts[2].names"),
    }


def test_declared_counts_of_regions_by_kind(check_text: CheckText) -> None:
    text = """
    regions:
      items:
        - {name: 甲县, kind: national_key}
        - {name: 乙县, kind: national_key}
        - {name: 丙县, kind: non_poor}
    counts:
      - {name: 县, value: 3个, of: regions}
      - {name: 国家级重点县, value: 3个, of: regions, kind: national_key}
    """
    assert codes_at(check_text(text, only("PC105"))) == {("PC105", "counts[1]")}


def test_shares_match_their_figures_and_add_to_100(check_text: CheckText) -> None:
    text = """
    facts:
      - name: 公共财政预算收入
        value: 32.9亿元
        breakdown: partial
        items:
          - {name: 税收收入, value: 25.45亿元, share: %s}
      - name: 地形
        items:
          - {name: 山区, share: 45.5}
          - {name: 丘陵, share: 40.7}
          - {name: 平原, share: %s}
    """
    assert codes_at(check_text(text % ("77.4%", "13.8"), only("PC106"))) == set()
    assert codes_at(check_text(text % ("79.4%", "12.8"), only("PC106"))) == {
        ("PC106", "facts[0].items[0].share"),
        ("PC106", "facts[1].items"),
    }


def test_share_of_another_figure_by_id(check_text: CheckText) -> None:
    text = """
    facts:
      - {name: 总设计床位, value: {value: 2979张, id: beds}}
      - {name: 入住老人, value: {value: 1978人, share: %s, of: beds}}
    """
    assert codes_at(check_text(text % "66.4%", only("PC106"))) == set()
    assert codes_at(check_text(text % "76.4%", only("PC106"))) == {
        ("PC106", "facts[1].value.share")
    }


SCHEDULE = """
plan: {title: 规划, period: [2016, 2020]}
baseline: {poor_population: %s}
schedules:
  - name: 贫困人口脱贫
    measure: people
    years: {2016: 48805人, 2017: 81200人, 2018: 99400人, 2019: 75500人, 2020: 6070人}
"""


def test_exit_schedule_adds_up_to_the_baseline(check_text: CheckText) -> None:
    assert codes_at(check_text(SCHEDULE % "31.0975万人", only("PC107"))) == set()
    assert codes_at(check_text(SCHEDULE % "31.0976万人", only("PC107"))) == {
        ("PC107", "schedules[0].years")
    }


def test_cumulative_exits_never_exceed_the_baseline(check_text: CheckText) -> None:
    result = check_text(SCHEDULE % "200000人", only("PC107"))
    assert ("PC107", "schedules[0].years.2018") in codes_at(result)


def test_schedule_years_outside_period_gaps_and_total(check_text: CheckText) -> None:
    text = """
    plan: {title: 规划, period: [2016, 2017]}
    schedules:
      - {name: 搬迁, total: 2.1万人, years: {2015: 1.0万人, 2017: 1.5万人}}
    """
    assert codes_at(check_text(text, only("PC107"))) == {
        ("PC107", "schedules[0].years.2015"),
        ("PC107", "schedules[0].years"),
        ("PC107", "schedules[0].total"),
    }


def test_regions_add_up_to_the_baseline_and_groups(check_text: CheckText) -> None:
    text = """
    baseline: {poor_population: %s, poor_villages: 10个}
    regions:
      groups:
        - {name: 贫困县, kinds: [national_key], poor_population: 27208人}
      items:
        - {name: 栾川县, kind: national_key, poor_population: 27208人, poor_villages: 6个}
        - {name: 新安县, kind: non_poor, poor_population: 283767人, poor_villages: 4个}
    """
    assert codes_at(check_text(text % "31.0975万人", only("PC108"))) == set()
    assert codes_at(check_text(text % "31.0976万人", only("PC108"))) == {
        ("PC108", "baseline.poor_population")
    }


def test_dates_deadline_before_issue_and_outside_period(check_text: CheckText) -> None:
    text = """
    plan: {title: 方案, issued: 2020-04-30, period: [2018, 2020]}
    targets:
      - {name: 全部脱贫, measure: people, value: all, by: 2018}
      - {name: 巩固, measure: people, value: all, by: 2021}
    """
    assert codes_at(check_text(text, only("PC109"))) == {
        ("PC109", "targets[0].by"),
        ("PC109", "targets[1].by"),
    }


def test_conflicting_deadlines_for_the_same_target(check_text: CheckText) -> None:
    text = """
    baseline: {poor_villages: 669个}
    targets:
      - {name: 贫困村全部退出, measure: villages, value: 669个, by: 2019}
      - {name: 贫困村全部退出, measure: villages, value: all, by: %s}
    """
    assert codes_at(check_text(text % "2019", only("PC110"))) == set()
    assert codes_at(check_text(text % "2020", only("PC110"))) == {("PC110", "targets[1].by")}


def test_acceptances_accept_and_stale_ones_are_reported(check_text: CheckText) -> None:
    text = BUDGET.format(total="651.8亿元") + (
        "accepted:\n"
        "  - {rule: PC101, at: budget.total, reason: 原文如此}\n"
        '  - {rule: PC101, at: "budget.items[0]", reason: 已改正}\n'
    )
    result = check_text(text, Options(select=("PC101", "PC009")))
    assert codes_at(result) == {("PC101", "budget.total"), ("PC009", "accepted[1]")}
    [accepted] = [f for f in result.findings if f.code == "PC101"]
    assert accepted.accepted == "原文如此"
    assert not result.failed()
    assert result.failed(strict=True)  # the stale acceptance is a warning
    shown = check_text(text, Options(select=("PC101", "PC009"), use_accepted=False))
    assert codes_at(shown) == {("PC101", "budget.total")}
    assert shown.failed()


@pytest.mark.parametrize("option", ["select", "ignore"])
def test_select_and_ignore_by_prefix(check_text: CheckText, option: str) -> None:
    text = BUDGET.format(total="651.8亿元")
    result = check_text(text, Options(**{option: ("PC1",)}))  # type: ignore[arg-type]
    has_pc101 = ("PC101", "budget.total") in codes_at(result)
    assert has_pc101 is (option == "select")
