"""From a reviewed draft to a stored plan: accepted proposals only, spans into the stored text,
a new plan or an addition to an existing one, all or nothing."""

from __future__ import annotations

import pytest

from planwatch.extract import extract_targets
from planwatch.planfile import PlanFileError
from planwatch.web.intake import drafting
from planwatch.web.intake.models import Decision, Draft, Proposal
from planwatch.web.plans import models as plan_models
from planwatch.web.plans.store import plan_from_db, save_plan
from planwatch.web.work.models import AnnualTarget

pytestmark = pytest.mark.django_db

DOCUMENT = ("青山区“十四五”规划纲要\n"
            "一、经济发展\n"
            "到2025年,地区生产总值突破300亿元,全社会固定资产投资累计完成400亿元。\n"
            "二、民生福祉\n"
            "到2025年,新建10所学校,城镇新增就业累计3万人,登记失业率控制在4%以内。\n"
            "2020年地区生产总值完成200亿元。\n")


@pytest.fixture
def draft() -> Draft:
    row = Draft.objects.create(file_name="青山区规划.txt", text=DOCUMENT)
    Proposal.objects.bulk_create(drafting.proposal_rows(row, extract_targets(DOCUMENT)))
    return row


# Proposals are named by a word of their sentence, not by the extractor's indicator naming.
GDP, INVESTMENT, SCHOOLS, JOBS, UNEMPLOYMENT = "生产总值", "投资", "学校", "就业", "失业率"


def decide(draft: Draft, decisions: dict[str, Decision]) -> dict[str, Proposal]:
    """Set the decision of the proposal whose sentence holds each word; return the proposals
    by those words."""
    chosen = {word: next(p for p in draft.proposals.all() if word in p.text)
              for word in decisions}
    for word, decision in decisions.items():
        chosen[word].decision = decision
        chosen[word].save()
    return chosen


def test_proposals_keep_the_extractors_reading_and_their_place_in_the_text(draft):
    proposals = list(draft.proposals.all())
    assert [word for p in proposals for word in (GDP, INVESTMENT, SCHOOLS, JOBS, UNEMPLOYMENT)
            if word in p.text] == [GDP, INVESTMENT, SCHOOLS, JOBS, UNEMPLOYMENT]
    for proposal in proposals:
        assert DOCUMENT[proposal.span_start:proposal.span_end] == proposal.text
        assert proposal.decision == Decision.PENDING
        assert drafting.edited_fields(proposal) == []
    assert proposals[0].goal == "经济发展"


def test_an_edit_is_listed_and_carried_into_the_target(draft):
    proposal = decide(draft, {SCHOOLS: Decision.PENDING})[SCHOOLS]
    proposal.indicator, proposal.year = "九年一贯制学校", 2026
    assert drafting.edited_fields(proposal) == ["indicator", "year"]
    extracted = drafting.as_extracted(proposal)
    assert (extracted.indicator, extracted.span, extracted.goal) == (
        "九年一贯制学校", (proposal.span_start, proposal.span_end), ["民生福祉"])


def test_a_new_plan_holds_the_accepted_targets_with_spans_into_its_source_text(draft):
    accepted = decide(draft, {GDP: Decision.ACCEPTED, SCHOOLS: Decision.ACCEPTED,
                              UNEMPLOYMENT: Decision.REJECTED})
    row = drafting.accept_as_new_plan(draft, name="qingshan", title="青山区规划",
                                      place="青山区", parent="示例市")
    plan = plan_from_db("qingshan")
    assert [t.text for t in plan.targets] == [accepted[GDP].text, accepted[SCHOOLS].text]
    assert plan.source_text == DOCUMENT
    for target in plan.targets:
        assert plan.source_text[target.span.start:target.span.end] == target.text
    assert [g.title for g in plan.goals] == ["经济发展", "民生福祉"]
    assert (plan.jurisdiction.name, plan.jurisdiction.parent) == ("青山区", "示例市")
    draft.refresh_from_db()
    assert draft.plan == row and draft.accepted_at is not None


def test_a_merged_proposal_is_kept_as_another_sentence_of_its_target(draft):
    proposals = decide(draft, {JOBS: Decision.ACCEPTED, SCHOOLS: Decision.MERGED})
    proposals[SCHOOLS].merged_into = proposals[JOBS]
    proposals[SCHOOLS].save()
    drafting.accept_as_new_plan(draft, name="qingshan", title="青山区规划", place=None,
                                parent=None)
    (target,) = plan_from_db("qingshan").targets
    assert target.text == proposals[JOBS].text
    assert f"另见原文:{proposals[SCHOOLS].text}" in target.note


