"""No input crashes the extractor, and a large text is read in bounded memory."""

import tracemalloc
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planwatch.extract import extract_file, extract_targets
from planwatch.extract.extractor import MAX_RESTATEMENTS

PLAN_WORDS = st.sampled_from([
    "到2025年,", "力争", "地区生产总值", "增长", "达到", "6.5%", "左右", "以上", "新建", "8所", "学校",
    "、", ",", "。", "\n", "“", "”", "十四五", "二〇三〇年", "翻番", "清零", "高于全市平均水平", "1/8",
    "个百分点", "分别", "均", "|", "2020年", "〔18〕", "万", "亿元", "第", "(", ")", "鎮(zhèn)", "前十五",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes(text):
    for target in extract_targets(text):
        assert 0 <= target.span[0] <= target.span[1] <= len(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(PLAN_WORDS, max_size=60).map("".join))
def test_plan_like_text_gives_well_formed_targets(text):
    for target in extract_targets(text, reference_year=2024):
        assert text[target.span[0]:target.span[1]] == target.text
        assert target.unit and 0 <= target.confidence <= 1
        assert target.comparator in (">=", "<=", "=", ">", "<", "~")


def _peak_memory(path: Path) -> tuple[int, list]:
    tracemalloc.start()
    try:
        targets = extract_file(path)
        return tracemalloc.get_traced_memory()[1], targets
    finally:
        tracemalloc.stop()


def test_a_large_file_streams_in_bounded_memory(tmp_path):
    # A restated plan: the same paragraphs again and again, so the targets stay few and what
    # is measured is the reading. Memory must not grow with the file.
    paragraph = ("——经济发展取得新成效。到2025年,地区生产总值突破800亿元,年均增长7%左右,"
                 "新建学校8所,城镇登记失业率控制在4%以内。\n")
    small, large = Path(tmp_path) / "small.txt", Path(tmp_path) / "large.txt"
    small.write_text(paragraph * 800, encoding="utf-8")
    large.write_text(paragraph * 4_000, encoding="utf-8")  # 5 times the size, about 0.6 MB
    extract_targets(paragraph)  # load the script table and compile the grammar first
    small_peak, _ = _peak_memory(small)
    large_peak, targets = _peak_memory(large)
    assert len(targets) == 4
    assert len(targets[0].restatements) == MAX_RESTATEMENTS
    assert large_peak < small_peak * 1.2  # flat: a 50 MB file needs no more
    assert large_peak < large.stat().st_size / 2
