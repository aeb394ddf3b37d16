from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkConfig(AppConfig):
    name = "planwatch.web.work"
    label = "work"
    verbose_name = _("重点工作与项目")
