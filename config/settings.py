"""Settings for the export portal, read from the environment.

Nothing configured gives a working development setup: SQLite, eager Celery and a
local-memory cache. Production sets DATABASE_URL, REDIS_URL and DJANGO_SECRET_KEY.
"""

from decimal import Decimal
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
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
    # eHerkenning over OpenID Connect (accounts/eherkenning.py); its URLs
    # answer 404 unless EHERKENNING_ENABLED is set.
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "django_filters",
    "django_countries",
    "csp",
    # ours
    "outbox",
    "provinces",
    "accounts",
    "programmes",
    "participants",
    "missions",
    "showcase",
    "reporting",
    "desk",
    "advice",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so that static files carry Permissions-Policy too.
    "config.headers.PrivacyHeadersMiddleware",
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
                "participants.context_processors.province_contacts",
            ],
            # config is no app; its template libraries are named here.
            "libraries": {"money": "config.templatetags.money"},
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
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # PostgreSQL's default random_page_cost (4) prices an index lookup for a
    # spinning disk. The portal's tables are small enough to stay in memory
    # (412 MB at bench scale 10), where 1.1 is the usual value: with 4 the
    # planner scanned and hashed every contact person of the portal to join
    # the 300 of one mission (12 ms instead of 2). A server tuned otherwise
    # sets DJANGO_DB_RANDOM_PAGE_COST (empty: the server's own value).
    _random_page_cost = env.str("DJANGO_DB_RANDOM_PAGE_COST", "1.1")
    if _random_page_cost:
        try:
            _random_page_cost = float(_random_page_cost)
        except ValueError:
            raise ImproperlyConfigured(
                "DJANGO_DB_RANDOM_PAGE_COST must be a number such as 1.1, "
                f"or empty; it is {_random_page_cost!r}."
            ) from None
        DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
            "options", f"-c random_page_cost={_random_page_cost}"
        )
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
# their address; failed logins and sign-ups are rate limited. /admin/ logs in
# through the same form (config/urls.py).
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
# Rate limits ("amount/period/per"; per ip = client address, see
# ALLAUTH_TRUSTED_PROXY_COUNT). Every limit answers 429 with 429.html.
# Wrong passwords are counted three ways (accounts/authentication.py), so
# that a stranger cannot lock the owner out, only slow himself down:
# - login_failed_pair, per address and account: 5 in 5 minutes. One person
#   mistyping, or one address guessing one account, waits a few minutes;
#   the owner at another address notices nothing.
# - login_failed_address: 20 in 10 minutes, 200 a day per address. One
#   address trying many accounts; an office behind one address fails far
#   less often than that.
# - login_failed_account, all addresses together: 100 a day. A ceiling on
#   guessing from many addresses: 36,500 guesses a year, far below what a
#   password the validators accept takes. This one can stop the owner too,
#   so a password reset (the mailed link proves the mailbox) clears it and
#   the pair count of the address the reset is done from.
# "login" counts every post of the log-in form per address, right or
# wrong; "login_failed" is allauth's own and now counts only second-factor
# codes (5 in 5 minutes per account, the key being the account).
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed_pair": "5/5m/key",
    "login_failed_address": "20/10m/ip,200/d/ip",
    "login_failed_account": "100/d/key",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
}
# The eHerkenning log-in makes the person a member of an organisation: it
# lives with the organisations (accounts imports no participants).
SOCIALACCOUNT_ADAPTER = "participants.adapter.SocialAccountAdapter"
# Only the eHerkenning broker configured below; e-mail addresses it asserts
# never log in to an existing account (that one connects eHerkenning itself).
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = False
SOCIALACCOUNT_STORE_TOKENS = False
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env("MFA_TOTP_ISSUER", default="Exportportaal")
# Civil servants and administrators must set up TOTP before they can work.
REQUIRE_STAFF_2FA = env.bool("DJANGO_REQUIRE_STAFF_2FA", default=not DEBUG)

