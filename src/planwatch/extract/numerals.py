"""Numbers as Chinese plans write them: 1750, 3.8, 1/8, 二〇三〇, 两个, 一千二百三十四点五.

Magnitude characters 万 and 亿 that follow a number belong to its unit (3.8万个 is 3.8 of 万个,
as the plans and the gold annotations keep it), so `parse_chinese` reads them only inside the
numeral itself (一万二千) and the grammar leaves a trailing 万/亿 to the unit.
"""

from __future__ import annotations

import re

DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
          "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6,
          "柒": 7, "捌": 8, "玖": 9}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
LARGE_UNITS = {"万": 10_000, "亿": 100_000_000}
DECIMAL_POINT = "点"

CHINESE_NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(LARGE_UNITS) + DECIMAL_POINT
# A Chinese numeral that the grammar reads as a value: digits and 十百千, an optional decimal
# part; 万/亿 stay with the unit that follows.
CHINESE_NUMBER = f"[{''.join(DIGITS)}{''.join(SMALL_UNITS)}]+(?:{DECIMAL_POINT}[{''.join(DIGITS)}]+)?"
ARABIC_NUMBER = r"\d+(?:,\d{3}(?!\d))*(?:\.\d+)?"

_CHINESE_FULL = re.compile(f"[{CHINESE_NUMERAL_CHARS}]+")


class NumeralError(ValueError):
    """Text that is not a number."""


def parse_number(text: str) -> float:
    """An Arabic or Chinese numeral as a float: '1,750' → 1750, '十五' → 15, '二〇三〇' → 2030."""
    text = text.strip()
    if not text:
        raise NumeralError("empty number")
    if text[0].isdigit():
        try:
            return float(text.replace(",", ""))
        except ValueError as error:
            raise NumeralError(f"not a number: {text!r}") from error
    return parse_chinese(text)


def parse_chinese(text: str) -> float:
    """Read a Chinese numeral: 一千二百三十四点五 → 1234.5, 两 → 2, 二〇三〇 → 2030, 十五 → 15."""
    if not text or not _CHINESE_FULL.fullmatch(text):
        raise NumeralError(f"not a Chinese numeral: {text!r}")
    integer_part, _, fraction_part = text.partition(DECIMAL_POINT)
    if DECIMAL_POINT in fraction_part:
        raise NumeralError(f"two decimal points in {text!r}")
    value = float(_parse_integer(integer_part, text))
    if fraction_part:
        if any(char not in DIGITS for char in fraction_part):
            raise NumeralError(f"bad decimal part in {text!r}")
        value += float("0." + "".join(str(DIGITS[char]) for char in fraction_part))
    return value


def _parse_integer(text: str, whole: str) -> int:
    if not text:
        raise NumeralError(f"no integer part in {whole!r}")
    if all(char in DIGITS for char in text):
        # Digit by digit, as years are written: 二〇三〇 → 2030; a single 两 → 2.
        return int("".join(str(DIGITS[char]) for char in text))
    total = 0
    for unit_char, magnitude in (("亿", LARGE_UNITS["亿"]), ("万", LARGE_UNITS["万"])):
        if unit_char in text:
            head, _, text = text.partition(unit_char)
            total += (_parse_integer(head, whole) if head else 1) * magnitude
    return total + (_parse_section(text, whole) if text else 0)


def _parse_section(text: str, whole: str) -> int:
    """A numeral below 10,000 written with 十/百/千: 一千零五 → 1005, 十五 → 15."""
    total = 0
    digit: int | None = None
    last_unit = 10_000
    for char in text:
        if char in DIGITS:
            if digit is not None and DIGITS[char] != 0:
                raise NumeralError(f"two digits in a row in {whole!r}")
            digit = DIGITS[char] or None
        elif char in SMALL_UNITS:
            if SMALL_UNITS[char] >= last_unit:
                raise NumeralError(f"{char!r} out of order in {whole!r}")
            last_unit = SMALL_UNITS[char]
            total += (digit if digit is not None else 1) * SMALL_UNITS[char]
            digit = None
        else:
            raise NumeralError(f"unexpected {char!r} in {whole!r}")
    return total + (digit or 0)


_DIGIT_CHARS = "零一二三四五六七八九"


def to_chinese(value: int | float, *, decimals: int = 0) -> str:
    """Write a number as a Chinese numeral (the inverse of parse_chinese, for tests and labels)."""
    if value < 0:
        raise NumeralError("negative numbers have no Chinese numeral here")
    integer = int(value)
    text = _integer_to_chinese(integer)
    if decimals:
        fraction = f"{value:.{decimals}f}".split(".")[1]
        text += DECIMAL_POINT + "".join(_DIGIT_CHARS[int(d)] for d in fraction)
    return text


def _integer_to_chinese(number: int) -> str:
    if number == 0:
        return "零"
    groups: list[tuple[int, str]] = []
    for magnitude, name in ((100_000_000, "亿"), (10_000, "万"), (1, "")):
        groups.append((number // magnitude, name))
        number %= magnitude
    parts: list[str] = []
    need_zero = False
    for group, name in groups:
        if group == 0:
            need_zero = bool(parts)
            continue
        # A 亿 group of 10,000 or more is itself written with 万: 一万亿.
        section = _integer_to_chinese(group) if group >= 10_000 else _section_to_chinese(group)
        if parts and (need_zero or group < 1000):
            parts.append("零")
        parts.append(section + name)
        need_zero = False
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text


def _section_to_chinese(number: int) -> str:
    parts: list[str] = []
    pending_zero = False
    for magnitude, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // magnitude
        number %= magnitude
        if digit == 0:
            pending_zero = bool(parts)
            continue
        if pending_zero:
            parts.append("零")
            pending_zero = False
        parts.append(_DIGIT_CHARS[digit] + name)
    return "".join(parts)
