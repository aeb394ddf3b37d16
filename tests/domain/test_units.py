"""Units: magnitudes convert within a dimension and never across."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain.units import UnitError, compatible, conversion_factor, convert, parse_unit


@pytest.mark.parametrize(("unit", "dimension", "factor"), [
    ("元", "money_cny", 1.0),
    ("万元", "money_cny", 1e4),
    ("亿元", "money_cny", 1e8),
    ("億元", "money_cny", 1e8),
    ("万人", "people", 1e4),
    ("万平方米", "area", 1e4),
    ("公顷", "area", 1e4),
    ("%", "percent", 1.0),
    ("％", "percent", 1.0),
    ("个百分点", "percentage_point", 1.0),
    ("所", "count:所", 1.0),
    ("万个", "count:个", 1e4),
])
def test_parse_unit_reads_dimension_and_factor(unit, dimension, factor):
    parsed = parse_unit(unit)
    assert (parsed.dimension, parsed.factor) == (dimension, factor)


def test_money_converts_between_magnitudes():
    assert convert(1.5, "亿元", "万元") == 15000.0
    assert convert(15000, "万元", "亿元") == pytest.approx(1.5)


def test_mu_converts_to_square_metres():
    assert convert(15, "亩", "平方米") == pytest.approx(10000.0)


@pytest.mark.parametrize(("a", "b"), [("亿元", "万人"), ("所", "个"), ("%", "个百分点")])
def test_incompatible_units_are_refused(a, b):
    assert not compatible(a, b)
    with pytest.raises(UnitError, match="incompatible"):
        conversion_factor(a, b)


@pytest.mark.parametrize("text", ["", "万", "亿", "千", "亿元/年", "万%"])
def test_unknown_units_are_refused(text):
    with pytest.raises(UnitError):
        parse_unit(text)


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_conversion_round_trips(value):
    there = convert(value, "亿元", "万元")
    assert convert(there, "万元", "亿元") == pytest.approx(value, rel=1e-12, abs=1e-9)