def test_adding_to_an_existing_plan_appends_the_document_and_moves_the_spans(draft, sample_plan):
    save_plan(sample_plan)
    accepted = decide(draft, {GDP: Decision.ACCEPTED, INVESTMENT: Decision.ACCEPTED})
    drafting.accept_into_plan(draft, plan_models.Plan.objects.get(name="sample"))
    plan = plan_from_db("sample")
    assert plan.source_text == sample_plan.source_text + drafting.DOCUMENT_BREAK + DOCUMENT
    assert plan.targets[:len(sample_plan.targets)] == sample_plan.targets
    added = plan.targets[len(sample_plan.targets):]
    assert [t.id for t in added] == [f"d{draft.pk}-t001", f"d{draft.pk}-t002"]
    for target in added:
        assert plan.source_text[target.span.start:target.span.end] == target.text
        assert target.goal.startswith(f"d{draft.pk}-")
    assert accepted[INVESTMENT].indicator in {i.name for i in plan.indicators}
    assert plan.jurisdiction == sample_plan.jurisdiction


def test_adding_to_a_plan_stores_exactly_the_extended_plan(draft, sample_plan):
    save_plan(sample_plan)
    decide(draft, {GDP: Decision.ACCEPTED, UNEMPLOYMENT: Decision.ACCEPTED})
    addition = drafting.draft_as_plan(draft, name="sample", title=sample_plan.title,
                                      place="示例区", parent="示例市")
    expected = drafting.checked(drafting.extended(sample_plan, addition, f"d{draft.pk}-"))
    drafting.accept_into_plan(draft, plan_models.Plan.objects.get(name="sample"))
    assert plan_from_db("sample") == expected


def test_adding_to_a_plan_leaves_what_hangs_on_its_targets_in_place(draft, sample_plan):
    row = save_plan(sample_plan)
    gdp = row.targets.get(key="gdp-2025")
    decomposition = AnnualTarget.objects.create(target=gdp, year=2021, value=340.0,
                                                method="linear")
    decide(draft, {GDP: Decision.ACCEPTED})
    drafting.accept_into_plan(draft, row)
    assert row.targets.get(key="gdp-2025").pk == gdp.pk
    assert AnnualTarget.objects.get() == decomposition


def test_adding_the_plans_own_document_again_does_not_repeat_the_text(draft):
    decide(draft, {GDP: Decision.ACCEPTED})
    row = drafting.accept_as_new_plan(draft, name="qingshan", title="青山区规划", place=None,
                                      parent=None)
    again = Draft.objects.create(file_name="青山区规划.txt", text=DOCUMENT)
    Proposal.objects.bulk_create(drafting.proposal_rows(again, extract_targets(DOCUMENT)))
    decide(again, {UNEMPLOYMENT: Decision.ACCEPTED})
    drafting.accept_into_plan(again, row)
    plan = plan_from_db("qingshan")
    assert plan.source_text == DOCUMENT
    assert len(plan.targets) == 2
    for target in plan.targets:
        assert DOCUMENT[target.span.start:target.span.end] == target.text


def test_nothing_accepted_is_refused_and_nothing_is_written(draft, row_counts):
    before = row_counts()
    with pytest.raises(drafting.IntakeError, match="没有已接受"):
        drafting.accept_as_new_plan(draft, name="qingshan", title="青山区规划", place=None,
                                    parent=None)
    assert row_counts() == before


def test_a_taken_plan_name_is_refused_and_nothing_is_written(draft, sample_plan, row_counts):
    save_plan(sample_plan)
    decide(draft, {GDP: Decision.ACCEPTED})
    before = row_counts()
    with pytest.raises(drafting.IntakeError, match="sample"):
        drafting.accept_as_new_plan(draft, name="sample", title="x", place=None, parent=None)
    assert row_counts() == before


def test_an_edit_that_breaks_the_plan_rules_is_refused_with_the_rule(draft, row_counts):
    proposal = decide(draft, {GDP: Decision.ACCEPTED})[GDP]
    proposal.period_start = 2030
    proposal.save()
    before = row_counts()
    with pytest.raises(PlanFileError, match="period_start"):
        drafting.accept_as_new_plan(draft, name="qingshan", title="青山区规划", place=None,
                                    parent=None)
    assert row_counts() == before


def test_a_draft_is_accepted_only_once(draft):
    decide(draft, {GDP: Decision.ACCEPTED})
    drafting.accept_as_new_plan(draft, name="qingshan", title="青山区规划", place=None,
                                parent=None)
    with pytest.raises(drafting.IntakeError, match="已经入库"):
        drafting.accept_into_plan(draft, plan_models.Plan.objects.get(name="qingshan"))
