from django.urls import path

from planwatch.web.intake import views

app_name = "intake"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:draft_id>/", views.review, name="review"),
    path("<int:draft_id>/proposals/<int:proposal_id>/", views.decide, name="decide"),
    path("<int:draft_id>/accept/", views.accept, name="accept"),
]
