"""The rules speak Chinese with `--lang zh`: their findings, titles and documentation.

For each rule module that checks a plan, a plan that fails it (and, for the exit rules, one they
cannot judge) is checked in Chinese: every message of that rule must be Chinese apart from the
codes, units, paths and plan-format keys it names, and must still carry the figures. English
stays what it was (the other tests and the golden files check it word for word)."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from planctl import i18n
from planctl.cli import app
from planctl.engine import Options
from planctl.findings import Severity
from planctl.rules import RULES
from tests.conftest import CheckText

# Paths into a plan (`baseline.rural_population`, `regions.items[0]`) and keys with an
# underscore (`exit_year`) are the plan format's own words, the same in every language.
PATHS = re.compile(r"[A-Za-z_]\w*(?:(?:\.[A-Za-z_]\w*)|(?:\[\d+\]))+|[A-Za-z]\w*_\w+")
# Plan-format keys and YAML values a message quotes as they are written in the file.
KEYS = {"western", "true", "false", "count", "budget", "regions", "measures", "YAML"}
# A breakdown's kind and a criterion's bound, and the plan-format keys that write them.
KEYS |= {"exhaustive", "partial", "overlapping", "kind", "fraction", "value", "bound", "of"}
KEYS |= {"incidence", "figures"}  # printed incidences; a region's figures of own criteria


def english_words(text: str) -> list[str]:
    """The words of `text` that are English: three letters or more, not a path, key or code."""
    rest = re.sub(r"\bP[CE]\d{3}\b|\bPE\d{2}\b", " ", PATHS.sub(" ", text))
    return [word for word in re.findall(r"[A-Za-z]{3,}", rest) if word not in KEYS]


# (code, plan, a figure or name each message of the rule must show): one or more per module.
FAILING = [
    (
        "PC101",
        """
        budget:
          total: 651.8亿元
          items:
            - {name: 精准扶贫工程, amount: 346.857亿元}
            - {name: 强化脱贫保障工程, amount: 294.9436亿元}
        """,
        "651.8亿元",
    ),
    (
        "PC101",  # a rounding gap
        """
        budget:
          total: 641.9亿元
          items:
            - {name: 精准扶贫工程, amount: 346.857亿元}
            - {name: 强化脱贫保障工程, amount: 294.9436亿元}
        """,
        "641.9亿元",
    ),
    (
        "PC102",
        """
        budget:
          items:
            - name: 培训
              beneficiaries: 1000人
              items:
                - {name: 甲, beneficiaries: 600人}
                - {name: 乙, beneficiaries: 400户}
        """,
        "400户",
    ),
    (
        "PC103",
        """
        facts:
          - {name: 人均可支配收入, value: {value: 33052元, id: 收入}}
          - {name: 人均可支配收入, value: {value: 33052万元, same_as: 收入}}
          - {name: 转移就业工程, value: {value: 9.285亿元, also: [{value: 93851.758万元}]}}
          - {name: 人口, value: {value: 5万人, also: [{value: 5万元}]}}
        """,
        "万元",
    ),
    (
        "PC104",
        """
        facts:
          - {name: 甲, value: {value: 1元, id: 总投资}}
          - {name: 乙, value: {value: 1元, id: 总投资}}
          - {name: 丙, value: {value: 1元, same_as: 无此项}}
        counts:
          - {name: 工程, value: 3个, of: 无此项}
        """,
        "总投资",
    ),
    (
        "PC105",
        """
        measures: [{name: 一}, {name: 二}, {name: 三}]
        regions:
          items:
            - {name: 甲县, kind: national_key}
            - {name: 丙县, kind: non_poor}
        counts:
          - {name: 两大工程, value: 两个, of: measures}
          - {name: 路径, value: 5个, names: [转, 扶, 搬, 保]}
          - {name: 国家级重点县, value: 3个, of: regions, kind: national_key}
        """,
        "个",
    ),
    (
        "PC106",
        """
        facts:
          - name: 公共财政预算收入
            value: 32.9亿元
            breakdown: partial
            items:
              - {name: 税收收入, value: 25.45亿元, share: 79.4%}
          - name: 地形
            items:
              - {name: 山区, share: 45.5}
              - {name: 丘陵, share: 40.7}
              - {name: 平原, share: 12.8}
        """,
        "%",
    ),
    (
        "PC107",
        """
        plan: {title: 规划, period: [2016, 2017]}
        baseline: {poor_population: 2万人}
        schedules:
          - {name: 搬迁, total: 2.1万人, years: {2015: 1.0万人, 2017: 1.5万人}}
          - {name: 脱贫, measure: people, years: {2016: 1.5万人, 2017: 1万人}}
          - {name: 混合, years: {2016: 1万人, 2017: 1万元}}
          - {name: 负数, years: {2016: -1万人}}
        """,
        "万人",
    ),
    (
        "PC108",
        """
        baseline: {poor_population: 31.0976万人}
        regions:
          groups:
            - {name: 贫困县, kinds: [national_key], poor_population: 27209人}
          items:
            - {name: 栾川县, kind: national_key, poor_population: 27208人}
            - {name: 新安县, kind: non_poor, poor_population: 283767人}
        """,
        "人",
    ),
    (
        "PC109",
        """
        plan: {title: 方案, issued: 2022-04-30, period: [2018, 2020]}
        baseline: {year: 2019}
        targets:
          - {name: 全部脱贫, measure: people, value: all, by: 2018}
          - {name: 巩固, measure: people, value: all, by: 2023}
        regions:
          items:
            - {name: 甲县, exit_year: 2015}
        """,
        "20",
    ),
    (
        "PC110",
        """
        baseline: {poor_villages: 669个}
        targets:
          - {name: 贫困村全部退出, measure: villages, value: 669个, by: 2019, source: 第二章}
          - {name: 贫困村全部退出, measure: villages, value: all, by: 2020}
        """,
        "2019",
    ),
    (
        "PC111",
        """
        budget:
          items:
            - {name: 搬迁后续扶持, id: bq, amount: 20000万元}
        rates:
          - {name: 后续扶持, rate: 2000元, per: 人, per_year: true, years: 5, count: 2.1万人,
             budget: bq}
        """,
        "2000元",
    ),
    (
        "PC112",
        """
        plan: {title: 规划, period: [2016, 2020], region: {name: 洛阳市, province: 河南省,
               western: true}}
        """,
        "河南省",
    ),
    (
        "PE02",
        """
        baseline: {poor_population: 31.0975万人}
        schedules:
          - {name: 脱贫, measure: people, years: {2018: 304905人, 2020: 6070人}}
        targets:
          - {name: 贫困人口全部脱贫, measure: people, value: all, by: 2019}
          - {name: 贫困村全部出列, measure: villages, value: all, by: 2019}
          - {name: 未定期, measure: people, value: all}
          - {name: 贫困县全部摘帽, measure: counties, value: all, by: 2019}
        regions:
          items:
            - {name: 甲县, kind: national_key, exit_year: 2020}
            - {name: 乙县, kind: provincial_key}
        """,
        "贫困",
    ),
    (
        "PE04",
        """
        schedules:
          - {name: 贫困村退出, measure: villages, years: {2018: 100个, 2019: 50个}}
        regions:
          items:
            - {name: 甲县, kind: non_poor, poor_villages: 120个, exit_year: 2018}
            - {name: 乙县, kind: non_poor, poor_villages: 80个, exit_year: 2019}
            - {name: 丙县, kind: national_key}
        """,
        "县",
    ),
    (
        "PE05",
        """
        baseline: {poor_population: 5万人, rural_population: 100万人}
        schedules:
          - {name: 脱贫, measure: people, years: {2019: 2万人}}
        """,
        "%",
    ),
    (
        "PE05",  # not evaluable: no rural population, for the plan or a region
        """
        baseline: {poor_population: 5万人}
        regions:
          items:
            - {name: 甲县}
        """,
        "甲县",
    ),
    (
        "PE07",
        """
        targets:
          - {name: 义务教育巩固率, measure: other, value: 95%}
        """,
        "义务教育",
    ),
    ("PE08", "", "%"),
    (
        "PC101",  # a part of an overlapping breakdown exceeds the whole
        """
        facts:
          - name: 受益人口
            beneficiaries: 5000人
            breakdown: overlapping
            items:
              - {name: 产业, beneficiaries: 6000人}
              - {name: 搬迁, beneficiaries: 3000人}
        """,
        "6000人",
    ),
    (
        "PC105",  # a count of a partial list is exceeded by it
        """
        regions:
          breakdown: partial
          items:
            - {name: 东坡村, exit_year: 2016}
            - {name: 西岭村, exit_year: 2016}
        counts:
          - {name: 贫困村, value: 1个, of: regions}
        """,
        "1个",
    ),
    (
        "PC106",  # fractions written as percentages, and fractions that miss one
        """
        facts:
          - name: 致贫原因
            items:
              - {name: 因病, share: 0.416}
              - {name: 缺技术, share: 0.347}
              - {name: 缺资金, share: 0.074}
              - {name: 其他, share: 0.163}
          - name: 地形
            items:
              - {name: 山区, share: {value: 0.416, kind: fraction}}
              - {name: 丘陵, share: {value: 0.347, kind: fraction}}
              - {name: 平原, share: {value: 0.084, kind: fraction}}
              - {name: 其他, share: {value: 0.163, kind: fraction}}
        """,
        "1.01",
    ),
    (
        "PC107",  # a partial schedule within its baseline passes; another schedule fails
        """
        baseline: {poor_population: 10000人}
        schedules:
          - {name: 脱贫, measure: people, partial: true, years: {2017: 3000人, 2019: 4000人}}
          - {name: 搬迁, total: 2.1万人, years: {2016: 1.0万人, 2017: 1.5万人}}
        """,
        "7000人",
    ),
    (
        "PC108",  # overlapping regions, each at most the baseline
        """
        baseline: {poor_population: 200人}
        regions:
          breakdown: overlapping
          items:
            - {name: 甲镇, poor_population: 250人}
            - {name: 甲村, poor_population: 90人}
        """,
        "250人",
    ),
    (
        "PC110",  # restated with a later deadline; and two deadlines nothing can judge
        """
        baseline: {poor_villages: 10个}
        schedules:
          - {name: 村, measure: villages, years: {2016: 4个, 2017: 6个, 2018: 0个}}
        targets:
          - {name: 贫困村全部退出, measure: villages, value: all, by: 2018}
          - {name: 贫困村全部退出, measure: villages, value: all, by: 2017, source: 第二章}
          - {name: 农民收入翻番, measure: other, value: 1万元, by: 2019}
          - {name: 农民收入翻番, measure: other, value: 1万元, by: 2020}
        """,
        "2017",
    ),
    (
        "PE02",  # incidence targets: printed, computed, without a percentage
        """
        baseline: {poor_population: 1.2万人, rural_population: 30万人, incidence: 4%}
        schedules:
          - {name: 脱贫, measure: people, years: {2016: 6000人, 2017: 5000人},
             incidence: {2017: 0.33%}}
        targets:
          - {name: 发生率, measure: incidence, value: 0.3%以下, by: 2017}
          - {name: 发生率, measure: incidence, value: 1%以下, by: 2016}
          - {name: 发生率, measure: incidence, value: 3000人, by: 2016}
        """,
        "0.33%",
    ),
    (
        "PE02",  # a partial schedule short of the target
        """
        baseline: {poor_population: 10000人}
        schedules:
          - {name: 脱贫, measure: people, partial: true, years: {2017: 3000人, 2018: 4000人}}
        targets:
          - {name: 全部脱贫, measure: people, value: all, by: 2020}
        """,
        "2017",
    ),
    (
        "PE04",  # a partial schedule short of the need; a region needing its rural population
        """
        schedules:
          - {name: 贫困村退出, measure: villages, partial: true, years: {2018: 100个}}
          - {name: 脱贫, measure: people, years: {2018: 1000人}}
        regions:
          items:
            - {name: 甲县, kind: non_poor, poor_villages: 120个, exit_year: 2018}
            - {name: 乙县, kind: national_key, poor_villages: 10个, poor_population: 500人,
               exit_year: 2018}
        """,
        "120个",
    ),
    (
        "PE04",  # the plan's own county
        """
        plan:
          title: 测试县规划
          period: [2016, 2020]
          region: {name: 测试县, level: county, province: 山东省, kind: national_key,
                   exit_year: 2018}
        baseline: {poor_population: 1000人, rural_population: 10000人, poor_villages: 10个}
        schedules:
          - {name: 脱贫, measure: people, years: {2016: 500人, 2017: 100人, 2018: 100人}}
        """,
        "测试县",
    ),
    (
        "PE05",  # the printed incidence of the last year
        """
        baseline: {poor_population: 1.2万人, rural_population: 30万人}
        schedules:
          - {name: 脱贫, measure: people, years: {2016: 6000人, 2017: 5000人},
             incidence: {2017: 2.5%}}
        """,
        "2.5%",
    ),
    (
        "PE05",  # a partial schedule that leaves too many
        """
        baseline: {poor_population: 5万人, rural_population: 100万人}
        schedules:
          - {name: 脱贫, measure: people, partial: true, years: {2019: 2万人}}
        """,
        "100万人",
    ),
    (
        "PE07",  # the statements found, with their paths and sections
        """
        targets:
          - {name: 贫困人口全部脱贫, measure: people, value: all, by: 2020}
          - {name: 义务教育、基本医疗和住房安全有保障, measure: 两不愁三保障, by: 2020,
             source: 第二章}
          - {name: 义务教育巩固率, measure: other, value: 95%}
        """,
        "第二章",
    ),
    (
        "PC113",
        """
        baseline: {poor_population: 1.2万人, rural_population: 30万人, incidence: 4.5%}
        schedules:
          - {name: 脱贫, measure: people, years: {2016: 6000人, 2017: 5000人},
             incidence: {2017: 0.6%}}
        regions:
          items:
            - {name: 甲乡, poor_population: 600人, rural_population: 3000人, incidence: 2%}
        """,
        "4.5%",
    ),
    (
        "PC120",  # partial parts exceeding the whole, one of them without a figure
        """
        targets:
          - {name: 产业扶持脱贫, measure: people, value: {value: 1.4万人, id: 产业}, by: 2017}
        schedules:
          - {name: 贫困人口脱贫, measure: people, years: {2016: 3.2万人, 2017: 0.7万人}}
        breakdowns:
          - name: 脱贫路径
            of: 贫困人口脱贫
            kind: exhaustive
            parts:
              - {name: 易地搬迁, value: 2.1万人}
              - {name: 发展产业, ref: 产业}
              - {name: 生态补偿, value: 1.6万人}
              - {name: 社会保障}
          - name: 重叠路径
            of: 贫困人口脱贫
            kind: overlapping
            parts:
              - {name: 易地搬迁, value: 4.1万人}
          - name: 完整路径
            of: 贫困人口脱贫
            kind: exhaustive
            parts:
              - {name: 易地搬迁, value: 2.1万人}
              - {name: 发展产业, ref: 产业}
        """,
        "3.9万人",
    ),
    (
        "PC120",  # names that match nothing, with the near miss
        """
        targets:
          - {name: 产业扶持脱贫, measure: people, value: {value: 1.4万人, id: path_industry}}
        schedules:
          - {name: 贫困人口脱贫, measure: people, years: {2016: 3.2万人, 2017: 0.7万人}}
          - {name: 重名, years: {2016: 1人}}
          - {name: 重名, years: {2016: 1人}}
          - {name: 混合, years: {2016: 1人, 2017: 1元}}
        breakdowns:
          - {name: 甲, of: 贫困人口脱贫, kind: partial, parts: [{name: 产业, ref: path_industy}]}
          - {name: 乙, of: path_industy, kind: partial, parts: [{name: 产业, value: 1人}]}
          - {name: 丙, of: 重名, kind: partial, parts: [{name: 产业, value: 1人}]}
          - {name: 丁, of: 混合, kind: partial, parts: [{name: 产业, value: 1人}]}
          - {name: 戊, of: 贫困人口脱贫, kind: partial, parts: [{name: 产业, value: 1户}]}
        """,
        "path_industry",
    ),
    (
        "PE09",
        """
        baseline: {poor_villages: 27个}
        schedules:
          - {name: 贫困村退出, measure: villages, years: {2018: 27个}}
        regions:
          items:
            - {name: 东坡村, level: village, exit_year: 2018}
            - {name: 西岭村, level: village, exit_year: 2018}
        targets:
          - {name: 贫困村退出, measure: villages, value: 11个, in: 2018}
          - {name: 贫困户脱贫, measure: households, value: 11户, in: 2018}
          - {name: 贫困村全部退出, measure: villages, value: all, in: 2019}
        """,
        "27个",
    ),
    (
        "PE09",  # a table of only some regions: within the target, or more than it
        """
        regions:
          breakdown: partial
          items:
            - {name: 东坡村, level: village, exit_year: 2018}
            - {name: 西岭村, level: village, exit_year: 2018}
        targets:
          - {name: 贫困村退出, measure: villages, value: 1个, in: 2018}
          - {name: 贫困村退出, measure: villages, value: 11个, in: 2018}
        """,
        "东坡村",
    ),
    (
        "PE10",
        """
        criteria:
          - {name: 贫困村退出, measure: 村集体经济收入, threshold: 3万元以上}
          - {name: 贫困村退出, measure: 村集体经济收入, threshold: 3万元, bound: at_most}
          - {name: 贫困村退出, measure: 村集体经济收入, threshold: 3万元}
          - {name: 贫困村退出, measure: 村集体经济收入, threshold: 3个以上}
          - {name: 贫困村退出, measure: 通硬化路, threshold: 1条以上}
        regions:
          items:
            - {name: 甲村, level: village, figures: {村集体经济收入: 2.5万元}}
            - {name: 乙村, level: village, figures: {村集体经济收入: 3.2万元}}
        """,
        "2.5万元",
    ),
]


@pytest.mark.parametrize(("code", "plan", "shown"), FAILING, ids=[c[0] for c in FAILING])
def test_a_rules_messages_are_chinese(
    check_text: CheckText, code: str, plan: str, shown: str
) -> None:
    i18n.use("zh")
    result = check_text(plan, Options(select=(code,)))
    messages = [finding.message for finding in result.findings if finding.code == code]
    assert messages, f"{code} found nothing in its failing plan"
    assert any(finding.outcome != "pass" for finding in result.findings)
    for message in messages:
        assert english_words(message) == [], message
        assert re.search(r"[\u4e00-\u9fff]", message), message
    assert any(shown in message for message in messages)


def test_a_gap_is_explained_in_chinese_with_its_figures(check_text: CheckText) -> None:
    i18n.use("zh")
    _code, plan, _shown = FAILING[0]
    [finding] = check_text(plan, Options(select=("PC101",))).findings
    assert finding.message.startswith("资金预算的金额：")
    for words in ("所列 651.8亿元", "计算值 641.8006亿元", "差额 -9.9994亿元", "实质性差额"):
        assert words in finding.message, finding.message
    assert finding.stated == "651.8亿元"  # the figures stay data, whatever the language
    assert finding.computed == "641.8006亿元"


def test_the_same_plan_in_english_keeps_its_english_message(check_text: CheckText) -> None:
    _code, plan, _shown = FAILING[0]
    [finding] = check_text(plan, Options(select=("PC101",))).findings
    assert "stated 651.8亿元, computed 641.8006亿元" in finding.message
    assert "a substantive gap" in finding.message


def test_every_rule_has_a_chinese_title_and_documentation() -> None:
    i18n.use("zh")
    for code, rule in RULES.items():
        for text in (rule.title, rule.doc):
            translated = i18n._(text)
            assert translated != text, f"{code}: not translated: {text[:40]!r}"
            assert re.search(r"[\u4e00-\u9fff]", translated), code
        assert english_words(i18n._(rule.title)) == [], code


def test_planctl_rules_prints_chinese_documentation() -> None:
    result = CliRunner().invoke(app, ["rules", "PC101", "--lang", "zh"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("PC101")
    assert "分项之和与合计不符" in result.output
    assert "实质性差额" in result.output  # the documentation, not only the title
    assert "Parts must add up" not in result.output
    english = CliRunner().invoke(app, ["rules", "PC101", "--lang", "en"])
    assert "Parts must add up to their total" in english.output


def test_a_sum_within_the_printed_precision_is_reported_in_chinese(
    check_text: CheckText,
) -> None:
    # 0.505 + 0.51 = 1.015万元: within the half-units of 1.01万元, but printed it is 1.02万元.
    plan = """
    budget:
      total: 1.01万元
      items:
        - {name: 产业, amount: 0.505万元}
        - {name: 搬迁, amount: 0.51万元}
    """
    i18n.use("zh")
    [finding] = check_text(plan, Options(select=("PC101",), show=Severity.INFO)).findings
    assert finding.level is Severity.INFO
    assert english_words(finding.message) == [], finding.message
    for words in ("所列 1.01万元", "精确合计为 1.015万元", "差额 +0.005万元（+50元）"):
        assert words in finding.message, finding.message
