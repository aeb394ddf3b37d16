"""The intake pages as a planner uses them without JavaScript: upload, review, decide, accept."""

from __future__ import annotations

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from planwatch.web.intake import forms
from planwatch.web.intake.models import Decision, Draft
from planwatch.web.plans.models import Plan
from planwatch.web.plans.store import save_plan

pytestmark = pytest.mark.django_db

TEXT = ("白河县2024年政府工作报告\n"
        "2024年主要预期目标:地区生产总值增长6%左右,新增城镇就业5000人以上。\n"
        "<script>alert('x')</script>到2025年,建成5所幼儿园。\n")


def docx_bytes(*paragraphs: str) -> bytes:
    from docx import Document

    document = Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def upload(client, name: str, data: bytes, **fields):
    return client.post(reverse("intake:index"),
                       {"document": SimpleUploadedFile(name, data), **fields})


@pytest.fixture
def draft(admin_client) -> Draft:
    response = upload(admin_client, "report.txt", TEXT.encode("gb18030"))
    assert response.status_code == 302
    return Draft.objects.get()


def fields_of(proposal, **changes) -> dict:
    data = {"indicator": proposal.indicator, "comparator": proposal.comparator,
            "value": proposal.value, "unit": proposal.unit, "kind": proposal.kind,
            "year": proposal.year or "", "period_start": proposal.period_start or "",
            "goal": proposal.goal}
    return {**data, **changes}


def decide(client, proposal, action: str, **data):
    return client.post(reverse("intake:decide", args=[proposal.draft_id, proposal.pk]),
                       {"action": action, **data})


@pytest.mark.parametrize(("name", "data"), [
    ("report.txt", TEXT.encode("gb18030")),
    ("report.txt", TEXT.encode("utf-16")),
    ("report.docx", docx_bytes(*TEXT.splitlines())),
    ("report.html", f"<html><body><h1>白河县</h1><p>{TEXT}</p></body></html>".encode()),
])
def test_an_uploaded_document_becomes_a_draft_with_its_proposals(admin_client, name, data):
    response = upload(admin_client, name, data)
    draft = Draft.objects.get()
    assert response["Location"] == reverse("intake:review", args=[draft.pk])
    assert draft.file_name == name and "地区生产总值" in draft.text
    proposals = list(draft.proposals.all())
    assert len(proposals) >= 3
    for proposal in proposals:
        assert draft.text[proposal.span_start:proposal.span_end] == proposal.text


def test_the_document_year_is_used_for_this_year_phrases(admin_client):
    upload(admin_client, "plan.txt", "今年地区生产总值增长6%。".encode(), reference_year=2026)
    assert Draft.objects.get().proposals.get().year == 2026


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("empty.txt", b"", "无法读取 empty.txt:文件是空的(the file is empty)"),
    ("binary.txt", bytes(range(256)) * 40, "不是文本"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "不是可读取的 Word(.docx)文件"),
    ("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "密码保护"),
    ("scan.pdf", b"%PDF-1.4\n%%EOF", "无法读取 scan.pdf:"),
    ("slides.pptx", b"PK\x03\x04", "只接受 txt、docx、pdf、html"),
    ("news.txt", "今天天气很好。".encode(), "没有找到量化目标"),
])
def test_an_unreadable_document_is_refused_in_one_line_and_nothing_is_stored(
        admin_client, name, data, reason):
    response = upload(admin_client, name, data)
    assert response.status_code == 400
    errors = re.findall(r'class="error" role="alert">([^<]*)<', response.content.decode())
    assert len(errors) == 1 and reason in errors[0]
    assert not Draft.objects.exists()


def test_a_document_over_the_size_limit_is_refused(admin_client, monkeypatch):
    monkeypatch.setattr(forms, "MAX_UPLOAD_BYTES", 100)
    response = upload(admin_client, "big.txt", TEXT.encode())
    assert response.status_code == 400 and "超过 20 MB" in response.content.decode()
    assert not Draft.objects.exists()


