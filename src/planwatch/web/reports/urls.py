from django.urls import path

from planwatch.web.reports import views

app_name = "reports"

urlpatterns = [
    path("plans/<slug:plan_name>/reports/", views.page, name="page"),
    path("plans/<slug:plan_name>/reports/download/", views.download, name="download"),
    path("plans/<slug:plan_name>/reports/preview/", views.preview, name="preview"),
    path("plans/<slug:plan_name>/reports/narrative/", views.narrative, name="narrative"),
]
