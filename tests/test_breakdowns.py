"""Breakdown kinds (exhaustive, partial, overlapping) in trees, regions and `breakdowns`, shares
printed as fractions, qualified figures compared as bounds, and a budget's project count and
scope. Tests compare rule codes, paths and figures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from planctl.engine import Options, check_file
from planctl.findings import Severity
from tests.conftest import CheckText, codes_at

ROOT = Path(__file__).resolve().parent.parent
YUNLING = ROOT / "tests" / "data" / "yunling.yaml"


def only(*codes: str) -> Options:
    return Options(select=codes, show=Severity.INFO)


# -- shares printed as fractions ------------------------------------------------------------

CAUSES = """
facts:
  - name: 致贫原因
    items:
      - {{name: 因病, share: {{value: 0.416, kind: fraction}}}}
      - {{name: 缺技术, share: {{value: 0.347, kind: fraction}}}}
      - {{name: 缺资金, share: {{value: {third}, kind: fraction}}}}
      - {{name: 其他, share: {{value: 0.163, kind: fraction}}}}
"""


def test_a_fraction_is_kept_as_printed_and_read_as_a_percentage(check_text: CheckText) -> None:
    result = check_text(CAUSES.format(third="0.074"), only("PC106"))
    assert codes_at(result) == set()
    assert result.plan is not None
    share = result.plan.facts[0].items[2].share
    assert share is not None
    assert share.value.text == "0.074"
    assert share.value.base == Decimal("7.4")  # percent, exactly


def test_fractions_that_do_not_add_up_to_one_are_reported_as_fractions(
    check_text: CheckText,
) -> None:
    result = check_text(CAUSES.format(third="0.084"), only("PC106"))
    assert codes_at(result) == {("PC106", "facts[0].items")}
    [finding] = result.problems
    assert (finding.stated, finding.computed) == ("1", "1.01")


def test_a_fraction_of_the_parent_is_checked_against_the_parent(check_text: CheckText) -> None:
    plan = """
    budget:
      total: 12.5亿元
      items:
        - {{name: 产业, amount: 6.25亿元, share: {{value: {share}, kind: fraction}}}}
        - {{name: 搬迁, amount: 6.25亿元}}
    """
    assert codes_at(check_text(plan.format(share="0.5"), only("PC106"))) == set()
    result = check_text(plan.format(share="0.6"), only("PC106"))
    assert codes_at(result) == {("PC106", "budget.items[0].share")}


def test_a_figures_own_share_may_be_a_fraction(check_text: CheckText) -> None:
    plan = """
    baseline: {{poor_population: 31.0975万人}}
    regions:
      items:
        - {{name: 甲县, kind: national_key, poor_population: 247858人}}
        - {{name: 乙县, kind: non_poor, poor_population: 63117人}}
      groups:
        - name: 贫困县
          kinds: [national_key]
          poor_population: {{value: 247858人, share: {{value: {share}, kind: fraction}}}}
    """
    assert codes_at(check_text(plan.format(share="0.797"), only("PC106"))) == set()
    result = check_text(plan.format(share="0.697"), only("PC106"))
    assert codes_at(result) == {("PC106", "regions.groups[0].poor_population.share")}


@pytest.mark.parametrize(
    ("share", "key"),
    [
        ("{value: 7.4%, kind: fraction}", "value"),
        ("{value: 0.074, kind: fractoin}", "kind"),
        ("{value: 0.074, kind: fraction, unit: '%'}", "unit"),
    ],
)
def test_a_fraction_that_is_not_one_is_refused_at_its_key(
    check_text: CheckText, share: str, key: str
) -> None:
    result = check_text(f"facts:\n  - {{name: 因病, share: {share}}}\n")
    assert {code for code, _ in codes_at(result)} == {"PC003"}
    [finding] = result.problems
    assert finding.path[-1] in {key, "share"}
    assert finding.position is not None


@pytest.mark.parametrize("share", ["{kind: fraction}", "{value: 0.797, kind: pct}"])
def test_a_figures_own_fraction_share_is_never_dropped(check_text: CheckText, share: str) -> None:
    result = check_text(f"facts:\n  - {{name: a, value: {{value: 5人, share: {share}}}}}\n")
    assert codes_at(result) == {("PC003", "facts[0].value.share")}


def test_fractions_written_without_their_kind_are_pointed_out(check_text: CheckText) -> None:
    text = CAUSES.format(third="0.074").replace(", kind: fraction", "")
    result = check_text(text, only("PC106"))
    assert codes_at(result) == {("PC106", "facts[0].items")}
    assert "kind: fraction" in result.problems[0].message


def test_a_bare_small_share_stays_a_percentage(check_text: CheckText) -> None:
    result = check_text("facts:\n  - {name: 因病, share: 0.074}\n")
    assert result.plan is not None
    share = result.plan.facts[0].share
    assert share is not None
    assert str(share.value.base) == "0.074"  # 0.074%, as without kind: fraction


# -- partial regional tables ---------------------------------------------------------------

VILLAGES = """
baseline: {{poor_population: 20000人, poor_villages: 60个}}
regions:
  {breakdown}
  items:
    - {{name: 东坡村, poor_population: {first}, poor_villages: 1个, exit_year: 2016}}
    - {{name: 西岭村, poor_population: 365人, poor_villages: 1个, exit_year: 2016}}
