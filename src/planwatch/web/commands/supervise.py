"""`planwatch supervise [--today YYYY-MM-DD] [--plan NAME]`: evaluate the supervision rules.

Raises an item for each new finding (target behind, project stalled, task overdue; overdue
reports as one item per indicator, later missing periods joining it) and moves open items up the ladder 提醒 → 预警 → 督办 → 约谈 when their deadline
passed without an explanation. Meant for cron: running it again the same day changes
nothing. --today sets the clock (default: today in the site's time zone).
"""

from __future__ import annotations

import argparse
import sys

from planwatch.cli import iso_date


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--today", type=iso_date, help="以此日为今天 / run as of this day")
    parser.add_argument("--plan", help="只处理这一规划(默认全部)/ only this plan")


def run(args: argparse.Namespace) -> int:
    from planwatch.web.bootstrap import prepare_database

    prepare_database()
    from django.utils import timezone

    from planwatch.web.plans.models import Plan
    from planwatch.web.work.service import supervise

    today = args.today or timezone.localdate()
    plans = Plan.objects.select_related("jurisdiction")
    if args.plan:
        plans = plans.filter(name=args.plan)
        if not plans.exists():
            print(f"--plan: 没有规划 {args.plan}", file=sys.stderr)
            return 2
    for plan in plans:
        result = supervise(plan, today)
        print(f"{plan.name} {today}:新提出 {result.raised} 项,升级 {result.escalated} 项,"
              f"在办 {result.open_items} 项 / raised {result.raised}, escalated "
              f"{result.escalated}, open {result.open_items}")
    return 0
