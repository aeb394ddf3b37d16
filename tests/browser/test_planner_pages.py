"""The planners' pages in a browser: a Word file becomes a plan with the keyboard (upload, j/a/r
on the review page, create the plan, its targets on the overview); a report is previewed on
the Reports page."""

from __future__ import annotations

import io
import re

import pytest
from django.contrib.auth.models import Group, Permission

from planwatch.web.accounts.roles import ROLE_PERMISSIONS, Role
from planwatch.web.intake.models import Decision, Draft

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PARAGRAPHS = ["青山区2024年政府工作报告", "2024年主要预期目标", "地区生产总值增长6%左右。",
              "城镇新增就业5000人以上。", "新建5所幼儿园。", "城镇登记失业率控制在4.5%以内。"]


@pytest.fixture
def planner_page(signed_in_page, django_user_model):
    """The signed-in member of the browser tests, made a planner. The role's group is made
    here as its migration makes it: a transactional test before this one flushed it."""
    planner, _ = Group.objects.get_or_create(name=Role.PLANNER)
    planner.permissions.set(Permission.objects.filter(
        content_type__app_label="accounts", codename__in=ROLE_PERMISSIONS[Role.PLANNER]))
    django_user_model.objects.get(username="reader").groups.add(planner)
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


def test_the_report_preview_shows_the_report_in_the_page(planner_page, site):
    from PIL import Image

    page = planner_page
    page.goto(site + "/plans/luyuan/reports/")
    page.get_by_role("button", name="预览").click()
    frame = page.frame_locator("iframe.report-preview")
    frame.locator("h1").wait_for(timeout=60_000)
    assert "中期评估报告" in frame.locator("h1").inner_text()
    shot = Image.open(io.BytesIO(page.locator("iframe.report-preview").screenshot()))
    darkest, _ = shot.convert("L").getextrema()
    assert darkest < 100  # text was painted, not a blank frame
