"""The place a plan document is about, guessed from its opening.

Chinese text has no spaces, so a place name is found from its end: an administrative suffix
(市, 区, 县, 镇, 新区, 经济技术开发区 …) with the name's core before it. The core is read back
to the nearest boundary — a line start or punctuation, a function word (是, 在, 和 …), or a
larger place (长春市|绿园区) — and kept whole when that is at most three characters away;
otherwise the core has run into the words before it (衔接江津区, 新建成临安区) and only its
last two characters, the common length of county and district names, are kept. Zones and
common nouns that end like a place (城市, 全域旅游示范区, 偏远山区, 超市) are no names.

A name seen only once, in passing, is as likely a verb run into a suffix (有效提升开发区) and is
not guessed. Of the other names, the plan's own place is the one that, in this order:

1. stands in the title (the first line), outside parentheses (which gloss: 开发区(如城街道…));
2. is followed by what only the body that issues or adopts a plan is followed by: its
   government, congress or party committee (人民政府, 第五届人民代表大会, 区委, 第十五次党代会),
   or a plan's name (国民经济和社会发展…, “十四五”, 2023年…, 政府工作报告);
3. has the level the text names for itself without a name (2022年区政府民生实事 → a 区);
4. is named most often; then the earliest.

A place written right before it (长春市绿园区) is its parent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .script import NormalisedLine, normalise

# How much of a document is read: where titles, issuing bodies and the opening paragraphs are.
OPENING = 2000

_LEVELS = (("特别行政区", "province"), ("自治区", "province"), ("省", "province"),
           ("自治州", "city"), ("市", "city"), ("街道", "town"), ("新区", "zone"),
           ("开发区", "zone"), ("高新区", "zone"), ("区", "district"), ("县", "county"),
           ("旗", "county"), ("镇", "town"), ("乡", "town"))

# A development zone's name: the place, a descriptor, the zone word (烟台经济技术开发区).
_ZONE_DESCRIPTOR = "(?:经济技术|高新技术产业|高新技术|经济)?"
_SUFFIX = re.compile(
    rf"(?:特别行政区|自治区|自治州|街道|新区|{_ZONE_DESCRIPTOR}开发区|高新区|省|市|区|县|镇|乡|旗)"
    # Not a suffix when the character starts another word: 市场, 区域, 市民, 区内, 市级, 县长 …
    r"(?![场长民级域内外间]|政(?!府))")
# Words that end a name's core when reading back from its suffix (function words, 全市, 各镇).
_FUNCTION = set("年是的了我在和与及实预计全对将为从等以其这该本期各位于构構建把")
_LEVEL_CHARACTERS = set("省市区县镇乡旗")
# Verbs plans put right before a place's name (全面建成南山区…, 加快推动宝山区…): the name
# starts after them, so a name that ends like a common noun (南山区: 山区) is still read whole.
_VERBS_BEFORE_NAMES = ("建成", "建设", "打造", "推动", "推进", "加快", "支持", "服务", "助力", "融入",
                       "对接", "衔接", "促进", "实现", "带动", "引领", "振兴", "发展", "把", "将", "使", "让")
# Zones and areas inside a place, and common nouns that end in a place suffix.
_GENERIC = re.compile(
    "(?:地区|城区|社区|景区|小区|辖区|片区|街区|校区|城市|都市|城镇|产业园区|工业园区|科技园区|"
    "湾区|示范区|度假区|集聚区|功能区|先行区|启动区|试验区|核心区|保税区|综保区|承载区|新城区|老城区|"
    "生活区|商圈区|港区|矿区|林区|牧区|山区|灾区|库区|棚户区|超市|城乡)$")
_LONGEST_WHOLE_CORE = 3
_SHORT_CORE = 2

# What follows the name of a plan's own place: its bodies, or the name of a plan.
_MARKER = re.compile(
    r"[“\"]?(?:人民政府|人民代表大会|人大|政府|委员会|委(?!托)|党代会|"
    r"第[一二三四五六七八九十\d]+(?:届|次)|国民经济和社会发展|十[一二三四五六七八九十]五|"
    r"(?:19|20)\d\d年|政府工作报告|(?:总体|发展)?规划|计划)")
# The level a text names for itself without a name: 区政府, 县人民政府, 镇党委.
_SELF_LEVEL = re.compile(
    r"(?:(?<![\u4e00-\u9fff])|(?<=年))(省|市|区|县|镇|乡)(?:人民)?(?:政府|党?委)")


@dataclass(frozen=True)
class _Mention:
    name: str  # in the document's own script
    start: int
    end: int
    parent: str | None
    in_title: bool
    in_brackets: bool
    marked: bool


def jurisdiction_level(name: str) -> str:
    for suffix, level in _LEVELS:
        if name.endswith(suffix):
            return level
    return "district"


def guess_place(text: str) -> tuple[str | None, str | None]:
    """The plan's own place and the place written right before it (its parent), or None."""
    line = normalise(text[:OPENING])
    simplified = line.text
    title_end = _title_end(simplified)
    mentions = _mentions(line, title_end)
    self_level = _self_level(simplified)
    by_name: dict[str, list[_Mention]] = {}
    for mention in mentions:
        if not mention.in_brackets and not _is_chain_parent(mention, mentions):
            by_name.setdefault(mention.name, []).append(mention)
    by_name = {name: found for name, found in by_name.items()
               if len(found) > 1 or jurisdiction_level(name) == self_level
               or any(m.in_title or m.marked for m in found)}
    if not by_name:
        return None, None

    def rank(name: str) -> tuple:
        found = by_name[name]
        return (any(m.in_title for m in found), any(m.marked for m in found),
                jurisdiction_level(name) == self_level, len(found), -found[0].start)

    place = max(by_name, key=rank)
    parent = next((m.parent for m in by_name[place] if m.parent), None)
    return place, parent


