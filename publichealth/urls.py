from django.urls import path

from . import views

app_name = "publichealth"

urlpatterns = [
    path("public-health/", views.target_area_list, name="target_areas"),
    path("public-health/target-area/<int:number>/", views.target_area_detail, name="target_area"),
]
