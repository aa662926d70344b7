"""Figures in the model: a printed quantity with where it is printed and what it restates.

A field declares which unit families it accepts and, where the document may print a bare number,
the unit that number is in. A figure is written as its printed text or as a mapping with a source,
an id, links to other statements of the same quantity, or a declared unit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    ValidatorFunctionWrapHandler,
    WithJsonSchema,
    WrapValidator,
)

from planctl.i18n import N_, _
from planctl.model.messages import did_you_mean
from planctl.quantity import MissingUnitError, Quantity, QuantityError, parse_fraction
from planctl.quantity import parse as _parse_figure
from planctl.units import known_units, lookup, suggest

# Plans repeat many figures (`3个`, `2019`, `100%`): a quantity is immutable, so one parse serves
# every repetition. Parsing is most of the time spent turning a document into a plan; the cache
# saves a fifth of it on a county plan and two fifths on a province plan (docs/performance.md).
parse = lru_cache(maxsize=16384)(_parse_figure)


class Strict(BaseModel):
    """Every plan model refuses unknown keys: a typo must not silently drop a figure."""

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)


def _parse_quantity(value: Any) -> Quantity:
    # Figures arrive here already read, with their declared unit, by their field's validator.
    if isinstance(value, Quantity):
        return value
    raise ValueError(_("a figure must be printed text such as 641.8亿元"))


QuantityField = Annotated[
    Quantity,
    PlainValidator(_parse_quantity),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string", "description": "a figure as printed, e.g. 641.8亿元"}),
]


class FigureKind(StrEnum):
    """How a figure is printed, when its text alone does not say."""

    FRACTION = "fraction"  # a share printed as a fraction of one: 0.074 is 7.4%


class Figure(Strict):
    """One printed figure; `also` lists other places the same quantity is printed."""

    value: QuantityField
    source: str | None = None
    id: str | None = None
    same_as: str | None = None
    also: list[Figure] = Field(default_factory=list)
    unit: str | None = None
    note: str | None = None
    of: str | None = None
    share: QuantityField | None = None
    kind: FigureKind | None = Field(
        default=None, description="fraction: a share printed as a fraction of one (0.074)"
    )

    def statements(self) -> list[Figure]:
        """This figure and every restatement of it, most precise first."""
        if not self.also:  # most figures are printed once: nothing to sort
            return [self]
        return sorted([self, *self.also], key=lambda figure: figure.value.ulp_base)


# The units a "has no unit" hint offers for each family a field accepts, in this order.
_EXAMPLE_UNITS = {
    "money": ("元",),
    "people": ("人",),
    "households": ("户",),
    "person-times": ("人次",),
    "count": ("个",),
    "length": ("米", "公里"),
    "area": ("亩",),
    "percent": ("%",),
}


def example_units(families: Iterable[str] | None) -> tuple[str, ...]:
    """The units to suggest for a figure of `families` (any family: 元 and 人)."""
    if families is None:
        return ("元", "人")
    wanted = set(families)
    return tuple(
        unit for family, units in _EXAMPLE_UNITS.items() if family in wanted for unit in units
    )


def _coerce(default_unit: str | None, families: Iterable[str] | None) -> Callable[[Any], Any]:
    """Turn printed text or a bare number into a figure mapping and parse its quantity."""
    units = example_units(families)

    def coerce(raw: Any) -> Any:
        if isinstance(raw, dict):
            data = dict(raw)
        elif isinstance(raw, (str, int, Decimal)) and not isinstance(raw, bool):
            data = {"value": raw}
        else:
            return raw  # pydantic reports the wrong type
        value = data.get("value")
        declared = data.get("unit")
        if declared is not None:
            _check_unit(declared)
        unit = declared or default_unit
        if _is_fraction(data, declared):
            data["value"] = _fraction(value, "value")
            value = data["value"]
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            value = str(value)
            if unit is None:
                raise MissingUnitError(value, value, "", "", units)
        if isinstance(value, str):
            try:
                data["value"] = parse(value, unit)
            except MissingUnitError as error:
                raise error.with_units(units) from None
            except QuantityError as error:
                raise ValueError(str(error)) from None
        share = data.get("share")
        if isinstance(share, dict) and set(share) <= {"value", "kind"} and "kind" in share:
            # a figure's own share printed as a fraction: `share: {value: 0.797, kind: fraction}`
            try:
                _is_fraction(share, None)
            except FigureKeyError as error:
                raise FigureKeyError("share", _("share: {error}").format(error=error)) from None
            if share.get("value") is None:
                raise FigureKeyError(
                    "share",
                    _("share: give the fraction as printed, {value: 0.797, kind: fraction}"),
                )
            data["share"] = _fraction(share["value"], "share")
        elif isinstance(share, (str, int, Decimal)) and not isinstance(share, bool):
            try:
                data["share"] = parse(str(share), "%")
            except QuantityError as error:
                raise ValueError(_("share: {error}").format(error=error)) from None
        also = data.get("also")
        if isinstance(also, list):
            data["also"] = [coerce(item) for item in also]
        return data

    return coerce


def _is_fraction(data: dict[str, Any], declared_unit: Any) -> bool:
    """Whether the mapping says its figure is a fraction; an unknown kind is refused."""
    kind = data.get("kind")
    if kind is None:
        return False
    if kind not in {member.value for member in FigureKind}:
        raise FigureKeyError(
            "kind", _("unknown kind {kind}; the one kind is 'fraction'").format(kind=repr(kind))
        )
    if declared_unit is not None:
        raise FigureKeyError("unit", _("a fraction (kind: fraction) has no unit; remove unit:"))
    return True


def _fraction(value: Any, key: str) -> Any:
    """A fraction's quantity, exactly as printed (`0.074` is kept as 0.074 and means 7.4%)."""
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        return value  # pydantic reports the wrong type
    try:
        return parse_fraction(str(value))
    except QuantityError as error:
        raise FigureKeyError(key, str(error)) from None