"""


def test_a_table_of_only_some_villages_is_no_regional_breakdown_error(
    check_text: CheckText,
) -> None:
    exhaustive = check_text(VILLAGES.format(breakdown="", first="412人"), only("PC108"))
    assert ("PC108", "baseline.poor_population") in codes_at(exhaustive)
    partial = check_text(
        VILLAGES.format(breakdown="breakdown: partial", first="412人"), only("PC108")
    )
    assert codes_at(partial) == set()


def test_a_partial_table_must_not_exceed_the_baseline(check_text: CheckText) -> None:
    result = check_text(
        VILLAGES.format(breakdown="breakdown: partial", first="19800人"), only("PC108")
    )
    assert codes_at(result) == {("PC108", "baseline.poor_population")}
    [finding] = result.problems
    assert (finding.stated, finding.computed) == ("20000人", "20165人")


def test_a_per_figure_region_breakdown_names_only_region_figures(check_text: CheckText) -> None:
    typo = check_text(
        VILLAGES.format(breakdown="breakdown: {poor_populaton: partial}", first="1人")
    )
    assert {code for code, _ in codes_at(typo)} == {"PC003"}
    mapped = check_text(
        VILLAGES.format(
            breakdown="breakdown: {poor_population: partial, poor_villages: partial}",
            first="412人",
        ),
        only("PC108"),
    )
    assert codes_at(mapped) == set()


def test_overlapping_regions_are_each_within_the_baseline(check_text: CheckText) -> None:
    text = VILLAGES.format(breakdown="breakdown: overlapping", first="20001人")
    result = check_text(text, only("PC108"))
    assert ("PC108", "regions.items[0].poor_population") in codes_at(result)


# -- tree breakdowns -----------------------------------------------------------------------

BENEFICIARIES = """
budget:
  items:
    - name: 社会保障工程
      beneficiaries: 8000人
      breakdown: {{beneficiaries: overlapping}}
      items:
        - {{name: 低保兜底, beneficiaries: 6000人}}
        - {{name: 医疗救助, beneficiaries: {second}}}
"""


def test_overlapping_parts_may_exceed_the_whole_together(check_text: CheckText) -> None:
    assert codes_at(check_text(BENEFICIARIES.format(second="7000人"), only("PC101"))) == set()


def test_an_overlapping_part_larger_than_the_whole_is_reported_at_the_part(
    check_text: CheckText,
) -> None:
    result = check_text(BENEFICIARIES.format(second="9000人"), only("PC101"))
    assert codes_at(result) == {("PC101", "budget.items[0].items[1].beneficiaries")}
    [finding] = result.problems
    assert (finding.stated, finding.computed) == ("8000人", "9000人")


def test_a_misspelt_measure_in_a_breakdown_is_refused(check_text: CheckText) -> None:
    result = check_text(
        BENEFICIARIES.format(second="7000人").replace("{beneficiaries:", "{benefits:")
    )
    assert {code for code, _ in codes_at(result)} == {"PC003"}


def test_the_budget_total_has_a_project_count_its_items_add_up_to(check_text: CheckText) -> None:
    plan = """
    budget:
      total: 10.0亿元
      projects: {projects}
      note: 含整合资金
      items:
        - {{name: 产业, amount: 6.0亿元, projects: 120项}}
        - {{name: 基础设施, amount: 4.0亿元, projects: 71项, scope: {{name: 石门镇, level: town}}}}
    """
    assert codes_at(check_text(plan.format(projects="191项"), only("PC101"))) == set()
    result = check_text(plan.format(projects="190项"), only("PC101"))
    assert codes_at(result) == {("PC101", "budget.projects")}
    assert result.problems[0].position is not None


# -- qualified figures ---------------------------------------------------------------------

SCHEDULE = """
baseline: {{poor_population: {baseline}}}
schedules:
  - name: 贫困人口脱贫
    measure: people
    years: {{2016: 102000人, 2017: 105000人}}
