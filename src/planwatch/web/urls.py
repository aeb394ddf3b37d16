"""URL map: the plan pages, sign-in, language switching, the back-office admin and the site
icon browsers ask for at /favicon.ico."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.templatetags.static import static
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic.base import RedirectView

admin.site.site_header = _("planwatch 规划实施监测评估系统 · 后台管理")
admin.site.site_title = _("planwatch 后台管理")
admin.site.index_title = _("数据与账户管理")

urlpatterns = [
    path("", include("planwatch.web.plans.urls")),
    path("intake/", include("planwatch.web.intake.urls")),
    path("", include("planwatch.web.work.urls")),
    path("data/", include("planwatch.web.data.urls")),
    path("api/", include("planwatch.web.api.urls")),
    path("", include("planwatch.web.reports.urls")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    # Browsers fetch /favicon.ico on their own, whatever <link rel="icon"> says.
    path("favicon.ico", RedirectView.as_view(url=static("planwatch/favicon.svg"), permanent=True)),
]
