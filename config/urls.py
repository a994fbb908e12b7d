"""The archive's URLs; the public paths are a contract (docs/architecture.md)."""
from django.contrib import admin
from django.urls import path

from archive import views
from search import views as search_views

admin.site.site_header = "أرشيف الدبلوماسية السورية"
admin.site.site_title = "إدارة الأرشيف"
admin.site.index_title = "المحتوى"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", search_views.search, name="search"),
    path("articles/<int:article_id>/", views.article_detail, name="article"),
    path("healthz", views.health, name="health"),
    path("admin/", admin.site.urls),
]

handler400 = "archive.views.bad_request"
handler404 = "archive.views.not_found"
handler500 = "archive.views.server_error"