"""


@pytest.mark.parametrize(
    ("baseline", "found"),
    [
        ("20.7万余人", False),
        ("20.58万余人", False),  # at least 20.58万: exits of 20.7万 reach it
        ("20余万人", False),
        ("21.0万余人", True),  # at least 21.0万: 20.7万 is short
        ("不足21.0万人", False),  # at most 21.0万
        ("不足20.0万人", True),
        ("20.6万人", True),  # exact: half a unit of the last digit, 500人
        ("约20.6万人", False),  # about: one whole unit, 1000人
        ("约20.5万人", True),
    ],
)
def test_a_qualified_total_is_compared_as_a_bound(
    check_text: CheckText, baseline: str, found: bool
) -> None:
    result = check_text(SCHEDULE.format(baseline=baseline), only("PC107"))
    assert (("PC107", "schedules[0].years") in codes_at(result)) is found, baseline


def test_a_qualified_figure_keeps_its_number_and_its_qualifier(check_text: CheckText) -> None:
    result = check_text("baseline: {poor_population: 20.58万余人}\n")
    assert result.plan is not None
    assert result.plan.baseline is not None
    figure = result.plan.baseline.poor_population
    assert figure is not None
    assert (figure.value.text, figure.value.base, str(figure.value.bound)) == (
        "20.58万余人",
        Decimal(205800),
        "more_than",
    )


def test_a_part_that_is_a_lower_bound_only_bounds_the_sum(check_text: CheckText) -> None:
    plan = """
    facts:
      - name: 建档立卡贫困人口
        value: {total}
        items:
          - {{name: 深山区, value: 10多万人}}
          - {{name: 浅山区, value: 5万人}}
    """
    assert codes_at(check_text(plan.format(total="20.58万人"), only("PC101"))) == set()
    result = check_text(plan.format(total="14万人"), only("PC101"))
    assert codes_at(result) == {("PC101", "facts[0].value")}


# -- sums within rounding ------------------------------------------------------------------

ROUNDED = """
budget:
  items:
    - name: 社会保障工程
      amount: {stated}
      items:
        - {{name: 低保兜底, amount: 83773.03万元}}
        - {{name: 特困供养, amount: 161687.72万元}}
"""


def test_a_sum_within_rounding_is_info_and_an_exact_one_is_nothing(check_text: CheckText) -> None:
    result = check_text(ROUNDED.format(stated="245460.74万元"), only("PC101"))
    assert codes_at(result) == {("PC101", "budget.items[0].amount")}
    [finding] = result.problems
    assert finding.severity is Severity.INFO
    assert (finding.stated, finding.computed) == ("245460.74万元", "245460.75万元")
    assert not result.failed(strict=True)
    assert codes_at(check_text(ROUNDED.format(stated="245460.75万元"), only("PC101"))) == set()
    # a coarser total that rounds its parts correctly is no news
    assert codes_at(check_text(ROUNDED.format(stated="24.546亿元"), only("PC101"))) == set()


def test_info_findings_are_hidden_unless_asked_for(check_text: CheckText) -> None:
    text = ROUNDED.format(stated="245460.74万元")
    assert codes_at(check_text(text, Options(select=("PC101",)))) == set()
    shown = check_text(text, Options(select=("PC101",), show=Severity.INFO))
    assert codes_at(shown) == {("PC101", "budget.items[0].amount")}


# -- scope ----------------------------------------------------------------------------------


def test_a_towns_schedule_is_not_counted_against_the_plans_baseline(
    check_text: CheckText,
) -> None:
    plan = """
    baseline: {{poor_population: 20000人}}
    schedules:
      - {{name: 贫困人口脱贫, measure: people, years: {{2016: 12000人, 2017: 8000人}}}}
      - name: 石门镇贫困人口脱贫
        measure: people
        {scope}
        years: {{2016: 1200人, 2017: 650人}}
    """
    unscoped = check_text(plan.format(scope=""), only("PC107"))
    assert ("PC107", "schedules[1].years") in codes_at(unscoped)
    scoped = check_text(plan.format(scope="scope: {name: 石门镇, level: town}"), only("PC107"))
    assert codes_at(scoped) == set()


def test_a_scope_level_is_validated(check_text: CheckText) -> None:
    item = "{name: 安全饮水, amount: 1万元, scope: {name: 石门镇, level: twon}}"
    result = check_text(f"budget:\n  items:\n    - {item}\n")
    assert codes_at(result) == {("PC003", "budget.items[0].scope.level")}


# -- the realistic county plan -------------------------------------------------------------


def test_the_realistic_county_plan_validates_without_acceptances() -> None:
    text = YUNLING.read_text(encoding="utf-8")
    assert "accepted:" not in text
    result = check_file(str(YUNLING), Options(show=Severity.INFO))
    assert result.valid
    assert result.problems == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "{value: 0.074, kind: fraction}",
            "{value: 0.084, kind: fraction}",
            ("PC106", "facts[0].items"),
        ),
        (
            "  breakdown: partial\n  items:\n    - {name: 东坡村",
            "  items:\n    - {name: 东坡村",
            ("PC108", "baseline.poor_population"),
        ),
        ("projects: 191项", "projects: 192项", ("PC101", "budget.projects")),
        ("{value: 3.35万人", "{value: 23.35万人", ("PC120", "breakdowns[0].parts[2].ref")),
        ("ref: path_jobs", "ref: path_job", ("PC120", "breakdowns[0].parts[1].ref")),
    ],
)
def test_the_realistic_plan_is_checked_not_waved_through(
    tmp_path: Path, old: str, new: str, expected: tuple[str, str]
) -> None:
    text = YUNLING.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "yunling.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = check_file(str(path), Options(show=Severity.INFO))
    assert expected in codes_at(result)


def test_a_lower_bound_baseline_is_not_exceeded_by_more_exits(check_text: CheckText) -> None:
    result = check_text(SCHEDULE.format(baseline="20.58万余人"), only("PC107"))
    assert codes_at(result) == set()


# -- declared breakdowns (PC120) ---------------------------------------------------------------

PATHS = """
targets:
  - {{name: 产业扶持脱贫, measure: people, value: {{value: 1.4万人, id: path_industry}}, by: 2017}}
