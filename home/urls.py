from django.urls import path

from .views import calendar, history, pages

app_name = "home"

urlpatterns = [
    path("", pages.home, name="home"),
    path("start/", pages.start, name="start"),
    path("accessibility/", pages.accessibility, name="accessibility"),
    path("calendar/<str:token>.ics", calendar.calendar_feed, name="calendar_feed"),
    path("history/<str:model_label>/<int:pk>/", history.object_history, name="history"),
]
