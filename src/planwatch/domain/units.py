"""Units as plans and statistics write them, and conversion between compatible ones.

A unit is a magnitude prefix (万, 亿, 千 …) on a base unit (元, 人, 平方米, 个 …). Units convert
when their base units share a dimension (亿元 → 万元, 公顷 → 平方米, 亩 → 万平方米); anything else
(亿元 → 万人, 所 → 个) is refused with UnitError, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


class UnitError(ValueError):
    """A unit that planwatch does not know, or two units that cannot be converted."""


@dataclass(frozen=True)
class Unit:
    text: str  # as written, normalised to simplified characters
    dimension: str  # units convert only within one dimension
    factor: float  # how many of the dimension's base unit one of this unit is

    def factor_to(self, other: Unit) -> float:
        if self.dimension != other.dimension:
            raise UnitError(f"cannot convert {self.text} to {other.text}: incompatible units")
        return self.factor / other.factor


_PREFIXES = (("万亿", 1e12), ("千亿", 1e11), ("百亿", 1e10), ("亿", 1e8), ("千万", 1e7),
             ("百万", 1e6), ("万", 1e4), ("千", 1e3), ("百", 1e2))

# base unit → (dimension, factor in the dimension's base unit)
_BASE_UNITS: dict[str, tuple[str, float]] = {
    "元": ("money_cny", 1.0),
    "人民币": ("money_cny", 1.0),
    "美元": ("money_usd", 1.0),
    "人": ("people", 1.0),
    "人次": ("person_times", 1.0),
    "平方米": ("area", 1.0),
    "平米": ("area", 1.0),
    "m2": ("area", 1.0),
    "㎡": ("area", 1.0),
    "平方公里": ("area", 1e6),
    "平方千米": ("area", 1e6),
    "公顷": ("area", 1e4),
    "立方米": ("volume", 1.0),
    "微克/立方米": ("concentration", 1.0),  # air quality: PM2.5 30微克/立方米
    "毫克/立方米": ("concentration", 1000.0),
    "亩": ("area", 10000.0 / 15.0),
    "米": ("length", 1.0),
    "公里": ("length", 1e3),
    "千米": ("length", 1e3),
    "km": ("length", 1e3),
    "吨": ("mass", 1e3),
    "千克": ("mass", 1.0),
    "公斤": ("mass", 1.0),
    "吨标准煤": ("energy_tce", 1.0),
    "吨标煤": ("energy_tce", 1.0),
    "千瓦时": ("energy_kwh", 1.0),
    "度": ("energy_kwh", 1.0),
    "千瓦": ("power", 1.0),
    "兆瓦": ("power", 1000.0),
    "标箱": ("teu", 1.0),
    "%": ("percent", 1.0),
    "％": ("percent", 1.0),
    "百分点": ("percentage_point", 1.0),
    "个百分点": ("percentage_point", 1.0),
    "倍": ("multiple", 1.0),
    "比例": ("ratio", 1.0),
    "年": ("years", 1.0),
    "天": ("days", 1.0),
    "名": ("rank", 1.0),
    "位": ("rank", 1.0),
}

# Classifiers (量词) count things; each is its own dimension: 8 所 schools are not 8 个 parks.
_CLASSIFIERS = ("个", "所", "家", "条", "处", "座", "户", "套", "件", "项", "台", "辆", "张", "床",
                "间", "栋", "幢", "片", "批", "场", "次", "例", "株", "棵", "只", "头", "篇", "部",
                "支", "组", "对", "宗", "类", "门", "口", "眼", "块", "段", "层", "级", "届", "期",
                "轮", "场次", "册", "头")

_TRADITIONAL = str.maketrans({"萬": "万", "億": "亿", "個": "个", "條": "条", "處": "处",
                              "戶": "户", "項": "项", "臺": "台", "張": "张", "間": "间",
                              "棟": "栋", "場": "场", "畝": "亩", "頃": "顷", "噸": "吨",
                              "標": "标", "準": "准", "點": "点", "車": "车",
                              "輛": "辆", "頭": "头", "塊": "块", "層": "层", "級": "级",
                              "屆": "届", "輪": "轮", "組": "组", "對": "对", "類": "类",
                              "門": "门", "隻": "只", "兩": "两", "裡": "里"})


def _simplify(text: str) -> str:
    return text.strip().translate(_TRADITIONAL)


@lru_cache(maxsize=4096)
def parse_unit(text: str) -> Unit:
    """Read a unit as written ("亿元", "万平方米", "個", "%") into its dimension and factor."""
    simple = _simplify(text)
    if not simple:
        raise UnitError("empty unit")
    if simple in _BASE_UNITS:
        dimension, factor = _BASE_UNITS[simple]
        return Unit(simple, dimension, factor)
    for prefix, magnitude in _PREFIXES:
        if simple.startswith(prefix) and len(simple) > len(prefix):
            base = parse_unit(simple[len(prefix):])
            if base.dimension in ("percent", "percentage_point", "multiple", "ratio", "rank"):
                break
            return Unit(simple, base.dimension, base.factor * magnitude)
    # A bare magnitude (万, 亿) is a number word, not a unit, though it is one CJK character.
    is_magnitude = any(simple == prefix for prefix, _ in _PREFIXES)
    if simple in _CLASSIFIERS or (
            len(simple) == 1 and "\u4e00" <= simple <= "\u9fff" and not is_magnitude):
        return Unit(simple, f"count:{simple}", 1.0)
    raise UnitError(f"unknown unit {text!r}")


def conversion_factor(from_unit: str, to_unit: str) -> float:
    """The number to multiply a value in from_unit by to express it in to_unit."""
    if from_unit == to_unit:
        return 1.0
    return parse_unit(from_unit).factor_to(parse_unit(to_unit))


def convert(value: float, from_unit: str, to_unit: str) -> float:
    """Express value, written in from_unit, in to_unit; UnitError if they are incompatible."""
    return value * conversion_factor(from_unit, to_unit)


def compatible(unit_a: str, unit_b: str) -> bool:
    try:
        return parse_unit(unit_a).dimension == parse_unit(unit_b).dimension
    except UnitError:
        return False
