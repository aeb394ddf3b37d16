"""The demo's illustrative accounts: one per role, so each view of the system can be tried.

Passwords are random and printed once; a second run leaves existing accounts alone. Each
has an example.org address (a reserved domain: nothing is delivered), so `planwatch remind`
shows a real mail on the console backend. The two
reporters belong to the plan's 教育局 and 财政局 (matched by name), the departments the
permission tests use too.
"""

from __future__ import annotations

import secrets
from typing import TextIO

from planwatch.web.accounts.roles import ROLE_LABELS, Role, role_group

# username, role, the department name's distinctive part (reporters only)
DEMO_ACCOUNTS = (("planner", Role.PLANNER, None),
                 ("edu-reporter", Role.REPORTER, "教育局"),
                 ("finance-reporter", Role.REPORTER, "财政局"),
                 ("supervisor", Role.SUPERVISOR, None),
                 ("leader", Role.LEADER, None))


def ensure_demo_accounts(out: TextIO) -> None:
    from django.contrib.auth import get_user_model

    from planwatch.web.accounts.models import DepartmentMembership
    from planwatch.web.plans.models import Department

    users = get_user_model()
    for username, role, department_part in DEMO_ACCOUNTS:
        label = ROLE_LABELS[role]
        if users.objects.filter(username=username).exists():
            print(f"示例账户 {username}({label})已存在,密码未改变 / account {username} "
                  "exists, password unchanged", file=out)
            continue
        department = None
        if department_part is not None:
            department = Department.objects.filter(name__contains=department_part).first()
            if department is None:
                print(f"没有名称含“{department_part}”的部门,未创建 {username} / no such "
                      f"department, {username} not created", file=out)
                continue
        password = secrets.token_urlsafe(12)
        user = users.objects.create_user(username, email=f"{username}@example.org",
                                         password=password)
        user.groups.add(role_group(role))
        if department is not None:
            DepartmentMembership.objects.create(user=user, department=department)
            label += f",{department.name}"
        print(f"已创建示例账户 {username}({label}),密码(只显示这一次):{password}\n"
              f"created demo account {username} ({role.value}); password (shown only this "
              f"once): {password}", file=out)
