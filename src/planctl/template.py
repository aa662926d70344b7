"""The template `planctl new` writes: every section of the format, each key explained, and
figures that agree with each other, so the template passes `planctl validate` as written and an
analyst replaces the sample values one by one, validating as they go.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

TEMPLATE = """{modeline}\
# A plan file for planctl. Write every figure exactly as the document prints it, digits and
# unit together (641.8亿元, 31.0975万人, 66.4%). `planctl validate FILE` checks it;
# docs/plan-format.md describes every key. Replace the sample values below.

plan:
  title: {title}  # the document's title as printed
  issuer: {issuer}  # who issued it
  document: 示政〔2016〕1号  # 文号, the document number
  issued: 2016-05-01  # issue date, YYYY-MM-DD
  # level: province, city, county, district, zone or town
  region: {{name: {name}, level: county, province: 河南省}}
  period: [2016, 2020]  # first and last year the plan covers
  source: {{title: {title}, file: example.txt}}  # where the text comes from
  dates: []  # other dates it prints: {{what, date, source}}

# The starting point the targets count from.
baseline:
  year: 2015
  poor_population: {{value: 1.2万人, source: 第一章}}  # a figure with where it is printed
  poor_households: 4500户
  poor_villages: 20个
  source: 第一章

# Headline targets; the same target stated with another year is a separate entry.
targets:
  - {{name: 贫困人口全部脱贫, measure: people, value: all, by: 2019, source: 第二章第一节}}

# Year-by-year plans. people/villages/households schedules must add up to the baseline;
# any other measure adds up to its `total`.
schedules:
  - name: 贫困人口脱贫
    measure: people
    source: 第二章第二节
    years: {{2016: 5000人, 2017: 4000人, 2018: 3000人}}
  - name: 贫困村退出
    measure: villages
    source: 第二章第二节
    years: {{2016: 8个, 2017: 7个, 2018: 5个}}
  - name: 易地扶贫搬迁
    measure: relocation
    total: 1500人
    source: 第三章第二节
    years: {{2016: 800人, 2017: 700人}}

# Sub-regions; their figures add up to the baseline. kind: national_key, provincial_key,
# poor, non_poor or other. A group is a printed subtotal over regions of some kinds.
regions:
  source: 第一章
  items:
    - {{name: 东乡, kind: poor, poor_population: 7000人, poor_villages: 12个, exit_year: 2018}}
    - {{name: 西乡, kind: non_poor, poor_population: 5000人, poor_villages: 8个, exit_year: 2017}}
  groups:
    - {{name: 贫困乡, kinds: [poor], poor_population: {{value: 7000人, share: 58.3%}}}}

# Counts the text declares ("2个乡镇"), checked against what is listed (`of`).
counts:
  - {{name: 乡镇, value: 2个, of: regions, source: 第一章}}

# The budget: items nest to any depth; parts add up to their item unless
# `breakdown: partial`. An `id` lets rates and counts refer to an item.
budget:
  total: {{value: 1.5亿元, source: 第三章}}
  source: 第三章
  items:
    - name: 产业扶持工程
      amount: 9000万元
      projects: 30个
      owners: [县农业局]  # departments responsible
      items:
        - {{name: 种植项目, amount: 5000万元, projects: 20个}}
        - {{name: 养殖项目, amount: 4000万元, projects: 10个}}
    - name: 易地扶贫搬迁工程
      id: bq
      amount: 6000万元
      beneficiaries: 1500人

# Background and achievement figures, a tree like the budget; shares are of the parent.
facts:
  - name: 扶贫资金投入
    value: 2.4亿元
    year: 2015
    source: 第一章
    items:
      - {{name: 财政资金, value: 1.8亿元, share: 75%}}
      - {{name: 社会资金, value: 0.6亿元, share: 25%}}

# Percentage or count targets for a year.
indicators:
  - {{name: 家庭医生签约率, target: 100%, by: 2018, source: 第四章}}
  - {{name: 义务教育巩固率, target: 95%以上, by: 2020, source: 第四章}}

# Policy rates: rate × count (× years when paid per year) is the cost they imply;
# `budget` names the budget item that pays for it (planctl warns when it costs more).
rates:
  - name: 搬迁后续产业扶持
    rate: 2000元
    per: 人
    per_year: true
    years: 5
    count: 1500人  # a figure, or the id of one
    budget: bq
    source: 第三章第二节

# Programmes and measures with their responsible departments.
measures:
  - {{name: 产业扶贫, section: 第三章第一节, owners: [县农业局, 县财政局]}}

# Plan-specific exit rules.
criteria:
  - {{name: 贫困村退出, measure: 贫困发生率, threshold: 2%以下, source: 第二章第一节}}

# Findings that reflect the document itself, not a typing mistake:
# - {{rule: PC101, at: "budget.items[0]", reason: 原文分项之和与合计不符}}
accepted: []
"""


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML), safe for any name."""
    return json.dumps(text, ensure_ascii=False)


# Schema files `planctl new` looks for next to a new plan, in this order (docs/editors.md).
SCHEMA_NAMES = ("planctl.schema.json", "plan.schema.json")


def schema_modeline(directory: Path) -> str:
    """The first line(s) pointing the YAML language server at the schema beside the plan.

    A path relative to the plan works in any repository, including one that holds only plans;
    when no schema file is there yet, the line names the one `planctl schema -o` would write."""
    for name in SCHEMA_NAMES:
        if os.path.isfile(directory / name):  # never raises, even where we cannot search
            return f"# yaml-language-server: $schema={name}\n"
    name = SCHEMA_NAMES[0]
    command = f"planctl schema -o {(directory / name).as_posix()}"
    return (
        f"# yaml-language-server: $schema={name}\n"
        f"# (no {name} here yet: create it with `{command}`)\n"
    )


def plan_template(name: str, directory: Path | None = None) -> str:
    """The template for the region or plan called `name` (示例县), to be written in `directory`
    (the current one when None)."""
    return TEMPLATE.format(
        modeline=schema_modeline(directory if directory is not None else Path()),
        name=_quoted(name),
        title=_quoted(f"{name}“十三五”脱贫攻坚规划"),
        issuer=_quoted(f"{name}人民政府"),
    )
