"""Reading YAML strictly and writing it for people."""

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from planwatch.planfile.yamltext import FlowList, YamlSyntaxError, read_yaml, write_yaml


def test_a_syntax_error_gives_the_line():
    with pytest.raises(YamlSyntaxError) as caught:
        read_yaml("name: demo\ntargets:\n  - id: a\n   kind: level\n")
    assert caught.value.line == 4
    assert caught.value.reason.startswith("YAML 语法错误 / syntax error")


def test_a_key_given_twice_is_an_error_at_its_second_place():
    with pytest.raises(YamlSyntaxError) as caught:
        read_yaml("id: a\nvalue: 1\nvalue: 2\n")
    assert caught.value.line == 3
    assert "重复的键 'value'" in caught.value.reason


def test_dates_stay_text_and_a_bare_equals_sign_is_a_comparator():
    assert read_yaml("deadline: 2021-04-30\ncomparator: =\n") == {
        "deadline": "2021-04-30", "comparator": "="}


def test_short_lists_are_written_on_one_line_and_chinese_unescaped():
    text = write_yaml({"title": "绿园区", "span": FlowList([3, 9]), "deadline": "2021-04-30"})
    assert text == "title: 绿园区\nspan: [3, 9]\ndeadline: 2021-04-30\n"


def test_multi_line_text_is_a_literal_block():
    text = write_yaml({"text": "第一行\n第二行"})
    assert text == "text: |-\n  第一行\n  第二行\n"


@given(st.text(max_size=300))
def test_any_text_survives_writing_and_reading_exactly(text):
    assert read_yaml(write_yaml({"text": text})) == {"text": text}


@pytest.mark.parametrize("text", [
    "trailing spaces   \nnext line\n", "\n\nleading and trailing blank lines\n\n\n",
    "  indented first line\n", "windows\r\nline ends\r\n", "no final newline",
])
def test_awkward_documents_survive_exactly(text):
    written = write_yaml({"text": text})
    assert read_yaml(written) == {"text": text}
    assert yaml.safe_load(written) == {"text": text}  # any YAML reader gets the same text
