"""The intake pages: upload a document, review the proposals beside it, accept into a plan.

Every decision is a plain form post that redirects back to the review page at the next
proposal still to decide, so the page works without JavaScript; review.js only adds keys.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from planwatch.extract import ExtractionError, extract_targets, read_bytes
from planwatch.planfile import PlanFileError
from planwatch.web.intake import drafting
from planwatch.web.intake.access import planner_required
from planwatch.web.intake.forms import ExistingPlanForm, NewPlanForm, ProposalForm, UploadForm
from planwatch.web.intake.models import Decision, Draft, Proposal
from planwatch.web.plans import document
from planwatch.web.plans.store import PlanStoreError

# The readers' reasons (planwatch.extract.readers), said first in the interface's language;
# the reader's own words follow in brackets, so a reason not listed here still reads.
READER_REASONS = (
    ("the file is empty", gettext_lazy("文件是空的")),
    ("binary data", gettext_lazy("文件是二进制数据或无法识别的编码,不是文本")),
    ("the file holds no text", gettext_lazy("文件中没有文字")),
    ("password-protected or old-format", gettext_lazy("Word 文件有密码保护,或是旧的 .doc 格式")),
    ("the Word file holds no text", gettext_lazy("Word 文件中没有文字")),
    ("damaged Word", gettext_lazy("Word 文件已损坏")),
    ("not a readable Word", gettext_lazy("不是可读取的 Word(.docx)文件")),
    ("the PDF has no text layer", gettext_lazy("PDF 没有文字层(可能是扫描图像)")),
    ("the PDF is password-protected", gettext_lazy("PDF 有密码保护")),
    ("damaged PDF", gettext_lazy("PDF 文件已损坏")),
    ("not a readable PDF", gettext_lazy("不是可读取的 PDF 文件")),
    ("the HTML page has no", gettext_lazy("网页中没有可见的文字")),
    ("not valid", gettext_lazy("文本编码有误")),
)


def explained(reason: str) -> str:
    said = next((str(words) for start, words in READER_REASONS if reason.startswith(start)), None)
    return f"{said}({reason})" if said else reason


@planner_required
def index(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["document"]
        try:
            draft = _draft_from(upload.name, upload.read(), form.cleaned_data["reference_year"],
                                request.user)
        except ExtractionError as error:
            form.add_error("document", _("无法读取 %(name)s:%(reason)s") % {
                "name": upload.name, "reason": explained(error.reason)})
        else:
            return redirect(draft)
    drafts = Draft.objects.select_related("created_by", "plan").annotate(
        proposal_count=Count("proposals"),
        pending_count=Count("proposals", filter=Q(proposals__decision=Decision.PENDING)))
    return render(request, "intake/index.html", {"form": form, "drafts": drafts},
                  status=400 if form.errors else 200)


def _draft_from(name: str, data: bytes, reference_year: int | None, user) -> Draft:
    text = read_bytes(data, name)
    targets = extract_targets(text, reference_year=reference_year)
    if not targets:
        raise ExtractionError(name, _("文档中没有找到量化目标"))
    with transaction.atomic():
        draft = Draft.objects.create(file_name=name, text=text, reference_year=reference_year,
                                     created_by=user)
        Proposal.objects.bulk_create(drafting.proposal_rows(draft, targets))
    return draft


@dataclass
class Card:
    """A proposal on the review page: its form and what the planner changed."""

    proposal: Proposal
    form: ProposalForm
    edited: list[str]  # labels of the fields the planner changed
    merge_candidates: list[Proposal]


@dataclass
class Passage:
    """A piece of the document and the proposal it belongs to, if any."""

    piece: document.Piece
    proposal: Proposal | None


@planner_required
def review(request, draft_id: int, invalid: ProposalForm | None = None):
    draft = get_object_or_404(Draft.objects.select_related("plan"), pk=draft_id)
    proposals = list(draft.proposals.select_related("merged_into"))
    # A restatement is marked as its proposal, under a key of its own so anchors stay unique.
    by_anchor = {p.anchor: p for p in proposals}
    marks = [document.Marked(p.anchor, p.span_start, p.span_end) for p in proposals]
    for proposal in proposals:
        for number, (start, end) in enumerate(proposal.restatements, 1):
            by_anchor[f"{proposal.anchor}-{number}"] = proposal
            marks.append(document.Marked(f"{proposal.anchor}-{number}", start, end))
    passages = [Passage(piece, by_anchor[piece.link.key] if piece.link else None)
                for piece in document.pieces(draft.text, marks)]
    cards = []
    for proposal, candidates in zip(proposals, _merge_candidates(proposals), strict=True):
        form = invalid if invalid and invalid.instance.pk == proposal.pk else ProposalForm(
            instance=proposal)
        cards.append(Card(proposal, form,
                          [form.fields[name].label for name in drafting.edited_fields(proposal)],
                          candidates))
    counts = [(decision, sum(p.decision == decision for p in proposals)) for decision in Decision]
    return render(request, "intake/review.html", {
        "draft": draft, "passages": passages, "cards": cards, "counts": counts,
        "decisions": Decision, "locked": draft.accepted_at is not None,
    }, status=400 if invalid else 200)


def _merge_candidates(proposals: list[Proposal]) -> list[list[Proposal]]:
    """For each proposal, what it may be merged into: its neighbours and the others on the
    same indicator (a target restated elsewhere), not every proposal of a long document."""
    by_indicator: dict[str, list[int]] = defaultdict(list)
    for index, proposal in enumerate(proposals):
        if proposal.decision != Decision.MERGED:
            by_indicator[proposal.indicator].append(index)
    candidates = []
    for index, proposal in enumerate(proposals):
        near = {index - 1, index + 1} & set(range(len(proposals)))
        chosen = sorted(({*by_indicator[proposal.indicator]}
                         | {n for n in near if proposals[n].decision != Decision.MERGED})
                        - {index})
        candidates.append([proposals[n] for n in chosen])
    return candidates


@require_POST
@planner_required
def decide(request, draft_id: int, proposal_id: int):
    proposal = get_object_or_404(Proposal.objects.select_related("draft"), pk=proposal_id,
                                 draft_id=draft_id)
    if proposal.draft.accepted_at is not None:
        return redirect(proposal.draft)
    action = request.POST.get("action")
    if action in ("accept", "save"):
        form = ProposalForm(request.POST, instance=proposal)
        if not form.is_valid():
            return review(request, draft_id, invalid=form)
        proposal = form.save(commit=False)
        if action == "accept":
            proposal.decision, proposal.merged_into = Decision.ACCEPTED, None
        proposal.save()
    elif action == "reject":
        proposal.decision, proposal.merged_into = Decision.REJECTED, None
        proposal.save(update_fields=["decision", "merged_into"])
    elif action == "merge":
        into = proposal.draft.proposals.filter(pk=request.POST.get("merge_into")).exclude(
            pk=proposal.pk).first()
        if into is not None:
            proposal.decision, proposal.merged_into = Decision.MERGED, into
            proposal.save(update_fields=["decision", "merged_into"])
    elif action == "reopen":
        proposal.decision, proposal.merged_into = Decision.PENDING, None
        proposal.save(update_fields=["decision", "merged_into"])
    return HttpResponseRedirect(_review_at(proposal, moved=action != "save"))


def _review_at(proposal: Proposal, *, moved: bool) -> str:
    """The review page at the next proposal to decide (or at this one after an edit)."""
    url = reverse("intake:review", args=[proposal.draft_id])
    if not moved:
        return f"{url}#{proposal.anchor}"
    pending = proposal.draft.proposals.filter(decision=Decision.PENDING)
    following = (pending.filter(order__gt=proposal.order).first()
                 or pending.filter(order__lt=proposal.order).first())
    return f"{url}#{(following or proposal).anchor}"


@planner_required
def accept(request, draft_id: int):
    draft = get_object_or_404(Draft.objects.select_related("plan"), pk=draft_id)
    counts = dict(draft.proposals.values_list("decision").annotate(Count("pk")))
    title = next((line.strip() for line in draft.text.splitlines() if line.strip()), "")[:200]
    into_new = request.POST.get("into") != "existing"
    new_form = NewPlanForm(request.POST if request.method == "POST" and into_new else None,
                           initial={"title": title})
    existing_form = ExistingPlanForm(
        request.POST if request.method == "POST" and not into_new else None)
    failure = None
    if request.method == "POST" and draft.accepted_at is None:
        chosen = new_form if into_new else existing_form
        if chosen.is_valid():
            try:
                if into_new:
                    plan = drafting.accept_as_new_plan(draft, **chosen.cleaned_data)
                else:
                    plan = drafting.accept_into_plan(draft, chosen.cleaned_data["plan"])
            except (drafting.IntakeError, PlanFileError, PlanStoreError) as error:
                failure = str(error)
            else:
                return redirect(plan)
    return render(request, "intake/accept.html", {
        "draft": draft, "new_form": new_form, "existing_form": existing_form,
        "into_new": into_new, "failure": failure,
        "accepted": counts.get(Decision.ACCEPTED, 0), "pending": counts.get(Decision.PENDING, 0),
        "rejected": counts.get(Decision.REJECTED, 0), "merged": counts.get(Decision.MERGED, 0),
    }, status=400 if request.method == "POST" else 200)
