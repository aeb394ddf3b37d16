"""Who belongs to which department, and the API tokens people hold.

Roles are Django groups (created by this app's migrations, see roles.py); which department a
reporter answers for is a row here, so changing it is data entry, not a code change.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from planwatch.web.plans.models import Department


class DepartmentMembership(models.Model):
    """A person reporting for (or working in) a department."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("用户"),
                             on_delete=models.CASCADE, related_name="department_memberships")
    department = models.ForeignKey(Department, verbose_name=_("部门"), on_delete=models.CASCADE,
                                   related_name="memberships")

    class Meta:
        verbose_name = _("部门成员")
        verbose_name_plural = _("部门成员")
        constraints = [models.UniqueConstraint(fields=["user", "department"],
                                               name="department_membership_once")]
        # The role permissions live on this model because every role is about membership.
        permissions = [
            ("view_all_plans", _("查看全部规划(含未发布)")),
            ("report_own_department", _("报送本部门数据")),
            ("approve_observations", _("审核、退回和导入数据")),
            ("manage_plans", _("管理规划")),
            ("raise_supervision", _("提出督办")),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.department}"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def issue(self, user) -> str:
        """Replace the user's token with a new one and return it (only its digest is kept)."""
        token = secrets.token_urlsafe(32)
        self.update_or_create(user=user, defaults={"digest": _digest(token),
                                                   "created_at": timezone.now()})
        return token

    def user_for(self, token: str):
        """The active user holding this token, or None."""
        found = self.select_related("user").filter(digest=_digest(token)).first()
        if found is None or not found.user.is_active:
            return None
        return found.user


class ApiToken(models.Model):
    """A per-user key for the API. Only a SHA-256 digest is stored, so a stolen database
    does not yield usable tokens."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("用户"),
                                on_delete=models.CASCADE, related_name="api_token")
    digest = models.CharField(_("摘要"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API 令牌")
        verbose_name_plural = _("API 令牌")

    def __str__(self) -> str:
        return f"{self.user} ({self.created_at:%Y-%m-%d})"
