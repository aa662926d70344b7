"""Write synthetic plans that validate, for timing planctl on files of known size.

The plans are made up: names are built from a few syllables, figures from a seeded random
generator, so the same command always writes the same bytes. Every total is computed from its
parts with exact decimals, so the plans pass every rule (0 errors, 0 warnings) and a benchmark
times the checks doing their full work rather than stopping at the first problem.

    python benchmarks/generate.py                 # everything, into benchmarks/data/
    python benchmarks/generate.py --counties 50   # a smaller folder of county plans
    python benchmarks/generate.py --only county   # one county plan and the folder, no province

What it writes (sizes as measured when written):

- `county.yaml`: one county plan, about 300 budget items in a three-level tree (6 programmes ×
  7 projects × 6 sub-projects) whose amounts, project counts and beneficiaries add up exactly;
  13 towns whose figures add up to the baseline; five-year schedules that add up to the
  baseline; ids, restatements, shares, declared counts and policy rates. About 70 KB.
- `counties/county-0001.yaml` … : the folder of county plans (1,000 by default), each with its
  own seed.
- `province-10k.yaml` and `province-100k.yaml`: one plan each with 10,000 and 100,000 budget
  items (programmes × 9 projects × 10 sub-projects) and the same other sections, so that the
  two differ only in the number of items.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
YEARS = (2016, 2017, 2018, 2019, 2020)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")

_SYLLABLES = (
    "安白宝北昌城崇丹德东丰福甘高广桂和河红华淮吉嘉建江金锦康乐黎莲林龙隆鹿罗马梅明南"
    "宁平屏清庆瑞三山上石双顺松泰桃天同万溪西仙祥新兴阳义永玉元云长镇中"
)
_WORKS = (
    "道路硬化",
    "饮水安全",
    "危房改造",
    "产业扶持",
    "技能培训",
    "光伏扶贫",
    "电网改造",
    "学校建设",
    "卫生室建设",
    "文化广场",
    "易地搬迁",
    "小额信贷",
    "乡村旅游",
    "特色种植",
    "畜牧养殖",
    "农田水利",
)
_PROGRAMMES = (
    "产业发展工程",
    "基础设施工程",
    "易地扶贫搬迁工程",
    "教育扶贫工程",
    "健康扶贫工程",
    "生态扶贫工程",
    "社会保障工程",
    "金融扶贫工程",
    "就业扶贫工程",
    "住房保障工程",
)
_OWNERS = ("县发改委", "县财政局", "县扶贫办", "县交通局", "县水利局", "县教育局", "县卫生局")


@dataclass(slots=True)
class Item:
    """A budget item with exact figures; a parent's figures are the sums of its children's."""

    name: str
    amount: Decimal  # 万元, two decimals
    projects: int
    people: int
    id: str | None = None
    children: list[Item] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Shape:
    """How big a plan is: programmes × projects × sub-projects, and how much each item says."""

    programmes: int
    projects: int
    subprojects: int
    towns: int
    detailed: bool  # owners and sources on every item (county plans), or the figures only


COUNTY = Shape(programmes=6, projects=7, subprojects=6, towns=13, detailed=True)


def province_shape(items: int) -> Shape:
    """A province plan with `items` budget items (a multiple of 100: 1 + 9 + 9 × 10 each)."""
    return Shape(programmes=items // 100, projects=9, subprojects=10, towns=13, detailed=False)


def place_name(rng: random.Random, length: int = 2) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(length))


def split(total: int, parts: int, rng: random.Random, minimum: int = 1) -> list[int]:
    """`total` split into `parts` positive integers that add up to it exactly."""
    weights = [rng.randint(5, 20) for _ in range(parts)]
    spare = total - minimum * parts
    shares = [spare * weight // sum(weights) for weight in weights]
    shares[-1] += spare - sum(shares)
    return [minimum + share for share in shares]


def rounded(value: Decimal, places: str) -> str:
    """`value` rounded half up to `places` (`"0.1"`), every printed digit kept (`64.0`)."""
    return f"{value.quantize(Decimal(places), rounding=ROUND_HALF_UP):f}"


def text(value: Decimal) -> str:
    """A decimal as printed: no exponent, no trailing zeros after the point."""
    out = f"{value:f}"
    return out.rstrip("0").rstrip(".") if "." in out else out


def budget(shape: Shape, rng: random.Random) -> list[Item]:
    """The budget tree, leaves first, so that each parent is the exact sum of its children."""
    programmes: list[Item] = []
    for p in range(shape.programmes):
        projects: list[Item] = []
        for _ in range(shape.projects):
            leaves = [
                Item(
                    f"{place_name(rng)}{rng.choice(_WORKS)}项目",
                    Decimal(rng.randint(1_000, 90_000)) * CENT,
                    rng.randint(1, 9),
                    rng.randint(20, 900),
                )
                for _ in range(shape.subprojects)
            ]
            projects.append(_parent(f"{place_name(rng)}{rng.choice(_WORKS)}工程", leaves))
        name = f"{_PROGRAMMES[p % len(_PROGRAMMES)]}{'' if p < 10 else p // 10 + 1}"
        programmes.append(_parent(name, projects, f"p{p + 1}"))
    return programmes


def _parent(name: str, children: list[Item], key: str | None = None) -> Item:
    return Item(
        name,
        sum((child.amount for child in children), Decimal(0)),
        sum(child.projects for child in children),
        sum(child.people for child in children),
        key,
        children,
    )


def leaf_line(item: Item, shape: Shape, rng: random.Random, share_of: Decimal | None) -> str:
    fields = [
        f"name: {item.name}",
        f"amount: {text(item.amount)}万元",
        f"projects: {item.projects}个",
        f"beneficiaries: {item.people}人",
    ]
    if share_of is not None:
        fields.append(f"share: {rounded(item.amount / share_of * HUNDRED, '0.1')}%")
    if shape.detailed:
        fields.append(f"owners: [{rng.choice(_OWNERS)}]")
        fields.append(f"source: 第四章第{rng.randint(1, 9)}节")
        fields.append(
            f"note: 覆盖{rng.randint(1, 30)}个行政村、{rng.randint(10, 999)}户，"
            f"{rng.choice(YEARS[:3])}年开工"
        )
    return "{" + ", ".join(fields) + "}"


def budget_lines(items: list[Item], shape: Shape, rng: random.Random) -> Iterator[str]:
    total = sum((item.amount for item in items), Decimal(0))
    yield "budget:"
    yield f"  total: {{value: {text(total)}万元, source: 第三章第五节}}"
    yield "  source: 第三章第五节"
    yield "  items:"
    for programme in items:
        in_yi = rounded(programme.amount / 10_000, "0.0001")
        yield f"    - name: {programme.name}"
        yield f"      id: {programme.id}"
        yield (
            f"      amount: {{value: {text(programme.amount)}万元, source: 第三章第五节, "
            f"also: [{{value: {in_yi}亿元, source: 第四章}}]}}"
        )
        yield f"      projects: {programme.projects}个"
        yield f"      beneficiaries: {programme.people}人"
        if shape.detailed:
            yield f"      owners: [{rng.choice(_OWNERS)}, {rng.choice(_OWNERS)}]"
        yield "      items:"
        for number, project in enumerate(programme.children):
            yield f"        - name: {project.name}"
            if number == 0:
                yield f"          id: {programme.id}q1"
            yield f"          amount: {text(project.amount)}万元"
            yield f"          projects: {project.projects}个"
            yield f"          beneficiaries: {project.people}人"
            if shape.detailed:
                yield f"          owners: [{rng.choice(_OWNERS)}]"
                yield f"          source: 第四章第{rng.randint(1, 9)}节"
            # Every sub-project of the first project states its share of the project's amount.
            share_of = project.amount if number == 0 else None
            yield "          items:"
            for leaf in project.children:
                yield f"            - {leaf_line(leaf, shape, rng, share_of)}"


@dataclass(frozen=True, slots=True)
class Town:
    name: str
    poor: bool
    people: int
    households: int
    villages: int
    rural: int
    exit_year: int


def towns(count: int, rng: random.Random) -> list[Town]:
    names: list[str] = []
    while len(names) < count:
        name = f"{place_name(rng)}镇"
        if name not in names:
            names.append(name)
    out = []
    for number, name in enumerate(names):
        people = rng.randint(800, 6_000)
        out.append(
            Town(
                name,
                poor=number % 3 != 2,
                people=people,
                households=people // 3 + rng.randint(0, 50),
                villages=rng.randint(2, 12),
                rural=people * rng.randint(8, 15),
                exit_year=YEARS[-1],  # feasible: the plan-wide schedule ends then
            )
        )
    return out


def plan_text(shape: Shape, seed: str, title: str, level: str) -> str:
    """One whole plan as YAML text."""
    rng = random.Random(seed)
    region = f"{place_name(rng, 3)}{'县' if level == 'county' else '省'}"
    items = budget(shape, rng)
    regions = towns(shape.towns, rng)
    people = sum(town.people for town in regions)
    households = sum(town.households for town in regions)
    villages = sum(town.villages for town in regions)
    rural = sum(town.rural for town in regions)
    lines = [
        f"# Synthetic plan written by benchmarks/generate.py (seed {seed}); not a real document.",
        "plan:",
        f"  title: {region}“十三五”{title}",
        f"  issuer: {region}人民政府",
        f"  document: {region[0]}政〔2016〕{rng.randint(1, 99)}号",
        "  issued: 2016-06-01",
        f"  region: {{name: {region}, level: {level}, province: 山东省}}",
        "  period: [2016, 2020]",
        f"  source: {{title: {region}“十三五”{title}, file: {seed}.txt}}",
        "  dates:",
        "    - {what: 贫困人口统计截止, date: 2015-12-31, source: 第一章第二节}",
        "",
        "baseline:",
        "  year: 2015",
        f"  poor_population: {{value: {people}人, id: poor_population, source: 第一章第二节, "
        f"also: [{{value: {rounded(Decimal(people) / 10_000, '0.0001')}万人, "
        "source: 第三章}]}",
        f"  poor_households: {{value: {households}户, id: poor_households}}",
        f"  poor_villages: {{value: {villages}个, id: poor_villages}}",
        f"  rural_population: {rural}人",
        "  source: 第一章第二节",
        "",
        "targets:",
        "  - {name: 贫困人口全部脱贫, measure: people, value: all, by: 2020, source: 第二章}",
        f"  - {{name: 贫困村全部退出, measure: villages, value: {{value: {villages}个, "
        "same_as: poor_villages}, by: 2020, source: 第二章}",
        f"  - {{name: 贫困户全部脱贫, measure: households, value: {{value: {households}户, "
        "same_as: poor_households}, by: 2020, source: 第二章}",
        "  - {name: 巩固提升脱贫成果, measure: 巩固提升, by: 2020, source: 第二章}",
        "",
        "schedules:",
    ]
    for name, measure, total, unit in (
        ("贫困人口脱贫", "people", people, "人"),
        ("贫困户脱贫", "households", households, "户"),
        ("贫困村退出", "villages", villages, "个"),
    ):
        years = split(total, len(YEARS), rng, minimum=0)
        entries = ", ".join(
            f"{year}: {value}{unit}" for year, value in zip(YEARS, years, strict=True)
        )
        lines += [f"  - name: {name}", f"    measure: {measure}", "    source: 第三章第二节"]
        lines.append(f"    years: {{{entries}}}")
    relocation = split(people // 5, len(YEARS), rng, minimum=0)
    lines += [
        "  - name: 易地扶贫搬迁",
        "    measure: relocation",
        f"    total: {people // 5}人",
        "    years: {"
        + ", ".join(f"{year}: {value}人" for year, value in zip(YEARS, relocation, strict=True))
        + "}",
        "",
        "regions:",
        "  source: 第一章第二节",
        "  items:",
    ]
    for town in regions:
        lines.append(
            f"    - {{name: {town.name}, kind: {'poor' if town.poor else 'non_poor'}, "
            f"poor_population: {town.people}人, poor_households: {town.households}户, "
            f"poor_villages: {town.villages}个, rural_population: {town.rural}人, "
            f"exit_year: {town.exit_year}}}"
        )
    poor_people = sum(town.people for town in regions if town.poor)
    poor_share = rounded(poor_people / Decimal(people) * HUNDRED, "0.1")
    other_share = rounded((people - poor_people) / Decimal(people) * HUNDRED, "0.1")
    lines += [
        "  groups:",
        "    - {name: 贫困乡镇, kinds: [poor], poor_population: "
        f"{{value: {poor_people}人, share: {poor_share}%}}}}",
        "    - {name: 非贫困乡镇, kinds: [non_poor], poor_population: "
        f"{{value: {people - poor_people}人, share: {other_share}%}}}}",
        "",
        "counts:",
        f"  - {{name: 乡镇, value: {len(regions)}个, of: regions, source: 第一章第二节}}",
        f"  - {{name: 贫困乡镇, value: {sum(town.poor for town in regions)}个, of: regions, "
        "kind: poor, source: 第一章第二节}",
        f"  - {{name: 重点工程, value: {len(items)}个, of: budget, source: 第三章第五节}}",
        f"  - {{name: 建设项目, value: {shape.programmes * shape.projects * shape.subprojects}个, "
        "of: budget, depth: 3, source: 第三章第五节}",
        f"  - {{name: {items[0].name}子工程, value: {shape.projects}个, of: p1, source: 第四章}}",
        "  - {name: 四项保障, value: 四项, names: [义务教育, 基本医疗, 住房安全, 饮水安全], "
        "source: 第二章}",
        "  - {name: 主要措施, value: 4个, of: measures, source: 第五章}",
        "",
    ]
    lines += list(budget_lines(items, shape, rng))
    lines += facts(rng)
    lines += [
        "",
        "indicators:",
        "  - {name: 贫困发生率, target: 2%以下, by: 2019, source: 第二章}",
        "  - {name: 义务教育巩固率, target: 95%以上, by: 2020, source: 第二章}",
        "  - {name: 家庭医生签约率, target: 100%, by: 2018, source: 第二章}",
        "",
        "rates:",
        "  - {name: 产业扶持补助, rate: 100元, per: 人, count: p1, budget: p1, source: 第四章}",
        "  - {name: 搬迁后续扶持, rate: 50元, per: 人, per_year: true, years: 3, count: p2, "
        "budget: p2, source: 第四章}",
        "",
        "measures:",
        "  - {name: 发展特色产业, section: 四（一）, owners: [县农业局, 县扶贫办]}",
        "  - name: 改善基础设施",
        "    section: 四（二）",
        "    owners: [县交通局]",
        "    items:",
        "      - {name: 道路建设, owners: [县交通局]}",
        "      - {name: 饮水安全, owners: [县水利局]}",
        "  - {name: 易地扶贫搬迁, section: 四（三）, owners: [县发改委]}",
        "  - {name: 社会保障兜底, section: 四（四）, owners: [县民政局]}",
        "",
    ]
    return "\n".join(lines)


def facts(rng: random.Random) -> list[str]:
    """A small facts tree whose children state their shares of the parent."""
    parts = split(rng.randint(20_000, 90_000), 4, rng)
    whole = sum(parts)
    names = ("中央财政资金", "省级财政资金", "县级财政资金", "社会帮扶资金")
    lines = [
        "",
        "facts:",
        "  - name: 扶贫资金投入",
        f"    value: {whole}万元",
        "    year: 2015",
        "    source: 第一章第一节",
        "    items:",
    ]
    for name, part in zip(names, parts, strict=True):
        share = rounded(Decimal(part) / whole * HUNDRED, "0.1")
        lines.append(f"      - {{name: {name}, value: {part}万元, share: {share}%}}")
    return lines


def county_plan(number: int) -> str:
    """County plan number `number` (its own seed)."""
    return plan_text(COUNTY, f"county-{number:04d}", "脱贫攻坚规划", "county")


def province_plan(items: int) -> str:
    """A province plan with `items` budget items."""
    return plan_text(province_shape(items), f"province-{items}", "脱贫攻坚规划", "province")


# The shapes that cost the most per byte, for `benchmarks/bad_inputs.py`: each function writes
# about `size` bytes of one shape. They are worst cases, not plans anyone writes.
_HEADER = (
    "plan:\n  title: 测试县脱贫攻坚规划\n  region: {name: 测试县, level: county}\n"
    "  period: [2016, 2020]\n"
)


def _filled(head: str, chunk: Callable[[int], str], size: int, tail: str = "") -> str:
    """`head`, then `chunk(0)`, `chunk(1)`, … until about `size` bytes, then `tail`."""
    parts, total, number = [head], len(head.encode()), 0
    while total < size:
        piece = chunk(number)
        parts.append(piece)
        total += len(piece.encode())
        number += 1
    parts.append(tail)
    return "".join(parts)


def flat_budget(size: int) -> str:
    """One list of valid budget items, each with an amount, projects and beneficiaries."""
    rng = random.Random(f"flat-{size}")

    def item(number: int) -> str:
        amount = Decimal(rng.randint(1_000, 90_000)) * CENT
        return (
            f"    - {{name: 项目{number}, amount: {text(amount)}万元, "
            f"projects: {rng.randint(1, 9)}个, beneficiaries: {rng.randint(20, 900)}人}}\n"
        )

    return _filled(_HEADER + "budget:\n  items:\n", item, size)


def deep_budget(size: int) -> str:
    """Budget items nested 45 levels deep (the YAML depth limit is 100: two per level), over
    and over, each level with an amount that is its children's sum."""

    def chain(number: int) -> str:
        lines = []
        for level in range(45):
            pad = "  " * (2 * level + 2)
            lines.append(f"{pad}- name: 层{number}-{level}\n{pad}  amount: 1万元\n")
            if level < 44:
                lines.append(f"{pad}  items:\n")
        return "".join(lines)

    return _filled(_HEADER + "budget:\n  items:\n", chain, size)


