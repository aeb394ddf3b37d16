"""With English chosen, no page shows a Chinese interface string: every label, heading,
button, message and form error is translated. What stays Chinese is the plan's own data —
its texts and names, the figures' units and sources, what people typed — which the check
takes from the database, not from a list of allowed labels.

The demo (the Lüyuan plan, its work plan, figures, published page and one account per role)
is crawled as each role: every page linked from the pages it can open, within the site.
"""

from __future__ import annotations

import io
import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.test import Client
from django.utils import timezone

from planwatch.samples import luyuan
from planwatch.web.accounts.models import DepartmentMembership
from planwatch.web.commands.demo import set_up_demo
from planwatch.web.data import reporting
from planwatch.web.plans.models import Plan
from planwatch.web.work import service

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Attributes that people read or hear: tooltips, screen-reader labels, placeholders.
READ_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
# Pages not crawled: downloads, actions, and the document readers' own text.
NOT_PAGES = re.compile(r"/(logout|i18n|static|api|export|open-data\.zip|template\.xlsx|"
                       r"download|preview|evidence)/?|\.(xlsx|csv|zip|json)$")
ROLES = ("admin", "planner", "edu-reporter", "finance-reporter", "supervisor", "leader")
MOST_PAGES = 80  # per role: enough to reach every kind of page once


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class _Text(HTMLParser):
    """The text a person sees or hears on a page: text nodes outside script and style, and
    the readable attributes — except inside an element that declares itself Chinese
    (lang="zh-…"): the language switcher's 简体中文, and text the evaluation engine writes
    only in Chinese."""

    def __init__(self):
        super().__init__()
        self.pieces: list[str] = []
        self.links: list[str] = []
        self._open: list[tuple[str, bool]] = []  # (tag, hidden from this check)

    def _hidden(self) -> bool:
        return any(hidden for _, hidden in self._open)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        hidden = tag in ("script", "style") or (values.get("lang") or "").startswith("zh")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])
        if not (hidden or self._hidden()):
            self.pieces.extend(values[name] for name in READ_ATTRIBUTES if values.get(name))
            if tag in ("input", "button") and values.get("type") in ("submit", "button") \
                    and values.get("value"):
                self.pieces.append(values["value"])
        if tag not in VOID:
            self._open.append((tag, hidden))

    def handle_endtag(self, tag):
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                break

    def handle_data(self, data):
        if not self._hidden() and data.strip():
            self.pieces.append(data.strip())


def data_strings() -> list[str]:
    """Every text value stored in our models (plan texts, names, units, sources, notes, …),
    longest first: on a page these are data, whatever the language."""
    found: set[str] = set()
    for model in apps.get_models():
        # Our models, and auth's: permission names are written into the database, in Chinese,
        # when the tables are made.
        if not model.__module__.startswith(("planwatch.", "django.contrib.auth.")):
            continue
        fields = [f.name for f in model._meta.concrete_fields
                  if isinstance(f, (models.CharField, models.TextField, models.JSONField))]
        for row in model._default_manager.values_list(*fields) if fields else []:
            for value in row:
                found.update(_strings(value))
    return sorted((s for s in found if CJK.search(s)), key=len, reverse=True)


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] + [line.strip() for line in value.splitlines()]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def chinese_left(piece: str, data: list[str], long_texts: list[str]) -> str:
    """What of a piece of page text is Chinese and not data."""
    if len(piece) >= 6 and any(piece in text for text in long_texts):
        return ""  # a stretch of a stored document (the plan's text beside its highlights)
    for value in data:
        if value == piece:
            return ""
        if len(value) == 1:  # a unit such as 个 or 项: data only right after a number
            piece = re.sub(rf"(?<=[\d\s]){re.escape(value)}", " ", piece)
        elif value in piece:
            piece = piece.replace(value, " ")
    return piece if CJK.search(piece) else ""


def crawl(browser: Client, start: list[str], data, long_texts) -> dict[str, list[str]]:
    queue, seen, found, read = deque(start), set(start), {}, 0
    while queue and read < MOST_PAGES:
        url = queue.popleft()
        read += 1
        response = browser.get(url, follow=True)
        if response.status_code >= 500:
            found[url] = [f"status {response.status_code}"]
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        page = _Text()
        page.feed(response.content.decode())
        left = [text for piece in page.pieces if (text := chinese_left(piece, data, long_texts))]
        if left:
            found[url] = left
        for href in page.links:
            target = urlsplit(urljoin(url, href))
            if target.netloc or NOT_PAGES.search(target.path):
                continue
            link = target.path + (f"?{target.query}" if target.query else "")
            if _kind(link) not in {_kind(s) for s in seen}:
                seen.add(link)
                queue.append(link)
    return found


def _kind(url: str) -> str:
    """A page's kind: its path with the ids and keys taken out (one target page stands for
    all 80)."""
    return "/".join("*" if re.search(r"[\d.%-]|[\u3400-\u9fff]", part) else part
                    for part in urlsplit(url).path.split("/"))


def a_month_of_use() -> None:
    """What use leaves behind for the pages to show: a figure submitted with evidence and one
    returned, the supervision list, a plan document's draft."""
    users = get_user_model().objects
    reporter = users.get(username="finance-reporter")
    department = DepartmentMembership.objects.get(user=reporter).department
    items = reporting.department_items(department, timezone.localdate())
    submitted, returned = (reporting.save_entry(reporter, reporting.Entry(
        item.indicator, item.period.label, "level", "12.5", item.indicator.unit, "快报数",
        0), submit=True) for item in items[:2])
    reporting.attach_evidence(reporter, submitted, "快报.pdf", b"%PDF-1.7 ...")
    reporting.return_submission(users.get(username="planner"), returned, returned.version,
                                "口径不符")
    service.supervise(Plan.objects.get(name="luyuan"), timezone.localdate())
    planner = Client()
    planner.force_login(users.get(username="planner"))
    document = io.BytesIO("到2025年，全区地区生产总值达到500亿元。".encode())
    document.name = "规划.txt"
    assert planner.post("/intake/", {"document": document}).status_code == 302


def test_no_chinese_interface_string_is_left_on_any_page_in_english(planwatch_home):
    set_up_demo(io.StringIO(), luyuan.PLAN_PATH,
                [luyuan.OBSERVATIONS_PATH, luyuan.ILLUSTRATIVE_OBSERVATIONS_PATH])
    a_month_of_use()
    data = data_strings()
    long_texts = [s for s in data if len(s) >= 20]
    found = {}
    anonymous = Client()
    anonymous.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    found.update(crawl(anonymous, ["/accounts/login/", "/public/luyuan/"], data, long_texts))
    for username in ROLES:
        browser = Client()
        browser.force_login(get_user_model().objects.get(username=username))
        browser.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        start = ["/", "/plans/luyuan/", "/data/", "/plans/luyuan/work/", "/intake/",
                 "/admin/"]
        for url, left in crawl(browser, start, data, long_texts).items():
            found[f"{username} {url}"] = left
    assert not found, "Chinese left on pages in English:\n" + "\n".join(
        f"{url}: {' | '.join(dict.fromkeys(left))}" for url, left in found.items())