def test_the_review_page_shows_the_escaped_document_with_each_proposal_highlighted(
        admin_client, draft):
    page = admin_client.get(reverse("intake:review", args=[draft.pk])).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    for proposal in draft.proposals.all():
        assert f'<span id="s-{proposal.anchor}"></span>' in page
        assert f'<a href="#{proposal.anchor}">' in page
        assert f'id="{proposal.anchor}" tabindex="-1"' in page
    assert page.count('data-key="a"') == draft.proposals.count()


def test_accepting_saves_the_edits_and_moves_on_to_the_next_proposal(admin_client, draft):
    first, second, *_ = draft.proposals.all()
    response = decide(admin_client, first, "accept", **fields_of(first, indicator="GDP增速"))
    assert response.status_code == 302
    assert response["Location"].endswith(f"#{second.anchor}")
    first.refresh_from_db()
    assert (first.decision, first.indicator) == (Decision.ACCEPTED, "GDP增速")
    page = admin_client.get(reverse("intake:review", args=[draft.pk])).content.decode()
    assert "已修改:指标" in page


def test_rejecting_needs_no_fields_and_reopening_undoes_it(admin_client, draft):
    proposal = draft.proposals.first()
    decide(admin_client, proposal, "reject")
    proposal.refresh_from_db()
    assert proposal.decision == Decision.REJECTED
    decide(admin_client, proposal, "reopen")
    proposal.refresh_from_db()
    assert proposal.decision == Decision.PENDING


def test_saving_an_edit_keeps_the_decision_and_stays_on_the_proposal(admin_client, draft):
    proposal = draft.proposals.first()
    response = decide(admin_client, proposal, "save", **fields_of(proposal, unit="%"))
    assert response["Location"].endswith(f"#{proposal.anchor}")
    proposal.refresh_from_db()
    assert (proposal.decision, proposal.unit) == (Decision.PENDING, "%")


def test_an_invalid_edit_is_shown_on_its_proposal_and_not_stored(admin_client, draft):
    proposal = draft.proposals.first()
    response = decide(admin_client, proposal, "accept",
                      **fields_of(proposal, value="", year=2024, period_start=2030))
    assert response.status_code == 400
    page = response.content.decode()
    assert "起始年份不能晚于目标年份" in page and "这个字段是必填项" in page
    proposal.refresh_from_db()
    assert proposal.decision == Decision.PENDING and proposal.value is not None


def test_merging_points_a_proposal_at_another(admin_client, draft):
    first, second, *_ = draft.proposals.all()
    decide(admin_client, second, "merge", merge_into=first.pk)
    second.refresh_from_db()
    assert (second.decision, second.merged_into) == (Decision.MERGED, first)


def test_accepting_into_a_new_plan_shows_its_targets_on_the_overview(admin_client, draft):
    proposals = list(draft.proposals.all())
    for proposal in proposals[:2]:
        decide(admin_client, proposal, "accept", **fields_of(proposal))
    decide(admin_client, proposals[2], "reject")
    response = admin_client.post(reverse("intake:accept", args=[draft.pk]), {
        "into": "new", "name": "baihe-2024", "title": "白河县2024年政府工作报告",
        "place": "白河县", "parent": ""})
    assert response["Location"] == reverse("plans:overview", args=["baihe-2024"])
    plan = Plan.objects.get(name="baihe-2024")
    assert [t.text for t in plan.targets.all()] == [p.text for p in proposals[:2]]
    overview = admin_client.get(response["Location"]).content.decode()
    assert all(p.indicator in overview for p in proposals[:2])
    review = admin_client.get(reverse("intake:review", args=[draft.pk])).content.decode()
    assert "<fieldset disabled>" in review


def test_accepting_into_an_existing_plan(admin_client, draft, sample_plan):
    save_plan(sample_plan)
    proposal = draft.proposals.first()
    decide(admin_client, proposal, "accept", **fields_of(proposal))
    response = admin_client.post(reverse("intake:accept", args=[draft.pk]),
                                 {"into": "existing", "plan": "sample"})
    assert response["Location"] == reverse("plans:overview", args=["sample"])
    plan = Plan.objects.get(name="sample")
    assert plan.targets.count() == len(sample_plan.targets) + 1
    assert plan.source_text.endswith(draft.text)