def unknown_keys(size: int, keys: int | None = None) -> str:
    """Budget items each with one unknown key; `keys` items, or as many as fill `size`."""

    def item(number: int) -> str:
        return f"    - {{name: 项目{number}, amonut{number}: 1万元}}\n"

    if keys is not None:
        return _HEADER + "budget:\n  items:\n" + "".join(item(n) for n in range(keys))
    return _filled(_HEADER + "budget:\n  items:\n", item, size)


def long_strings(size: int) -> str:
    """Budget items whose names are 100,000 characters long."""

    def item(number: int) -> str:
        return f"    - {{name: {'长' * 100_000}{number}, amount: 1万元}}\n"

    return _filled(_HEADER + "budget:\n  items:\n", item, size)


def many_figures(size: int) -> str:
    """Facts with a figure, a share and two restatements each: the most figures per byte."""

    def fact(number: int) -> str:
        return (
            f"  - {{name: 事实{number}, value: {{value: 1万元, also: [{{value: 10000元}}, "
            f"{{value: 0.0001亿元}}]}}, year: 2015}}\n"
        )

    return _filled(_HEADER + "facts:\n", fact, size)


def bad_values(size: int) -> str:
    """Budget items whose every figure is wrong: the most findings per byte."""

    def item(number: int) -> str:
        return f"    - {{name: 项目{number}, amount: 多, projects: 少}}\n"

    return _filled(_HEADER + "budget:\n  items:\n", item, size)


