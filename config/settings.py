"""Settings for the export portal, read from the environment.

Nothing configured gives a working development setup: SQLite, eager Celery and a
local-memory cache. Production sets DATABASE_URL, REDIS_URL and DJANGO_SECRET_KEY.
"""

from decimal import Decimal
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
TESTING = env.bool("DJANGO_TESTING", default=False)

if DEBUG or TESTING:
    SECRET_KEY = env(
        "DJANGO_SECRET_KEY", default="insecure-development-key-never-use-in-production"
    )
else:
    SECRET_KEY = env("DJANGO_SECRET_KEY")

ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    # third party
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "django_filters",
    "django_countries",
    "csp",
    # ours
    "accounts",
    "programmes",
    "participants",
    "missions",
    "reporting",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.csp.PortalCSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.RequireStaffTwoFactorMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.roles",
            ],
        },
    },
]

# Form widgets render through TEMPLATES, so that templates/django/forms/
# can replace Django's select (one template per option) with a faster one.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# Database: SQLite file when DATABASE_URL is not set, so `make run` needs no server.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DJANGO_CONN_MAX_AGE", 0))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Django's and allauth's backends, loading the user's province with it.
    "accounts.backends.ModelBackend",
    "accounts.backends.AuthenticationBackend",
]
_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {"NAME": f"{_VALIDATORS}.MinimumLengthValidator"},
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATORS}.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
# A URL name, so logging out of an English page lands on the English home.
ACCOUNT_LOGOUT_REDIRECT_URL = "home"

# django-allauth: log in by e-mail address, SMEs sign up themselves and verify
# their address; failed logins and sign-ups are rate limited.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
# Sign-up also asks first and last name (accounts.forms.SignupForm), so
# that the portal greets people by name rather than by e-mail address.
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
# allauth's e-mails carry no "[host:port]" in the subject: the sender's name
# says which portal writes, like the portal's own e-mails.
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# Tell people when their password, address or second factor changed, so a
# change they did not make does not go unnoticed.
ACCOUNT_EMAIL_NOTIFICATIONS = True
# Confirming who you are before a sensitive change takes the password or the
# second factor; a code mailed to the address proves only the mailbox.
ACCOUNT_REAUTHENTICATION_METHODS = ("password", "mfa")
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env("MFA_TOTP_ISSUER", default="Exportportaal")
# Civil servants and administrators must set up TOTP before they can work.
REQUIRE_STAFF_2FA = env.bool("DJANGO_REQUIRE_STAFF_2FA", default=not DEBUG)

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
# Dutch number formats (€ 1.234,50) come from the locale; grouping on.
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media")
# Generated reports are not public: they live outside MEDIA_ROOT and are
# served by reporting.views after a province check. Point "reports" at an
# object storage backend (django-storages) to keep them off the local disk.
REPORTS_ROOT = env.path("DJANGO_REPORTS_ROOT", default=BASE_DIR / "private" / "reports")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "reports": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(REPORTS_ROOT)},
    },
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not (DEBUG or TESTING)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# The largest file a person may upload (config/uploads.py checks it); the
# proxy in front should refuse bigger requests before Django reads them.
UPLOAD_MAX_BYTES = env.int("DJANGO_UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)

# Cache and Celery: Redis when REDIS_URL is set, otherwise in-process.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("DJANGO_CACHE_PREFIX", default="portal"),
        }
    }
    CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL)
    CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=REDIS_URL)
    CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CELERY_BROKER_URL = "memory://"
    CELERY_RESULT_BACKEND = "cache+memory://"
    CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_TIME_LIMIT = 15 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 10 * 60
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE = {
    # Proves every few minutes that the worker takes jobs; /healthz shows when.
    "heartbeat": {
        "task": "config.tasks.heartbeat_record_task",
        "schedule": crontab(minute="*/5"),
    },
    # Every morning: invite participants to report results right after a
    # completed mission and again at 6 and 12 months; each invitation is
    # sent once (the notification log guards it).
    "mission-results-invitations": {
        "task": "missions.tasks.results_invitations_sweep_task",
        "schedule": crontab(hour=7, minute=15),
    },
    # 15 January, early morning: last year's progress report of every
    # province, so it is ready when civil servants start on the annual
    # accounts. A report already queued or running is not asked twice.
    "reporting-yearly-reports": {
        "task": "reporting.tasks.report_runs_yearly_task",
        "schedule": crontab(month_of_year=1, day_of_month=15, hour=6, minute=0),
    },
    # Every night, when nobody works: AVG retention. Contact persons without
    # activity for PRIVACY_RETENTION_YEARS are anonymised (what counts as
    # activity: missions/services/privacy.py). Running it twice is harmless.
    "privacy-anonymise-contact-persons": {
        "task": "missions.tasks.contact_persons_anonymise_task",
        "schedule": crontab(hour=3, minute=30),
    },
}

EMAIL_BACKEND = env(
    "DJANGO_EMAIL_BACKEND",
    default=(
        "django.core.mail.backends.console.EmailBackend"
        if DEBUG
        else "django.core.mail.backends.smtp.EmailBackend"
    ),
)
EMAIL_HOST = env("DJANGO_EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("DJANGO_EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("DJANGO_EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("DJANGO_EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("DJANGO_EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env(
    "DJANGO_DEFAULT_FROM_EMAIL", default="Exportportaal <noreply@exportportaal.example>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# The portal's name in e-mails (allauth's included) and the address links in
# e-mails point to (no trailing slash), never the host of the request that
# happened to send the mail.
SITE_NAME = env("PORTAL_SITE_NAME", default="Exportportaal mkb")
PORTAL_URL = env("PORTAL_URL", default="http://localhost:8000")

# De-minimis aid, Regulation (EU) 2023/2831: a ceiling per single undertaking
# over a rolling window. Settings, because the next regulation changes them.
DE_MINIMIS_CEILING = Decimal(env("DE_MINIMIS_CEILING", default="300000.00"))
DE_MINIMIS_WINDOW_YEARS = env.int("DE_MINIMIS_WINDOW_YEARS", default=3)
# Showcase: contact requests one organisation may send per 24 hours (against
# spam), and the largest photo an export story may carry.
SHOWCASE_CONTACT_REQUESTS_PER_DAY = env.int(
    "SHOWCASE_CONTACT_REQUESTS_PER_DAY", default=5
)
SHOWCASE_PHOTO_MAX_BYTES = env.int("SHOWCASE_PHOTO_MAX_BYTES", default=2 * 1024 * 1024)
# AVG: contact persons without activity for this many years are anonymised.
PRIVACY_RETENTION_YEARS = env.int("PRIVACY_RETENTION_YEARS", default=7)

# Security: safe defaults that `check --deploy` accepts in production.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# No script of ours reads these cookies; HttpOnly keeps injected ones out too.
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env.bool(
    "DJANGO_SECURE_COOKIES", default=not (DEBUG or TESTING)
)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env.bool(
    "DJANGO_SECURE_SSL_REDIRECT", default=not (DEBUG or TESTING)
)
SECURE_HSTS_SECONDS = env.int(
    "DJANGO_SECURE_HSTS_SECONDS", default=0 if (DEBUG or TESTING) else 31536000
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
if env.bool("DJANGO_BEHIND_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Content-Security-Policy (django-csp): only our own files, no inline script
# or style, no framing. Bootstrap's icons are data: SVGs in its CSS.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    # WeasyPrint logs every layout step at INFO.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
