"""Overdue reports become one item per indicator listing its missing periods.

Open 数据逾期未报 items that nobody has acted on yet (no explanation, nothing sent back) are
merged per plan and indicator into the item of their oldest period — highest level, earliest
on the ladder — which keeps its level, deadline and history and now lists every period; the
others are deleted (their rows stay in the history table). Items someone has explained keep
their own period and go on as they were."""

import re
from collections import defaultdict
from datetime import date

from django.db import migrations, models

LEGACY_DATES = re.compile(r"应于\s*(\d{4}-\d{2}-\d{2})\s*前报送,宽限至\s*(\d{4}-\d{2}-\d{2})")


def merge_open_overdue_reports(apps, schema_editor):
    from planwatch.web.work import supervision as S

    Item = apps.get_model("work", "SupervisionItem")
    groups = defaultdict(list)
    for item in Item.objects.filter(rule=S.Rule.OVERDUE_REPORT.value, closed_on__isnull=True,
                                    explained_on__isnull=True, return_reason=""):
        indicator, separator, period = item.subject.removeprefix("report:").rpartition(":")
        if separator:
            groups[(item.plan_id, indicator)].append((item, period))
    for (_, indicator), members in groups.items():
        missing = []
        for item, period in members:
            dates = LEGACY_DATES.search(item.detail)
            due, after = ((date.fromisoformat(dates[1]), date.fromisoformat(dates[2]))
                          if dates else (item.raised_on, item.raised_on))
            missing.append(S.MissingReport(period, due, after))
        missing.sort(key=lambda m: (m.due, m.period))
        keep = min((item for item, _ in members),
                   key=lambda item: (-item.level, item.level_since, item.pk))
        keep.subject = S.overdue_series_subject(indicator)
        keep.title = S.overdue_series_title(indicator, missing)
        keep.detail = S.overdue_series_detail(
            missing, max(item.raised_on for item, _ in members))
        keep.missing_periods = [{"period": m.period, "due": m.due.isoformat(),
                                 "escalate_after": m.escalate_after.isoformat()}
                                for m in missing]
        keep.save()
        Item.objects.filter(pk__in=[item.pk for item, _ in members if item.pk != keep.pk]).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('work', '0004_supervision_return_reason'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalsupervisionitem',
            name='missing_periods',
            field=models.JSONField(blank=True, default=list, help_text='数据逾期未报事项:该指标逾期未报的各报告期及其报送期限,后来逾期的报告期并入同一事项', verbose_name='逾期未报的报告期'),
        ),
        migrations.AddField(
            model_name='supervisionitem',
            name='missing_periods',
            field=models.JSONField(blank=True, default=list, help_text='数据逾期未报事项:该指标逾期未报的各报告期及其报送期限,后来逾期的报告期并入同一事项', verbose_name='逾期未报的报告期'),
        ),
        migrations.RunPython(merge_open_overdue_reports, migrations.RunPython.noop),
    ]