# eHerkenning through a broker that speaks OpenID Connect. Off by default:
# without it there is no button and its URLs answer 404. The claim names
# default to those of the eHerkenning attribute catalogue as brokers pass
# them on (the same defaults as django-digid-eherkenning).
EHERKENNING = {
    "ENABLED": env.bool("EHERKENNING_ENABLED", default=False),
    # The broker's issuer URL or its discovery URL (.well-known/...).
    "SERVER_URL": env("EHERKENNING_SERVER_URL", default=""),
    "CLIENT_ID": env("EHERKENNING_CLIENT_ID", default=""),
    "CLIENT_SECRET": env("EHERKENNING_CLIENT_SECRET", default=""),
    "SCOPES": env.list("EHERKENNING_SCOPES", default=["openid"]),
    "KVK_CLAIM": env(
        "EHERKENNING_KVK_CLAIM", default="urn:etoegang:core:LegalSubjectID"
    ),
    "BRANCH_CLAIM": env(
        "EHERKENNING_BRANCH_CLAIM",
        default="urn:etoegang:1.9:ServiceRestriction:Vestigingsnr",
    ),
    "COMPANY_NAME_CLAIM": env(
        "EHERKENNING_COMPANY_NAME_CLAIM",
        default="urn:etoegang:1.11:attribute-represented:CompanyName",
    ),
    # Who acts: the broker's stable identifier of the person.
    "UID_CLAIM": env("EHERKENNING_UID_CLAIM", default="sub"),
    "PKCE": env.bool("EHERKENNING_PKCE", default=True),
    # client_secret_post or client_secret_basic; empty: as the broker
    # announces in its discovery document.
    "TOKEN_AUTH_METHOD": env("EHERKENNING_TOKEN_AUTH_METHOD", default=""),
}

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
# Files browsers ask for at the root (/favicon.ico), served by WhiteNoise.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media")
# Generated reports are not public: they live outside MEDIA_ROOT and are
# served by reporting.views after a province check. Point "reports" at an
# object storage backend (django-storages) to keep them off the local disk.
REPORTS_ROOT = env.path("DJANGO_REPORTS_ROOT", default=BASE_DIR / "private" / "reports")
# Documents of advisory tracks (business plans) are private too: served by
# advice.views to the entrepreneur, the adviser and the province's desk.
ADVICE_DOCUMENTS_ROOT = env.path(
    "DJANGO_ADVICE_DOCUMENTS_ROOT", default=BASE_DIR / "private" / "advice"
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "reports": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(REPORTS_ROOT)},
    },
    "advice": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(ADVICE_DOCUMENTS_ROOT)},
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
    # An accelerator, not a dependency: with Redis down every call is a
    # miss or a no-op (config/cache.py), and short timeouts keep a dead
    # Redis from costing more than a fraction of a second per request.
    CACHES = {
        "default": {
            "BACKEND": "config.cache.DegradingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("DJANGO_CACHE_PREFIX", default="portal"),
            "OPTIONS": {
                "socket_connect_timeout": env.float(
                    "DJANGO_CACHE_CONNECT_TIMEOUT", default=0.25
                ),
                "socket_timeout": env.float("DJANGO_CACHE_TIMEOUT", default=0.5),
            },
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
# Redis hands a message that was taken but never acknowledged (its worker was
# killed) to another worker after the visibility timeout. It must outlast the
# longest task (the hard time limit, a yearly report at most), or a task still
# running would be delivered twice; a worker looks for such messages every
# CELERY_BROKER_RESTORE_EVERY seconds.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int(
        "CELERY_BROKER_VISIBILITY_TIMEOUT", default=CELERY_TASK_TIME_LIMIT + 5 * 60
    ),
    "unacked_restore_interval": env.int("CELERY_BROKER_RESTORE_EVERY", default=60),
    "unacked_restore_throttle": 1,
}
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
    # Every morning: remind accepted participants MISSION_REMINDER_DAYS
    # before their mission starts; once per registration (notification log).
    "mission-reminders": {
        "task": "missions.tasks.mission_reminders_sweep_task",
        "schedule": crontab(hour=7, minute=30),
    },
    # Every morning, before office hours: each civil servant's digest of what
    # waits for their province (the home page's work list), opt-out.
    "civil-servant-digests": {
        "task": "reporting.tasks.civil_servant_digests_send_task",
        "schedule": crontab(hour=7, minute=0),
    },
    # 15 January, early morning: last year's progress report of every
    # province, so it is ready when civil servants start on the annual
    # accounts. A report already queued or running is not asked twice.
    "reporting-yearly-reports": {
        "task": "reporting.tasks.report_runs_yearly_task",
        "schedule": crontab(month_of_year=1, day_of_month=15, hour=6, minute=0),
    },
    # Every minute: the outbox hands Celery again what the broker did not
    # take (it was down) or no worker picked up, and e-mails whose SMTP
    # back-off has ended. Cheap when there is nothing to do (one query).
    "outbox-redispatch": {
        "task": "outbox.tasks.outbox_redispatch_task",
        "schedule": 60.0,
    },
    # Every five minutes: report runs queued or running without a sign of
    # life for longer than REPORT_RUN_QUEUED_STALE_AFTER / _STALE_AFTER
    # (their message was lost or their worker killed) are marked failed with
    # a reason, so they no longer hold their slot and can be requested again.
    "reporting-fail-stale-runs": {
        "task": "reporting.tasks.report_runs_fail_stale_task",
        "schedule": crontab(minute="*/5"),
    },
    # Every night, when nobody works: AVG retention. Contact persons without
    # activity for PRIVACY_RETENTION_YEARS are anonymised (what counts as
    # activity: missions/services/privacy.py). Running it twice is harmless.
    "privacy-anonymise-contact-persons": {
        "task": "missions.tasks.contact_persons_anonymise_task",
        "schedule": crontab(hour=3, minute=30),
    },
}

