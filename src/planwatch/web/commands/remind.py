"""`planwatch remind [--today DATE]`: mail each department what it owes (run it from cron).

Mail goes through Django's email backend — the console unless PLANWATCH_EMAIL_BACKEND names
another — and every reminder is recorded (后台 → 催报记录). Items past their grace period are
raised on the supervision list. Running it twice on one day sends nothing new.
"""

from __future__ import annotations

import argparse
import sys

from planwatch.cli import iso_date


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--today", type=iso_date,
                        help="按该日计算(默认今天)/ the day to act as")


def run(args: argparse.Namespace) -> int:
    from planwatch.web.bootstrap import prepare_database

    prepare_database()
    from planwatch.web.data.reminders import send_reminders

    outcome = send_reminders(args.today)
    for reminder in outcome.reminders:
        to = ", ".join(reminder.recipients) or "(部门没有登记邮箱的成员,仅记录)"
        print(f"{reminder.department.name}: 待报 {reminder.due_count},逾期 "
              f"{reminder.overdue_count} → {to}", file=sys.stderr)
    mailed, recorded = len(outcome.mailed), len(outcome.recorded_only)
    print(f"已发送 {mailed} 封催报邮件,{recorded} 个部门没有登记邮箱、仅记录,新增督办 "
          f"{outcome.raised} 项 / mailed {mailed} reminders, recorded {recorded} without a "
          f"mail (no member has an address), raised {outcome.raised} supervision items")
    return 0
