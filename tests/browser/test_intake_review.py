"""A planner turns a Word file into a plan with the keyboard: upload, j/a/r on the review page,
create the plan, and find its targets on the overview."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group

from planwatch.web.intake.models import Decision, Draft

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PARAGRAPHS = ["青山区2024年政府工作报告", "2024年主要预期目标", "地区生产总值增长6%左右。",
              "城镇新增就业5000人以上。", "新建5所幼儿园。", "城镇登记失业率控制在4.5%以内。"]


@pytest.fixture
def planner_page(signed_in_page, django_user_model):
    """The signed-in member of the browser tests, made a planner."""
    django_user_model.objects.get(username="reader").groups.add(Group.objects.get(name="planner"))
    return signed_in_page()


@pytest.fixture
def word_file(tmp_path):
    from docx import Document

    document = Document()
    for paragraph in PARAGRAPHS:
        document.add_paragraph(paragraph)
    path = tmp_path / "青山区政府工作报告.docx"
    document.save(path)
    return path


def focused_card(page) -> str:
    return page.evaluate("document.activeElement.closest('article.proposal')?.id ?? ''")


def press_and_reload(page, key: str) -> None:
    with page.expect_navigation():
        page.keyboard.press(key)
    page.wait_for_function("document.activeElement.matches('article.proposal')")


def test_a_word_file_becomes_a_plan_with_the_keyboard(planner_page, site, word_file):
    page = planner_page
    page.goto(site + "/intake/")
    page.set_input_files("#id_document", str(word_file))
    page.get_by_role("button", name="上传并提取目标").click()
    page.wait_for_url(re.compile(r".*/intake/\d+/$"))
    draft = Draft.objects.get()
    first, second, third, *_ = draft.proposals.all()
    assert page.locator("article.document mark").count() == draft.proposals.count()

    page.keyboard.press("j")
    assert focused_card(page) == first.anchor
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    pointed = page.locator("article.document mark.current")
    assert pointed.inner_text() == first.text and pointed.is_visible()
    press_and_reload(page, "a")
    assert focused_card(page) == second.anchor
    press_and_reload(page, "a")
    assert focused_card(page) == third.anchor
    press_and_reload(page, "r")
    decisions = [p.decision for p in draft.proposals.all()[:3]]
    assert decisions == [Decision.ACCEPTED, Decision.ACCEPTED, Decision.REJECTED]

    page.get_by_role("link", name="并入规划…").click()
    page.fill("#id_name", "qingshan-2024")
    page.get_by_role("button", name="创建规划").click()
    page.wait_for_url(site + "/plans/qingshan-2024/")
    targets = page.locator("a[href^='/plans/qingshan-2024/targets/']")
    assert targets.all_inner_texts() == [first.indicator, second.indicator]
