from django.urls import path

from . import views

app_name = "convention"

urlpatterns = [
    path("convention/", views.article_list, name="articles"),
    path("convention/article/<int:number>/", views.article_detail, name="article"),
]
