"""Barnrätt settings: one module, driven by the environment.

DJANGO_ENV=production switches on the strict, deployable configuration; anything else is a
development or test setup that runs with an embedded SQLite database.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


ENVIRONMENT = os.environ.get("DJANGO_ENV", "development")
PRODUCTION = ENVIRONMENT == "production"
# The benchmark switches on its timing headers and the bare reference view.
BENCHMARK = env_bool("BARNRATT_BENCHMARK", False)
if BENCHMARK and PRODUCTION:
    raise RuntimeError("BARNRATT_BENCHMARK must not be set when DJANGO_ENV=production")

DEBUG = env_bool("DJANGO_DEBUG", not PRODUCTION)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise RuntimeError("DJANGO_SECRET_KEY must be set when DJANGO_ENV=production")
    SECRET_KEY = "development-only-key-not-for-production-use-0123456789abcdefghij"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # The admin site asks for the second factor of those who enrolled one (accounts/admin_site.py).
    "accounts.apps.BarnrattAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_htmx",
    "core",
    "accounts",
    "organisations",
    "home",
    "convention",
    "publichealth",
    "agreements",
    "assessments",
    "participation",
    "youthforum",
    "planning",
    "training",
    "childbudget",
    "reports",
    "operations",
    "archive",
    "indicators",
    "knowledge",
    "networks",
    "peerreview",
    "rest_framework",
    "drf_spectacular",
    "api",
]

MIDDLEWARE = [
    "operations.requestid.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.SwedishFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.twofactor.RequireTwoFactorMiddleware",
    "core.middleware.IdleSessionTimeoutMiddleware",
    "core.middleware.NoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, so that a locked-out login is answered before any view runs.
    "axes.middleware.AxesMiddleware",
    # Innermost: its process_exception sees a lost database before the 500 handler does.
    "operations.unavailable.DatabaseUnavailableMiddleware",
    "operations.security.PermissionDeniedLogMiddleware",
]
if BENCHMARK:
    MIDDLEWARE.insert(0, "core.bench.BenchmarkTimingMiddleware")

ROOT_URLCONF = "barnratt.urls"
WSGI_APPLICATION = "barnratt.wsgi.application"

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
                "home.context_processors.barnratt",
            ],
        },
    },
]

# Children's answers per client address (through TRUSTED_PROXIES) per window in seconds; past it
# an answer is stored but held as a suspected flood for a person to let through (abuse.py).
PARTICIPATION_RATE_LIMIT = (
    int(os.environ.get("BARNRATT_PARTICIPATION_RATE_LIMIT", "120")),
    int(os.environ.get("BARNRATT_PARTICIPATION_RATE_WINDOW", "600")),
)

# Database: SQLite in WAL mode by default; DATABASE_URL names PostgreSQL (postgres://…) or
# another SQLite file (sqlite:////absolute/path.sqlite3).
SQLITE_PATH = Path(os.environ.get("BARNRATT_SQLITE_PATH", BASE_DIR / "db.sqlite3"))
SQLITE_OPTIONS = {
    # WAL lets readers work while one writer writes; IMMEDIATE avoids "database is locked"
    # upgrades inside transactions.
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;"
    ),
    "transaction_mode": "IMMEDIATE",
}
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
else:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": SQLITE_PATH}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
else:
    # Django's default: no `SELECT 1` before each request's first query. A connection that a
    # database restart broke fails one request (the friendly 503 of DatabaseUnavailableMiddleware,
    # nothing half-written) and is then replaced (decision 0024, kept by 0027).
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = (
        os.environ.get("BARNRATT_DB_HEALTH_CHECKS", "0") == "1"
    )
    # psycopg prepares a statement on the server only over server-side binding cursors (Django
    # binds on the client by default). BARNRATT_DB_PREPARE=1 turns both on for every query:
    # PostgreSQL then parses and plans each statement once per connection. Off by default: it
    # needs a pooler that keeps prepared statements (not PgBouncer in transaction mode before
    # 1.21), and Django notes a rare GROUP BY with parameters it cannot run (ticket #34255).
    if os.environ.get("BARNRATT_DB_PREPARE", "0") == "1":
        DATABASES["default"].setdefault("OPTIONS", {}).update(
            server_side_binding=True, prepare_threshold=5
        )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Names the sessions single sign-on started (accounts/sso.py); it checks no password.
    "accounts.sso.SsoBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home:start"
LOGOUT_REDIRECT_URL = "home:home"

# Single sign-on: OpenID Connect providers are rows in the admin (accounts.OidcProvider,
# docs/operations.md); a provider's client secret may come from BARNRATT_OIDC_SECRET_<SLUG>.

# Two-factor authentication (TOTP) for local accounts: superusers and organisation admins must
# use it, by default in production (BARNRATT_REQUIRE_2FA_FOR_ORG_ADMINS is the older name).
REQUIRE_2FA_FOR_ADMINS = env_bool(
    "BARNRATT_REQUIRE_2FA_FOR_ADMINS",
    env_bool("BARNRATT_REQUIRE_2FA_FOR_ORG_ADMINS", PRODUCTION),
)
OTP_TOTP_ISSUER = "Barnrätt"
# The admin lists devices (to delete a lost one) but never shows their secrets or QR codes.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# A code waiting for its second factor: minutes before the password must be given again.
TWO_FACTOR_PENDING_SECONDS = 300

# The client's address: BARNRATT_TRUSTED_PROXIES is how many proxies stand in front of gunicorn
# (1 for the documented nginx); each appends to X-Forwarded-For, and only the entry the nearest
# trusted proxy wrote is believed (docs/operations.md, decision 0032).
TRUSTED_PROXIES = int(os.environ.get("BARNRATT_TRUSTED_PROXIES", "0"))
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if TRUSTED_PROXIES else ("REMOTE_ADDR",)
)
AXES_IPWARE_PROXY_COUNT = max(TRUSTED_PROXIES - 1, 0)
IPWARE_STRICT = False  # entries a client sent before the trusted ones are skipped, not fatal

# Login guessing: an address with 20 failures (any names) waits 15 minutes. A user name is never
# locked, only slowed (accounts/throttle.py): a lock on a name is one an attacker could hand out.
AXES_FAILURE_LIMIT = int(os.environ.get("BARNRATT_LOGIN_FAILURE_LIMIT", "20"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
# A success does not wipe the address's failures: an attacker could sign in to an own account.
AXES_RESET_ON_SUCCESS = False
LOGIN_NAME_FREE_FAILURES = 5
LOGIN_NAME_MAX_DELAY_SECONDS = int(os.environ.get("BARNRATT_LOGIN_NAME_MAX_DELAY", "30"))
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

# Sessions: rotated at login by Django, flushed at logout, ended after idle time.
SESSION_IDLE_TIMEOUT = int(os.environ.get("BARNRATT_SESSION_IDLE_SECONDS", str(60 * 60)))
SESSION_COOKIE_AGE = 60 * 60 * 10  # a working day at most
SESSION_COOKIE_HTTPONLY = True
# Lax, not Strict: the identity provider's redirect back (a top-level GET from another site)
# must carry the session that holds the sign-in's state and nonce.
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# No script reads the CSRF cookie (forms carry the token), so scripts may not read it at all.
CSRF_COOKIE_HTTPONLY = True
# A session-length CSRF cookie, gone when the browser closes: a child on a shared school tablet
# leaves nothing behind that outlives the visit (issue 23). Forms carry the token either way.
CSRF_COOKIE_AGE = None
CSRF_FAILURE_VIEW = "core.views.errors.csrf_failure"

# Swedish first, English second.
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Development and tests serve static files from the finders; only production collects them.
STATIC_ROOT = BASE_DIR / "staticfiles" if PRODUCTION else None
WHITENOISE_USE_FINDERS = not PRODUCTION
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("BARNRATT_MEDIA_ROOT", BASE_DIR / "media"))
# `manage.py backup` writes its archives here (docs/operations.md).
BACKUP_DIR = Path(os.environ.get("BARNRATT_BACKUP_DIR", BASE_DIR / "backups"))
BARNRATT_MAX_UPLOAD_BYTES = int(os.environ.get("BARNRATT_MAX_UPLOAD_MB", "20")) * 1024 * 1024
# Indicator imports (statistics files can be large); checked before a file is read.
INDICATOR_IMPORT_MAX_BYTES = int(os.environ.get("BARNRATT_INDICATOR_IMPORT_MB", "200")) << 20
# Kolada's API v3 (indicators app); the client follows `next_url` (and v2's `next_page`),
# with timeouts and retries, and fails rather than import part of a fetch.
KOLADA_BASE_URL = os.environ.get("KOLADA_BASE_URL", "https://api.kolada.se/v3")
KOLADA_TIMEOUT_SECONDS = float(os.environ.get("KOLADA_TIMEOUT_SECONDS", "30"))
KOLADA_RETRIES = int(os.environ.get("KOLADA_RETRIES", "3"))
# SCB's PxWebApi 2.0 (`manage.py fetch_scb`), json-stat2.
SCB_BASE_URL = os.environ.get("SCB_BASE_URL", "https://statistikdatabasen.scb.se/api/v2")
SCB_TIMEOUT_SECONDS = float(os.environ.get("SCB_TIMEOUT_SECONDS", "60"))
SCB_RETRIES = int(os.environ.get("SCB_RETRIES", "3"))
# Django refuses larger request bodies before they reach a view.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# More than one machine (docs/operations.md, decision 0033). REDIS_URL: Django's Redis cache,
# shared by every node (the children's rate limit, cached results, import progress); without
# it each process keeps its own. Long work runs as jobs (core/jobs.py) in django-tasks' database
# backend: `manage.py worker` runs them; BARNRATT_TASKS=immediate runs them inside the request.
# BARNRATT_STORAGE=s3 keeps uploaded files in an S3-compatible bucket (django-storages).
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("BARNRATT_CACHE_PREFIX", "barnratt"),
        }
    }
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if os.environ.get("BARNRATT_TASKS") == "immediate"
        else "django_tasks_db.DatabaseBackend"
    }
}
# A job left running this long (its worker killed, its machine gone) is run again.
TASK_STALE_SECONDS = int(os.environ.get("BARNRATT_TASK_STALE_SECONDS", str(60 * 60)))
if os.environ.get("BARNRATT_STORAGE") == "s3":
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("BARNRATT_S3_BUCKET", "barnratt"),
            "endpoint_url": os.environ.get("BARNRATT_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("BARNRATT_S3_REGION") or None,
            "access_key": os.environ.get("BARNRATT_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("BARNRATT_S3_SECRET_ACCESS_KEY") or None,
            # Private objects, fetched through the views that check access; never overwritten.
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.authentication.OrganisationTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "api.pagination.CappedLimitOffsetPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "UNAUTHENTICATED_USER": None,
    # Per token, counted in Django's cache (api/throttling.py); 429 with Retry-After past it.
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.TokenRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"token": os.environ.get("BARNRATT_API_RATE", "600/min")},
    "NUM_PROXIES": TRUSTED_PROXIES,
    "EXCEPTION_HANDLER": "api.exceptions.handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Barnrätt API",
    "DESCRIPTION": (
        "Cases and assessments of the child's best interests, for case-management systems."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_AUTHENTICATION": [],
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    # PATCH takes the same body as documented (summary required), not an all-optional copy.
    "COMPONENT_SPLIT_PATCH": False,
}

# E-mail is off unless configured; the app says so where it would have sent one.
EMAIL_HOST = os.environ.get("BARNRATT_EMAIL_HOST", "")
EMAIL_CONFIGURED = bool(EMAIL_HOST)
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_CONFIGURED
    else "django.core.mail.backends.dummy.EmailBackend"
)
# STARTTLS on 587 by default; implicit TLS (SMTPS, 465) instead with BARNRATT_EMAIL_USE_SSL.
# Both on is refused by check barnratt.E002 (Django would fail only when sending).
EMAIL_USE_SSL = env_bool("BARNRATT_EMAIL_USE_SSL", False)
EMAIL_USE_TLS = env_bool("BARNRATT_EMAIL_USE_TLS", not EMAIL_USE_SSL)
EMAIL_PORT = int(os.environ.get("BARNRATT_EMAIL_PORT", "465" if EMAIL_USE_SSL else "587"))
# A relay that wants a sign-in (Microsoft 365's SMTP AUTH, a municipal relay).
EMAIL_HOST_USER = os.environ.get("BARNRATT_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("BARNRATT_EMAIL_HOST_PASSWORD", "")
EMAIL_TIMEOUT = int(os.environ.get("BARNRATT_EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = os.environ.get("BARNRATT_EMAIL_FROM", "barnratt@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The licence of the published reports' open data (decision 0042): CC0-1.0 (the default, as
# Sweden's data portal recommends for public data) or CC-BY-4.0 where the organisation wants
# attribution.
OPEN_DATA_LICENSE = os.environ.get("BARNRATT_OPEN_DATA_LICENSE", "CC0-1.0")
if OPEN_DATA_LICENSE not in ("CC0-1.0", "CC-BY-4.0"):
    raise RuntimeError("BARNRATT_OPEN_DATA_LICENSE must be CC0-1.0 or CC-BY-4.0")

# Who answers accessibility reports (shown in the accessibility statement).
ACCESSIBILITY_CONTACT_EMAIL = os.environ.get(
    "BARNRATT_ACCESSIBILITY_EMAIL", "tillganglighet@barnratt.invalid"
)

# Content-Security-Policy: no inline script, nothing from other hosts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True

# One line of JSON per record on standard error, with the request id (docs/operations.md);
# BARNRATT_LOG_FORMAT=text gives plain lines for a developer's terminal.
LOG_FORMAT = os.environ.get("BARNRATT_LOG_FORMAT", "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "operations.requestid.RequestIdFilter"},
        "refusal_once": {"()": "operations.refusals.RefusalLoggedOnce"},
        "quiet_readiness": {"()": "operations.health.QuietReadinessFilter"},
    },
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(levelname)s %(name)s %(request_id)s %(message)s",
            "rename_fields": {"levelname": "level", "name": "logger"},
            "timestamp": "time",  # ISO 8601 in UTC
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id", "quiet_readiness"],
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("BARNRATT_LOG_LEVEL", "WARNING")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "barnratt.security": {"level": "INFO"},
        # A refusal is the security log's one line, not django.request's traceback as well.
        "django.request": {"filters": ["refusal_once"]},
    },
}
