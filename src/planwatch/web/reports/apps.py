from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "planwatch.web.reports"
    label = "reports"
    verbose_name = _("评估报告")
