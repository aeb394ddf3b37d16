"""The WSGI application gunicorn (planwatch serve) runs."""

from planwatch.web.bootstrap import setup_django

setup_django()

from django.core.wsgi import get_wsgi_application  # noqa: E402  (needs the settings above)

application = get_wsgi_application()