schedules:
  - {{name: 贫困人口脱贫, measure: people, years: {{2016: 3.2万人, 2017: 0.7万人}}}}
breakdowns:
  - name: 脱贫路径
    of: {of}
    kind: {kind}
    parts:
      - {{name: 易地搬迁, value: {first}}}
      - {{name: 发展产业, ref: {ref}}}
      {extra}
"""


def paths(
    kind: str,
    first: str = "2.1万人",
    of: str = "贫困人口脱贫",
    ref: str = "path_industry",
    extra: str = "",
) -> str:
    return PATHS.format(kind=kind, first=first, of=of, ref=ref, extra=extra)


@pytest.mark.parametrize(
    ("kind", "first", "extra", "expected"),
    [
        ("exhaustive", "2.5万人", "", set()),  # 2.5 + 1.4 = 3.9: the exits, split
        ("exhaustive", "2.1万人", "", {("PC120", "breakdowns[0]")}),  # 3.5 is not 3.9
        ("exhaustive", "2.1万人", "- {name: 社会救助}", set()),  # a part without a figure
        ("exhaustive", "2.8万人", "- {name: 社会救助}", {("PC120", "breakdowns[0]")}),
        ("partial", "2.1万人", "", set()),
        ("partial", "2.8万人", "", {("PC120", "breakdowns[0]")}),  # 4.2 exceeds 3.9 (±0.2)
        ("overlapping", "2.6万人", "", set()),  # together 4.0, each within 3.9
        ("overlapping", "4.1万人", "", {("PC120", "breakdowns[0].parts[0].value")}),
    ],
)
def test_each_kind_of_breakdown_is_held_to_what_it_claims(
    check_text: CheckText, kind: str, first: str, extra: str, expected: set[tuple[str, str]]
) -> None:
    result = check_text(paths(kind, first, extra=extra), only("PC120"))
    assert codes_at(result) == expected


def test_parts_that_exceed_the_scheduled_exits_say_by_how_much(check_text: CheckText) -> None:
    result = check_text(paths("partial", "3.9115万人"), only("PC120"))
    [finding] = result.problems
    assert (finding.stated, finding.computed) == ("3.9万人", "5.3115万人")
    assert finding.gap is not None
    assert finding.gap.in_base == "+14115人"
    assert finding.position is not None


def test_the_whole_may_be_a_figure_named_by_its_id(check_text: CheckText) -> None:
    text = paths("partial", of="path_industry", first="1.5万人")
    result = check_text(text, only("PC120"))
    assert codes_at(result) == {("PC120", "breakdowns[0]")}  # 1.5 + 1.4 > 1.4


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (paths("partial", of="贫困人口退出"), "breakdowns[0].of"),
        (paths("partial", ref="path_industri"), "breakdowns[0].parts[1].ref"),
        (paths("partial", first="2.1万户"), "breakdowns[0].parts[0].value"),
    ],
)
def test_a_name_that_matches_nothing_or_a_part_of_another_kind_is_an_error(
    check_text: CheckText, text: str, where: str
) -> None:
    result = check_text(text, only("PC120"))
    assert codes_at(result) == {("PC120", where)}


def test_a_mistyped_id_gets_the_nearest_one_suggested(check_text: CheckText) -> None:
    result = check_text(paths("partial", ref="path_industri"), only("PC120"))
    assert "'path_industry'" in result.problems[0].message


@pytest.mark.parametrize(
    "breakdown",
    [
        "  - {name: 路径, of: 贫困人口脱贫, parts: [{name: a, value: 1人}]}",  # no kind
        "  - {name: 路径, of: 贫困人口脱贫, kind: disjoint, parts: [{name: a, value: 1人}]}",
        "  - {name: 路径, of: 贫困人口脱贫, kind: partial, parts: []}",
        "  - {name: 路径, of: x, kind: partial, parts: [{name: a, value: 1人, ref: x}]}",
    ],
)
def test_a_breakdown_must_say_its_kind_and_name_its_parts_once(
    check_text: CheckText, breakdown: str
) -> None:
    result = check_text("breakdowns:\n" + breakdown + "\n")
    assert {code for code, _ in codes_at(result)} == {"PC003"}
    assert all(finding.position is not None for finding in result.problems)


def test_a_breakdown_of_counts_adds_up_to_its_whole(check_text: CheckText) -> None:
    plan = """
    baseline: {{poor_villages: {{value: 126个, id: 贫困村}}}}
    breakdowns:
      - name: 贫困村按类型
        of: 贫困村
        kind: exhaustive
        parts: [{{name: 深山区, value: 30个}}, {{name: 浅山区, value: {second}}}]
    """
    assert codes_at(check_text(plan.format(second="96个"), only("PC120"))) == set()
    result = check_text(plan.format(second="97个"), only("PC120"))
    assert codes_at(result) == {("PC120", "breakdowns[0]")}
    assert (result.problems[0].stated, result.problems[0].computed) == ("126个", "127个")


COUNTED = """
regions:
  {breakdown}
  items:
    - {{name: 东坡村, exit_year: 2016}}
    - {{name: 西岭村, exit_year: 2016}}
