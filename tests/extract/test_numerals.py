"""Numbers as plans write them: Arabic, Chinese, with 万/亿 left to the unit."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.extract.numerals import NumeralError, parse_chinese, parse_number, to_chinese


@pytest.mark.parametrize(("text", "value"), [
    ("二〇三〇", 2030), ("二零二五", 2025), ("两", 2), ("十五", 15), ("十", 10), ("二十", 20),
    ("一百零八", 108), ("一千二百三十四点五", 1234.5), ("三千五百", 3500), ("一万二千", 12000),
    ("十万零一十", 100010), ("三亿", 300_000_000), ("零点五", 0.5), ("两百", 200),
])
def test_chinese_numerals(text, value):
    assert parse_chinese(text) == pytest.approx(value)


@pytest.mark.parametrize(("text", "value"), [("1750", 1750), ("3.8", 3.8), ("1,234", 1234), ("十四", 14)])
def test_parse_number_reads_both_scripts(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "点五", "二三十", "一点二点三", "abc", "十百"])
def test_malformed_numerals_are_refused(text):
    with pytest.raises(NumeralError):
        parse_number(text)


@given(st.integers(min_value=0, max_value=10**12))
def test_integers_round_trip_through_chinese(number):
    assert parse_chinese(to_chinese(number)) == number


@given(st.integers(min_value=0, max_value=99_999), st.integers(min_value=0, max_value=99))
def test_decimals_round_trip_through_chinese(whole, hundredths):
    value = whole + hundredths / 100
    assert parse_chinese(to_chinese(value, decimals=2)) == pytest.approx(value)


def test_ten_to_nineteen_are_written_without_a_leading_one():
    assert to_chinese(15) == "十五"
    assert to_chinese(100_010) == "十万零一十"
