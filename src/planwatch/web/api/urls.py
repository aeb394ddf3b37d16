from planwatch.web.api.api import api

# ninja's API object gives (patterns, app name, namespace); this module is included by
# name from planwatch.web.urls, so it names the namespace itself.
urlpatterns = api.urls[0]
app_name = "api"