counts:
  - {{name: 贫困村, value: {value}, of: regions}}
  - {{name: 新型经营主体, value: 四类, names: [合作社, 家庭农场], breakdown: {names}}}
"""


@pytest.mark.parametrize(
    ("breakdown", "value", "names", "expected"),
    [
        ("", "126个", "partial", {("PC105", "counts[0]")}),  # the table is all of them
        ("breakdown: partial", "126个", "partial", set()),  # only the exiting villages
        ("breakdown: partial", "1个", "partial", {("PC105", "counts[0]")}),  # more than 1
        ("breakdown: partial", "126个", "exhaustive", {("PC105", "counts[1].names")}),
    ],
)
def test_a_count_of_a_partial_list_only_bounds_it(
    check_text: CheckText, breakdown: str, value: str, names: str, expected: set[tuple[str, str]]
) -> None:
    text = COUNTED.format(breakdown=breakdown, value=value, names=names)
    assert codes_at(check_text(text, only("PC105"))) == expected


def test_a_counts_breakdown_is_exhaustive_or_partial(check_text: CheckText) -> None:
    text = COUNTED.format(breakdown="", value="2个", names="overlapping")
    assert {code for code, _ in codes_at(check_text(text))} == {"PC003"}


def test_a_schedules_sum_keeps_the_precision_of_its_years(check_text: CheckText) -> None:
    plan = """
    schedules:
      - {{name: 搬迁, years: {{2016: 1.50万人, 2017: 1.50万人}}}}
    breakdowns:
      - {{name: 安置方式, of: 搬迁, kind: partial, parts: [{{name: 集中安置, value: {part}}}]}}
    """
    # 3.00万人 is known to 100人 (two halves of 0.01万), 3.02万人 to 50人: 200人 is a gap
    assert codes_at(check_text(plan.format(part="3.01万人"), only("PC120"))) == set()
    result = check_text(plan.format(part="3.02万人"), only("PC120"))
    assert codes_at(result) == {("PC120", "breakdowns[0]")}
    assert result.problems[0].stated == "3.00万人"