@pytest.mark.parametrize(("data", "message"), [
    ({"into": "new", "name": "Bad Name", "title": "x"}, "只能用小写字母"),
    ({"into": "new", "name": "sample", "title": "x"}, "已有名为 sample 的规划"),
])
def test_a_bad_plan_choice_is_explained_and_nothing_is_stored(admin_client, draft, sample_plan,
                                                             data, message):
    save_plan(sample_plan)
    proposal = draft.proposals.first()
    decide(admin_client, proposal, "accept", **fields_of(proposal))
    response = admin_client.post(reverse("intake:accept", args=[draft.pk]), data)
    assert response.status_code == 400 and message in response.content.decode()
    assert Plan.objects.count() == 1
    draft.refresh_from_db()
    assert draft.accepted_at is None


def test_a_draft_can_be_taken_up_again_from_the_list(admin_client, draft):
    decide(admin_client, draft.proposals.first(), "reject")
    page = admin_client.get(reverse("intake:index")).content.decode()
    assert reverse("intake:review", args=[draft.pk]) in page
    assert "report.txt" in page and "审核中" in page


def test_the_review_page_costs_the_same_few_queries_however_many_proposals(
        admin_client, django_assert_max_num_queries):
    lines = [f"到2025年,第{n}产业园区产值突破{n * 10}亿元。" for n in range(1, 61)]
    upload(admin_client, "long.txt", "\n".join(lines).encode())
    draft = Draft.objects.get()
    first, *others = draft.proposals.all()[:21]
    for other in others:
        decide(admin_client, other, "merge", merge_into=first.pk)
    assert draft.proposals.count() == 60
    with django_assert_max_num_queries(8):
        assert admin_client.get(reverse("intake:review", args=[draft.pk])).status_code == 200


def test_a_proposal_may_be_merged_into_its_neighbours_and_restatements_only(admin_client):
    lines = ["地区生产总值突破300亿元", "新建10所学校", "城镇新增就业累计3万人", "登记失业率控制在4%以内",
             "服务业增加值达到150亿元"]
    upload(admin_client, "plan.txt", "".join(f"到2025年,{line}。\n" for line in lines).encode())
    gdp, schools, jobs, unemployment, restated = Draft.objects.get().proposals.all()
    restated.indicator = gdp.indicator
    restated.save()
    cards = admin_client.get(reverse("intake:review", args=[gdp.draft_id])).context["cards"]
    candidates = {card.proposal.pk: [p.pk for p in card.merge_candidates] for card in cards}
    assert candidates[gdp.pk] == [schools.pk, restated.pk]
    assert candidates[jobs.pk] == [schools.pk, unemployment.pk]
    assert candidates[restated.pk] == [gdp.pk, unemployment.pk]


def test_a_target_the_document_states_twice_shows_both_sentences_and_keeps_them(admin_client):
    text = ("白河县2024年政府工作报告\n主要预期目标:地区生产总值增长6%左右。\n"
            "一、稳增长\n全年地区生产总值增长6%左右,新建学校3所。\n")
    upload(admin_client, "report.txt", text.encode(), reference_year=2024)
    gdp = Draft.objects.get().proposals.first()
    (restated,) = gdp.restated_texts()
    assert "地区生产总值增长6%左右" in restated and gdp.restatements[0][0] != gdp.span_start
    page = admin_client.get(reverse("intake:review", args=[gdp.draft_id])).content.decode()
    assert page.count(f'<a href="#{gdp.anchor}">') == 2
    assert f'<span id="s-{gdp.anchor}-1"></span>' in page
    decide(admin_client, gdp, "accept", **fields_of(gdp))
    admin_client.post(reverse("intake:accept", args=[gdp.draft_id]),
                      {"into": "new", "name": "baihe", "title": "白河县"})
    note = Plan.objects.get(name="baihe").targets.get().note
    assert note.endswith(f"另见原文:{restated}")
