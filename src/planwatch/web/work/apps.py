from django.apps import AppConfig


class WorkConfig(AppConfig):
    name = "planwatch.web.work"
    label = "work"
    verbose_name = "重点工作与项目 / Work"
