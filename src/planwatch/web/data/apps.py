from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DataConfig(AppConfig):
    name = "planwatch.web.data"
    label = "data"
    verbose_name = _("监测数据")
