"""The archive's URLs; the public paths are a contract (docs/architecture.md)."""
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import path

from front import api, compare_views, search_views, views

admin.site.site_header = "أرشيف الدبلوماسية السورية"
admin.site.site_title = "إدارة الأرشيف"
admin.site.index_title = "المحتوى"

urlpatterns = [
    path("healthz", views.health, name="health"),
    path("api/openapi.json", api.openapi, name="openapi"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("admin/", admin.site.urls),
]
# The pages readers see: Arabic at the plain paths, English under /en/, so a bookmark keeps its language.
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("search/facets/<str:facet>/", search_views.facet_list, name="search_facet"),
    path("compare/", compare_views.compare, name="compare"),
    path("articles/<int:article_id>/", views.article_detail, name="article"),
    path("actors/", views.actor_list, name="actors"),
    path("actors/<str:slug>/", views.actor_detail, name="actor"),
    path("cities/", views.city_list, name="cities"),
    path("cities/<str:slug>/", views.city_detail, name="city"),
    prefix_default_language=False,
)

handler400 = "front.views.bad_request"
handler403 = "hardening.views.permission_denied"
handler404 = "front.views.not_found"
handler500 = "front.views.server_error"
