"""`planwatch demo`: set up the Lüyuan demonstration and serve it.

The first run creates PLANWATCH_HOME, migrates the database, loads the packaged Lüyuan plan
with its published figures and its generated (illustrative) series, and creates an `admin`
account whose random password is printed once. Later runs find all of it and change nothing.
"""

from __future__ import annotations

import argparse
import secrets
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from planwatch.web.commands import serve as serve_command

ADMIN_USERNAME = "admin"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    serve_command.add_arguments(parser)
    parser.add_argument("--no-serve", action="store_true",
                        help="只建立演示数据,不启动服务 / set up the data only, do not serve")


def set_up_demo(out: TextIO, plan_path: Path, observation_paths: Sequence[Path]) -> None:
    """Load a plan and its observation files if the plan is absent (in one transaction),
    and make sure the admin account exists."""
    from django.db import transaction

    from planwatch.domain.observation_csv import read_observations
    from planwatch.planfile import load_plan
    from planwatch.web.accounts.demo_accounts import ensure_demo_accounts
    from planwatch.web.data.store import save_observations
    from planwatch.web.plans.demo import dated_as_published, set_up_dashboard_demo
    from planwatch.web.plans.models import Plan
    from planwatch.web.plans.store import save_plan
    from planwatch.web.work.store import load_work_beside

    plan = load_plan(plan_path)
    with transaction.atomic():
        if Plan.objects.filter(name=plan.name).exists():
            print(f"规划 {plan.name} 已在数据库中,沿用 / plan {plan.name} already stored, "
                  "reusing it", file=out)
        else:
            row = save_plan(plan)
            load_work_beside(row, plan_path, out)
            observations = dated_as_published(observation for path in observation_paths
                                              for observation in read_observations(path))
            added = save_observations(observations, recorded_by="planwatch demo")
            print(f"已载入规划 {plan.name}:{len(plan.targets)} 项目标,{added} 条监测数据"
                  f" / loaded plan {plan.name} and {added} observations", file=out)
            set_up_dashboard_demo(row, out)
    _ensure_admin(out)
    ensure_demo_accounts(out)


def _ensure_admin(out: TextIO) -> None:
    from django.contrib.auth import get_user_model

    users = get_user_model()
    if users.objects.filter(username=ADMIN_USERNAME).exists():
        print(f"管理员账户 {ADMIN_USERNAME} 已存在,密码未改变 / account {ADMIN_USERNAME} "
              "exists, password unchanged", file=out)
        return
    password = secrets.token_urlsafe(12)
    users.objects.create_superuser(ADMIN_USERNAME, email="", password=password)
    print(f"已创建管理员账户 {ADMIN_USERNAME},密码(只显示这一次):{password}\n"
          f"created account {ADMIN_USERNAME}; password (shown only this once): {password}",
          file=out)


def run(args: argparse.Namespace) -> int:
    serve_command.allow_host(args.host)
    from planwatch.samples import luyuan
    from planwatch.web.bootstrap import prepare_database
    from planwatch.web.home import planwatch_home

    prepare_database()
    print(f"数据目录 / PLANWATCH_HOME: {planwatch_home()}")
    set_up_demo(sys.stdout, luyuan.PLAN_PATH,
                [luyuan.OBSERVATIONS_PATH, luyuan.ILLUSTRATIVE_OBSERVATIONS_PATH])
    if args.no_serve:
        return 0
    return serve_command.serve(args.host, args.port, args.workers)