def _title_end(text: str) -> int:
    """Where the first non-empty line ends."""
    stripped = len(text) - len(text.lstrip())
    newline = text.find("\n", stripped)
    return len(text) if newline < 0 else newline


def _mentions(line: NormalisedLine, title_end: int) -> list[_Mention]:
    text = line.text
    mentions: list[_Mention] = []
    ends: dict[int, str] = {}  # where each name found so far ends → that name
    for suffix in _SUFFIX.finditer(text):
        starts = _core_start(text, suffix.start())
        if starts is None or not _is_name(text, *starts, suffix):
            continue
        core_start = starts[0]
        name = line.original_text(core_start, suffix.end())
        ends[suffix.end()] = name
        mentions.append(_Mention(
            name=name, start=core_start, end=suffix.end(), parent=ends.get(core_start),
            in_title=core_start < title_end, in_brackets=_in_brackets(text, core_start),
            marked=bool(_MARKER.match(text, suffix.end()))))
    return mentions


def _core_start(text: str, suffix_start: int) -> tuple[int, int] | None:
    """Where the name before a suffix starts, and where the run of name-like characters read
    back to its boundary starts (the same, unless the name was cut from a longer run); None
    when there is no name (全区, 各镇).

    The core is kept whole up to three characters after a line start, punctuation or a level
    word (a larger place: 长春市|绿园区), even one character (沛县, 某市某区); from two up to two
    after a function word (是天衢新区, but 建成临安区 is 临安区); a longer run keeps its last two
    characters.
    """
    start = suffix_start
    shortest, longest = 1, _LONGEST_WHOLE_CORE
    while start > 0:
        if start < suffix_start and text.endswith(_VERBS_BEFORE_NAMES, 0, start):
            break  # 建成|南山区, 推动|凤城县: a verb governs the name
        previous = text[start - 1]
        # A level word ends the word before the name: 全市|城乡, 长春市|绿园区.
        if not "\u4e00" <= previous <= "\u9fff" or previous in _LEVEL_CHARACTERS:
            break
        if previous in _FUNCTION:
            shortest = longest = _SHORT_CORE
            break
        start -= 1
    if suffix_start - start > longest:
        return suffix_start - _SHORT_CORE, start
    if suffix_start - start < shortest:
        return None
    return start, start


def _is_name(text: str, core_start: int, run_start: int, suffix: re.Match) -> bool:
    """No rank (国家级开发区), and a run that is not a common noun or a zone inside a place
    (城市, 偏远山区, 全域旅游示范区; but 南山区)."""
    if "级" in text[core_start:suffix.start()]:
        return False
    generic = _GENERIC.search(text, run_start, suffix.end())
    # One character before the word makes a name (南山区, 绿园区); none or more, a noun.
    return generic is None or generic.start() - run_start == 1


def _in_brackets(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    before = text[line_start:position]
    return before.count("(") > before.count(")")


def _is_chain_parent(mention: _Mention, mentions: list[_Mention]) -> bool:
    """A place written right before another (长春市 in 长春市绿园区) is that one's parent."""
    return any(other.start == mention.end and other.parent == mention.name for other in mentions)


def _self_level(text: str) -> str | None:
    """The level the title names for itself; the body's 各乡、镇人民政府 may be addressees."""
    match = _SELF_LEVEL.search(text[:_title_end(text)])
    return jurisdiction_level(match.group(1)) if match else None
