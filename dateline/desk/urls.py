from django.urls import path

from . import views

urlpatterns = [
    path("live/<int:page_id>/", views.live_desk, name="desk_live"),
    path(
        "live/<int:page_id>/updates/<int:update_id>/edit/",
        views.edit_update,
        name="desk_live_update_edit",
    ),
    path(
        "live/<int:page_id>/updates/<int:update_id>/delete/",
        views.delete_update,
        name="desk_live_update_delete",
    ),
    path(
        "live/<int:page_id>/updates/<int:update_id>/pin/",
        views.pin_update,
        name="desk_live_update_pin",
    ),
    path("live/<int:page_id>/coverage/", views.coverage, name="desk_live_coverage"),
    path("terms/suggestions/", views.term_suggestions, name="desk_term_suggestions"),
]
