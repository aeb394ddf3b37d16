from django.urls import path

from planwatch.web.plans import views

app_name = "plans"

urlpatterns = [
    path("", views.home, name="home"),
    path("plans/<slug:plan_name>/", views.overview, name="overview"),
    path("plans/<slug:plan_name>/document/", views.plan_document, name="document"),
    path("plans/<slug:plan_name>/targets/<str:key>/", views.target_detail, name="target"),
]
