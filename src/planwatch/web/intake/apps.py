from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "planwatch.web.intake"
    label = "intake"
    verbose_name = "文档导入 / Intake"