WORST_SHAPES: dict[str, Callable[[int], str]] = {
    "flat budget": flat_budget,
    "deep budget": deep_budget,
    "unknown keys": unknown_keys,
    "long strings": long_strings,
    "many figures": many_figures,
    "bad values": bad_values,
}


def source_document(items: int, lines: int | None = None) -> str:
    """A source document for `province_plan(items)`: the plan's headline figures where the plan
    says they are, and a long 第三章第五节 that prints one budget line per paragraph (made-up
    amounts), `lines` paragraphs (`items` by default)."""
    rng = random.Random(f"source-{items}")
    out = ["前言", "本规划依据有关文件编制。", "第一章 基本情况", "第一节 发展基础"]
    out += ["第二节 贫困现状", "截至2015年底，全省有贫困人口若干人。", "第二章 目标任务"]
    out += ["到2020年，贫困人口全部脱贫，贫困村全部退出。", "第三章 重点工程"]
    out += ["第一节 总体安排", "第二节 年度计划", "第三节 项目库", "第四节 资金来源"]
    out.append("第五节 资金安排")
    for number in range(items if lines is None else lines):
        amount = Decimal(rng.randint(1_000, 90_000)) * CENT
        out.append(
            f"{place_name(rng)}{rng.choice(_WORKS)}项目，安排资金{text(amount)}万元，"
            f"建设{rng.randint(1, 9)}个子项目，带动{rng.randint(20, 900)}名贫困群众增收。"
        )
        if number % 500 == 499:
            out.append(f"（{_numeral_text(number // 500 % 9 + 1)}）下一批项目")
    out += ["第四章 保障措施", "加强组织领导。"]
    return "\n".join(out) + "\n"


def _numeral_text(number: int) -> str:
    return "一二三四五六七八九"[number - 1]


def write(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8")
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DATA, help="output folder (benchmarks/data)")
    parser.add_argument("--counties", type=int, default=1000, help="county plans in the folder")
    parser.add_argument(
        "--only", choices=("county", "province"), help="write only county or province plans"
    )
    args = parser.parse_args(argv)
    out: Path = args.out
    if args.only != "province":
        write(out / "county.yaml", county_plan(0))
        folder = out / "counties"
        for number in range(1, args.counties + 1):
            write(folder / f"county-{number:04d}.yaml", county_plan(number))
        for stale in sorted(folder.glob("county-*.yaml"))[args.counties :]:
            stale.unlink()
    if args.only != "county":
        for items, name in ((10_000, "province-10k.yaml"), (100_000, "province-100k.yaml")):
            write(out / name, province_plan(items))
    for path in sorted(out.glob("*.yaml")):
        print(f"{path.stat().st_size:>12,} bytes  {path}")
    if args.only != "province":
        sizes = [path.stat().st_size for path in (out / "counties").glob("*.yaml")]
        print(f"{sum(sizes):>12,} bytes  {out / 'counties'} ({len(sizes)} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