# Report runs: a running run writes a heartbeat after every step (figures,
# then each format; the slowest step, the PDF, takes seconds). Without one
# for REPORT_RUN_STALE_AFTER seconds its worker is taken to be dead; a run
# not started REPORT_RUN_QUEUED_STALE_AFTER seconds after its request lost
# its message (broker down). The sweep in CELERY_BEAT_SCHEDULE and the next
# request for the same report then mark it failed.
# The information desk's response-time target, in calendar days: open
# questions older than this are marked overdue on the desk's work list.
DESK_RESPONSE_DAYS = env.int("DESK_RESPONSE_DAYS", default=5)
# Questions a visitor (not logged in) may send from one address, in the
# rate syntax of allauth's limiter: a person asks a few, a spammer many.
DESK_VISITOR_QUESTION_RATE = env.str(
    "DESK_VISITOR_QUESTION_RATE", default="5/h/ip,20/d/ip"
)

REPORT_RUN_STALE_AFTER = env.int("REPORT_RUN_STALE_AFTER", default=10 * 60)
REPORT_RUN_QUEUED_STALE_AFTER = env.int(
    "REPORT_RUN_QUEUED_STALE_AFTER", default=30 * 60
)
# Tests only: while this file exists, generation waits after each step, so a
# test can kill the worker in the middle of a report.
REPORT_RUN_TEST_HOLD_FILE = (
    env("REPORT_RUN_TEST_HOLD_FILE", default="") if TESTING else ""
)

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
# Seconds before a silent SMTP server counts as down (Django waits for ever).
EMAIL_TIMEOUT = env.int("DJANGO_EMAIL_TIMEOUT", default=30)
# The outbox (outbox/services.py): every e-mail and follow-up job is a row
# written with the change it follows from. A row not picked up this many
# seconds after it was handed to Celery (or could not be) is handed over
# again by the beat job; an e-mail whose SMTP attempt failed is tried again
# after 1, 2, 4 ... minutes (at most an hour apart), OUTBOX_MAX_ATTEMPTS
# times in all (about 7 hours), then shown as failed in the admin. One
# that stays "sending" for OUTBOX_SENDING_STALE_AFTER seconds (its worker
# died mid-send) is marked failed, not sent again: it may have gone out.
OUTBOX_REDISPATCH_AFTER = env.int("OUTBOX_REDISPATCH_AFTER", default=60)
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=12)
OUTBOX_SENDING_STALE_AFTER = env.int("OUTBOX_SENDING_STALE_AFTER", default=10 * 60)
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
# How many days before a mission starts its accepted participants get a
# reminder (the daily "mission-reminders" job); 0 sends none.
MISSION_REMINDER_DAYS = env.int("MISSION_REMINDER_DAYS", default=7)

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
# KvK register look-up (Basisprofiel API, participants/kvk.py): prefills a
# new organisation's form. Off without a key; the form is then manual.
KVK_API_KEY = env("KVK_API_KEY", default="")
KVK_API_URL = env("KVK_API_URL", default="https://api.kvk.nl/api")
KVK_API_TIMEOUT = env.float("KVK_API_TIMEOUT", default=5.0)

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
# The client address (rate limits) behind this many proxies of ours: the
# address the outermost one saw, which it appended to X-Forwarded-For; each
# proxy appends one. 0 ignores X-Forwarded-For (anybody can write it) and
# takes the connecting address, which behind a proxy is the proxy's, shared
# by every visitor. A header shorter than this count means the request
# bypassed the proxies: then the connecting address counts.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("DJANGO_TRUSTED_PROXY_COUNT", default=0)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Permissions-Policy (config/headers.py): no device or browser feature the
# portal does not use, for it or for anything injected into it. Passkeys
# (publickey-credentials-*) are left alone for a future second factor.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "clipboard-read",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "gamepad",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

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

# The eHerkenning button's form is answered with a redirect to the broker;
# browsers hold that redirect to form-action too.
if EHERKENNING["ENABLED"] and EHERKENNING["SERVER_URL"]:
    from urllib.parse import urlsplit

    _broker = urlsplit(EHERKENNING["SERVER_URL"])
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"].append(
        f"{_broker.scheme}://{_broker.netloc}"
    )

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "client_errors_without_traceback": {
            "()": "config.logs.ClientErrorsWithoutTraceback"
        },
    },
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["client_errors_without_traceback"],
        },
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
        },
    },
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {
        # Django's default configuration gives "django" a console handler of
        # its own (in DEBUG) that also propagates to the root: every line
        # twice. An empty list removes it; the root prints it once.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        # Configuring "django" resets its children: runserver's request lines
        # keep their own handler and time stamp, as Django sets them up.
        "django.server": {
            "handlers": ["django.server"],
            "level": "INFO",
            "propagate": False,
        },
        # WeasyPrint logs every layout step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# The note editor (programmes) shows the report's section of the action;
# reporting renders it. A dotted path, so programmes imports no reporting.
PROGRAMMES_NOTE_PREVIEW = "reporting.previews.note_preview"
