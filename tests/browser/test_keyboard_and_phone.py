"""The pages as a person uses them: keyboard only, and on a phone-sized screen."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def test_the_first_tab_reaches_the_skip_link_and_it_moves_focus_to_the_content(signed_in_page, site):
    page = signed_in_page()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "跳到正文"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_a_target_is_reached_from_the_overview_with_the_keyboard(signed_in_page, site):
    page = signed_in_page()
    page.goto(site + "/plans/luyuan/")
    for _ in range(150):  # past the date selector, the 预警 list, the bars and the filters
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('tbody') !== null"
                         " && document.activeElement.closest('table.targets') !== null"):
            break
    href = page.evaluate("document.activeElement.getAttribute('href')")
    assert href.startswith("/plans/luyuan/targets/")
    page.keyboard.press("Enter")
    page.wait_for_url(site + href)
    assert page.locator("dl.fields").is_visible()


def test_a_highlighted_span_in_the_document_leads_to_its_target(signed_in_page, site):
    page = signed_in_page()
    page.goto(site + "/plans/luyuan/document/")
    marks = page.locator("article.document mark a")
    assert marks.count() >= 40
    first = marks.first
    href = first.get_attribute("href")
    first.click()
    page.wait_for_url(site + href)


@pytest.mark.parametrize("path", ["/plans/luyuan/", "/plans/luyuan/document/",
                                  "/plans/luyuan/targets/fyp.gdp-growth-vs-city/",
                                  "/plans/luyuan/structure/", "/plans/luyuan/goals/fyp.economy/",
                                  "/plans/luyuan/compare/", "/plans/luyuan/departments/"])
def test_pages_fit_a_phone_screen_without_sideways_scrolling(signed_in_page, site, path):
    page = signed_in_page(PHONE)
    page.goto(site + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
