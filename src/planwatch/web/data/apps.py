from django.apps import AppConfig


class DataConfig(AppConfig):
    name = "planwatch.web.data"
    label = "data"
    verbose_name = "监测数据 / Data"
