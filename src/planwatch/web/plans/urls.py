from django.urls import path

from planwatch.web.plans import public, views

app_name = "plans"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.health, name="health"),
    path("plans/<slug:plan_name>/", views.overview, name="overview"),
    path("plans/<slug:plan_name>/structure/", views.structure, name="structure"),
    path("plans/<slug:plan_name>/publish/", views.publish, name="publish"),
    path("plans/<slug:plan_name>/document/", views.plan_document, name="document"),
    path("plans/<slug:plan_name>/targets/<str:key>/", views.target_detail, name="target"),
    path("plans/<slug:plan_name>/goals/<str:key>/", views.goal_detail, name="goal"),
    path("plans/<slug:plan_name>/departments/", views.departments, name="departments"),
    path("plans/<slug:plan_name>/departments/<int:department_id>/", views.department_detail,
         name="department"),
    path("plans/<slug:plan_name>/compare/", views.comparison, name="compare"),
    path("public/<slug:plan_name>/", public.plan, name="public"),
    path("public/<slug:plan_name>/targets/<str:key>/", public.target, name="public_target"),
    path("public/<slug:plan_name>/open-data.zip", public.open_data, name="open_data"),
]
