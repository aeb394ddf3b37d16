from django.urls import path

from planwatch.web.data import upload_views, views

app_name = "data"

urlpatterns = [
    path("", views.reporting_home, name="home"),
    path("departments/<int:department_id>/", views.department, name="department"),
    path("departments/<int:department_id>/report/", views.report, name="report"),
    path("departments/<int:department_id>/template.xlsx", views.template, name="template"),
    path("departments/<int:department_id>/upload/", upload_views.upload,
         name="department_upload"),
    path("review/", views.review, name="review"),
    path("submissions/<int:pk>/decide/", views.decide, name="decide"),
    path("evidence/<int:pk>/", views.evidence, name="evidence"),
    path("import/", views.import_page, name="import"),
    path("export/", views.export, name="export"),
    path("api-token/", views.api_token, name="api_token"),
    path("history/<str:kind>/<int:pk>/", views.history, name="history"),
]
