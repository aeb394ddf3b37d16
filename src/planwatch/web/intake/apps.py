from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    name = "planwatch.web.intake"
    label = "intake"
    verbose_name = _("文档导入")