class FigureKeyError(ValueError):
    """A problem with one key of a figure mapping (`unit`, `share`), located at that key."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


def _check_unit(unit: Any) -> None:
    """A declared `unit:` must be one planctl knows: a typo would change what the figure counts."""
    if not isinstance(unit, str) or lookup(unit.strip()) is None:
        suggestion = suggest(unit) if isinstance(unit, str) else None
        raise FigureKeyError(
            "unit",
            _("{problem} Known units: {units}, each also after 万 or 亿").format(
                problem=did_you_mean(_("unknown unit {unit}").format(unit=repr(unit)), suggestion)
                if suggestion
                else _("unknown unit {unit}.").format(unit=repr(unit)),
                units=" ".join(known_units()),
            ),
        )


def _families(allowed: Iterable[str] | None, what: str) -> Callable[[Quantity], Quantity]:
    """Check the unit family; a figure of a declared family (amounts, counts) is never negative."""
    allowed_set = frozenset(allowed) if allowed is not None else None

    def check(quantity: Quantity) -> Quantity:
        if allowed_set is None:
            return quantity
        if quantity.base < 0:
            raise ValueError(
                _("{figure}: {what} cannot be negative").format(figure=quantity.text, what=_(what))
            )
        family = quantity.family
        if not _admits(allowed_set, family):
            from planctl.calc.wording import family_name  # only for the message

            raise ValueError(
                _("{figure} is {family}; {what} must be {families}").format(
                    figure=quantity.text,
                    family=family_name(family),
                    what=_(what),
                    families=_(" or ").join(sorted(family_name(f) for f in allowed_set)),
                )
            )
        return quantity

    return check


def _admits(allowed: frozenset[str], family: str) -> bool:
    return family in allowed or ("count" in allowed and family.startswith("count:"))


# The JSON Schema of each kind of figure field lives once in the schema's `$defs`
# (`planctl.model.schema`); a field refers to it by name. name -> (families, default unit).
FIGURE_KINDS: dict[str, tuple[frozenset[str] | None, str | None]] = {}
FIGURE_REF = "x-planctl-figure"


def _schema_ref(families: Iterable[str] | None, default_unit: str | None) -> dict[str, Any]:
    chosen = frozenset(families) if families is not None else None
    name = "Figure." + ("any" if chosen is None else "+".join(sorted(chosen)))
    if default_unit is not None:
        name += "." + default_unit
    FIGURE_KINDS[name] = (chosen, default_unit)
    # pydantic resolves `$ref`s it did not make; the schema turns this marker into one.
    return {FIGURE_REF: name}


def figure_rules(
    families: Iterable[str] | None = None,
    default_unit: str | None = None,
    what: str = N_("this figure"),
) -> tuple[WrapValidator, WithJsonSchema]:
    """The validator of a figure field accepting `families`, bare numbers in `default_unit`."""
    coerce = _coerce(default_unit, families)
    check = _families(families, what)
    units = example_units(families)

    def validate(raw: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        # Most figures are printed text (`641.8亿元`, `3个`): read and check it here, once, and
        # hand pydantic a ready quantity. A mapping or a bare number is made a figure mapping
        # first, and each of its statements is checked once the figure is built.
        if isinstance(raw, str):
            try:
                quantity = parse(raw, default_unit)
            except MissingUnitError as error:
                raise error.with_units(units) from None
            except QuantityError as error:
                raise ValueError(str(error)) from None
            return handler({"value": check(quantity)})
        figure = handler(coerce(raw))
        if isinstance(figure, Figure):
            for statement in (figure, *figure.also):
                check(statement.value)
        return figure

    return WrapValidator(validate), WithJsonSchema(_schema_ref(families, default_unit))


_ANY = figure_rules()
_MONEY = figure_rules({"money"}, what=N_("an amount of money"))
_PEOPLE = figure_rules({"people"}, default_unit="人", what=N_("a number of people"))
_HOUSEHOLDS = figure_rules({"households"}, default_unit="户", what=N_("a number of households"))
_COUNT = figure_rules({"count"}, default_unit="个", what=N_("a count"))
_BENEFICIARIES = figure_rules(
    {"people", "households", "person-times", "count"},
    what=N_("beneficiaries (people, households, 人次, or counted units such as villages)"),
)
_LENGTH = figure_rules({"length"}, what=N_("a length"))
_AREA = figure_rules({"area"}, what=N_("an area"))
_SHARE = figure_rules({"percent"}, default_unit="%", what=N_("a share"))

# Written out so that type checkers see each field as a `Figure`.
AnyFigure = Annotated[Figure, _ANY[0], _ANY[1]]
Money = Annotated[Figure, _MONEY[0], _MONEY[1]]
People = Annotated[Figure, _PEOPLE[0], _PEOPLE[1]]
Households = Annotated[Figure, _HOUSEHOLDS[0], _HOUSEHOLDS[1]]
Count = Annotated[Figure, _COUNT[0], _COUNT[1]]
Beneficiaries = Annotated[Figure, _BENEFICIARIES[0], _BENEFICIARIES[1]]
Length = Annotated[Figure, _LENGTH[0], _LENGTH[1]]
Area = Annotated[Figure, _AREA[0], _AREA[1]]
Share = Annotated[Figure, _SHARE[0], _SHARE[1]]
