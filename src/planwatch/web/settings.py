"""Django settings for planwatch.

Configuration comes from the environment, never from the repository:
- PLANWATCH_HOME: the data directory (default ~/.local/share/planwatch); the SQLite database
  and the generated secret key live there.
- DATABASE_URL: postgresql://… switches from the embedded SQLite database to PostgreSQL.
- PLANWATCH_SECRET_KEY: overrides the key stored in PLANWATCH_HOME/secret_key.
- PLANWATCH_ALLOWED_HOSTS: extra host names, comma separated; PLANWATCH_DEBUG=1 for debugging;
  PLANWATCH_HTTPS=1 behind TLS (secure cookies).
- PLANWATCH_MAX_REQUEST_MB: the largest request body accepted, in MB (default 201).

Importing these settings writes nothing: the CLI bootstrap creates the home and its key first.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from planwatch.web.home import DATABASE_FILE, planwatch_home, stored_secret_key

WEB_DIR = Path(__file__).resolve().parent
PLANWATCH_HOME = planwatch_home()


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def _megabytes(name: str, *, default: float) -> int:
    """A size given in MB in the environment, as bytes."""
    text = os.environ.get(name, "").strip() or str(default)
    try:
        size = float(text)
    except ValueError:
        size = 0
    if not 0 < size < float("inf"):
        raise ImproperlyConfigured(f"{name}={text!r}: 应为正数(单位 MB) / must be a positive "
                                   "number of megabytes")
    return int(size * 2**20)


# A process that did not go through the CLI bootstrap (the test suite, a one-off shell) gets a
# key of its own for its lifetime rather than writing one into a home it was not asked to use.
SECRET_KEY = (os.environ.get("PLANWATCH_SECRET_KEY") or stored_secret_key()
              or secrets.token_urlsafe(50))
DEBUG = _flag("PLANWATCH_DEBUG")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"] + [
    host.strip() for host in os.environ.get("PLANWATCH_ALLOWED_HOSTS", "").split(",")
    if host.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "simple_history",
    "axes",
    # django-ninja's own app: with it, /api/docs serves Swagger UI from our static files
    # instead of a CDN (the app must make no request outside the machine).
    "ninja",
    "planwatch.web.accounts",
    "planwatch.web.plans",
    "planwatch.web.data",
    "planwatch.web.work",
    "planwatch.web.intake",
    "planwatch.web.reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "planwatch.web.middleware.ChosenLanguageMiddleware",
    # Before anything reads request.POST (CSRF), and after the language is chosen for its page.
    "planwatch.web.middleware.RequestBodyLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes must come last: it inspects the outcome of authentication for lockouts.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "planwatch.web.urls"
WSGI_APPLICATION = "planwatch.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{PLANWATCH_HOME / DATABASE_FILE}", conn_max_age=60),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # With parameters inlined by the client (Django's default) PostgreSQL plans every query
    # afresh. Bound on the server and prepared after a few runs on a connection, a query run
    # again and again — the one that serves a cached page — keeps its plan. A pooler in
    # transaction mode that cannot keep prepared statements (pgbouncer before 1.21, or without
    # max_prepared_statements) needs PLANWATCH_DB_PREPARED=0.
    DATABASES["default"].setdefault("OPTIONS", {})["server_side_binding"] = True
    if os.environ.get("PLANWATCH_DB_PREPARED", "").strip().lower() not in {"0", "false", "no",
                                                                          "off"}:
        DATABASES["default"]["OPTIONS"]["prepare_threshold"] = 5  # psycopg's own default

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "plans:home"
LOGOUT_REDIRECT_URL = "login"

# Five wrong passwords lock the account-and-address pair for an hour.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Said in the site's frame and language, not as django-axes' bare English line.
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

SESSION_COOKIE_AGE = 8 * 60 * 60  # one working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = _flag("PLANWATCH_HTTPS")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Uploads. A request whose body is larger than MAX_REQUEST_BYTES is refused with 413 before it
# is read (middleware.RequestBodyLimitMiddleware). The default fits the largest upload we take,
# a 200 MB observations import, with room for the form around it; each upload form then
# checks its own smaller limit and the file's type. Files above FILE_UPLOAD_MAX_MEMORY_SIZE
# go to a temporary file rather than memory; form fields and API bodies (everything but
# files) may not exceed DATA_UPLOAD_MAX_MEMORY_SIZE; a report takes at most
# DATA_UPLOAD_MAX_NUMBER_FILES attachments.
MAX_REQUEST_BYTES = _megabytes("PLANWATCH_MAX_REQUEST_MB", default=201)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 2**20
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 2**20
DATA_UPLOAD_MAX_NUMBER_FILES = 10
# Operators read the server's standard error: every unhandled exception is written there
# with its traceback (Django's default only mails it to ADMINS when DEBUG is off), and
# warnings such as a refused CSRF token; a refused permission (403, 404) is not an error.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"server": {"format": "{asctime} {levelname} {name}: {message}",
                              "style": "{"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "server"}},
    "loggers": {
        "django.request": {"handlers": ["stderr"], "level": "ERROR", "propagate": False},
        "django.security": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
        "planwatch": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
    },
}
EMAIL_BACKEND = os.environ.get("PLANWATCH_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [WEB_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Shanghai"
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [WEB_DIR / "static"]
# Static files are served from the installed package by whitenoise: no collectstatic step
# and so no STATIC_ROOT.
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
