from django.urls import path

from planwatch.web.work import views

app_name = "work"

urlpatterns = [
    path("plans/<slug:plan_name>/work/", views.work_plan, name="plan"),
    path("plans/<slug:plan_name>/work/decomposition/<str:key>/", views.decomposition,
         name="decomposition"),
    path("plans/<slug:plan_name>/work/tasks/<str:key>/", views.task_update, name="task"),
    path("plans/<slug:plan_name>/projects/", views.projects, name="projects"),
    path("plans/<slug:plan_name>/projects/new/", views.project_new, name="project_new"),
    path("plans/<slug:plan_name>/projects/import/", views.projects_upload, name="import"),
    path("plans/<slug:plan_name>/projects/import/confirm/", views.projects_import_confirm,
         name="import_confirm"),
    path("plans/<slug:plan_name>/projects/<str:key>/", views.project_detail, name="project"),
    path("plans/<slug:plan_name>/projects/<str:key>/evidence/<int:pk>/", views.stage_evidence,
         name="stage_evidence"),
    path("plans/<slug:plan_name>/supervision/", views.supervision, name="supervision"),
    path("plans/<slug:plan_name>/supervision/raise/", views.supervision_raise, name="raise"),
    path("plans/<slug:plan_name>/supervision/ranking/", views.ranking, name="ranking"),
    path("plans/<slug:plan_name>/supervision/<int:pk>/", views.item_detail, name="item"),
]
