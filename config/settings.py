"""Settings for the roadmap planner, read from the environment.

Every value has a safe development default, so `make run` works with nothing
set: SQLite under var/ and a Celery broker on the filesystem. Production sets
DATABASE_URL, REDIS_URL, SECRET_KEY, DEBUG=0 and ALLOWED_HOSTS.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


TRUE_VALUES = ("1", "true", "yes", "on")
FALSE_VALUES = ("0", "false", "no", "off")


def env_bool(name: str, default: bool) -> bool:
    """A yes/no variable. Unset or empty gives the default; anything else must be
    one of the values below (any case), so a typo like DEBUG=ture stops start-up
    instead of quietly meaning "off"."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    word = value.strip().lower()
    if word in TRUE_VALUES:
        return True
    if word in FALSE_VALUES:
        return False
    accepted = ", ".join(f"{yes}/{no}" for yes, no in zip(TRUE_VALUES, FALSE_VALUES, strict=True))
    raise ImproperlyConfigured(
        f"{name}={value!r} is not a yes/no value. Use one of {accepted} (any case), "
        f"or leave {name} unset or empty for the default ({'on' if default else 'off'})."
    )


def env_list(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


# Off unless set: a deployment that forgets DEBUG must not show its URL patterns
# and settings on an error page. `make run`, bin/devserver.py and the tests set DEBUG=1.
DEBUG = env_bool("DEBUG", False)

_DEV_SECRET_KEY = "dev-only-insecure-secret-key-do-not-use-in-production"  # noqa: S105
SECRET_KEY = os.environ.get("SECRET_KEY", _DEV_SECRET_KEY if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "ui",
    "agencies",
    "accounts",
    "roadmap",
    "assessments",
    "stakeholders",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "config.middleware.HtmxLoginRedirectMiddleware",
    # After MessageMiddleware: adds the pending messages to an htmx response.
    "ui.feedback.FeedbackMiddleware",
    # Last, as django-axes asks: it turns a refused sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# A refused form submission gets a page in the site's layout that says what to do.
CSRF_FAILURE_VIEW = "ui.errors.csrf_failure"

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "agencies.context_processors.agency_navigation",
            ],
            "builtins": ["template_partials.templatetags.partials", "ui.templatetags.addresses"],
        },
    },
]

# Database: PostgreSQL through DATABASE_URL, else a SQLite file that the web
# process and the worker share (WAL and IMMEDIATE transactions so neither
# sees "database is locked").
DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # A file, not :memory:, so that a worker process in the tests can open it.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(DATABASES["default"]["NAME"]).with_name("test-db.sqlite3"))
    }
# PostgreSQL: give up connecting after DATABASE_CONNECT_TIMEOUT seconds, and stop
# any statement after DATABASE_STATEMENT_TIMEOUT (0: no limit), so a stuck database
# costs a web request seconds, not a hung gunicorn worker. The Celery worker raises
# its own statement limit to the report's time limit (config/celery.py).
DATABASE_CONNECT_TIMEOUT = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", 3))
DATABASE_STATEMENT_TIMEOUT = float(os.environ.get("DATABASE_STATEMENT_TIMEOUT", 30))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "connect_timeout": DATABASE_CONNECT_TIMEOUT,
            "options": f"-c statement_timeout={int(DATABASE_STATEMENT_TIMEOUT * 1000)}",
        }
    )
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Sign-in throttling (django-axes): after SIGN_IN_FAILURE_LIMIT wrong passwords
# for one user name (from anywhere), or from one address (for any user names),
# signing in is refused for SIGN_IN_LOCKOUT_MINUTES, even with the right
# password. A platform admin unlocks early in Django admin (Access attempts:
# delete the rows). Names that do not exist are counted the same way, so the
# lockout says nothing about which accounts exist.
AUTHENTICATION_BACKENDS = [
    "accounts.backends.SignInThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("SIGN_IN_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("SIGN_IN_LOCKOUT_MINUTES", 15)))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
# Attempts during a lockout do not restart it, so it ends when it said it would.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "accounts.views.sign_in_locked_out"
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    # Behind one trusted proxy, the client is the address it appends last.
    AXES_IPWARE_PROXY_COUNT = 1
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")

# Two-factor authentication (django-otp, TOTP): required for Django admin,
# offered to everyone, required for agency admins when this is on.
REQUIRE_MFA_FOR_AGENCY_ADMINS = env_bool("REQUIRE_MFA_FOR_AGENCY_ADMINS", False)
OTP_TOTP_ISSUER = "Roadmap planner"

# Password reset by email: at most this many requests an hour from one address,
# and emails to one address.
PASSWORD_RESET_LIMIT_PER_ADDRESS = 10
PASSWORD_RESET_LIMIT_PER_EMAIL = 3
PASSWORD_RESET_TIMEOUT = 60 * 60 * 3  # a reset link works for 3 hours

# Email: printed to the console unless EMAIL_HOST names an SMTP server.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 587))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
    EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", 10))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Roadmap planner <noreply@localhost>")

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"  # never served directly: downloads go through a view
# Report files: the filesystem (MEDIA_ROOT) by default, or an S3-compatible object
# store when S3_BUCKET is set, so web and worker machines share them. Downloads
# are streamed through a view that checks membership either way: the bucket
# stays private.
S3_BUCKET = os.environ.get("S3_BUCKET", "")
if S3_BUCKET:
    from botocore.config import Config as BotocoreConfig

    S3_STORAGE_OPTIONS = {
        "bucket_name": S3_BUCKET,
        "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("S3_REGION") or None,
        # Unset: boto3's own chain (AWS_ACCESS_KEY_ID, an instance role...).
        "access_key": os.environ.get("S3_ACCESS_KEY_ID") or None,
        "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY") or None,
        "location": os.environ.get("S3_PREFIX", ""),
        "addressing_style": os.environ.get("S3_ADDRESSING_STYLE") or None,
        "signature_version": "s3v4",
        "default_acl": None,  # private, as the bucket is
        "file_overwrite": True,  # one object per job: a retry replaces it
        "querystring_auth": True,
        "querystring_expire": 60,
        "client_config": BotocoreConfig(
            connect_timeout=float(os.environ.get("S3_CONNECT_TIMEOUT", 3)),
            read_timeout=float(os.environ.get("S3_READ_TIMEOUT", 30)),
            retries={"max_attempts": 3, "mode": "standard"},
        ),
    }
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": S3_STORAGE_OPTIONS,
    }
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Security. Production (DEBUG off) gets HTTPS-only cookies and HSTS; behind a
# TLS-terminating proxy set SECURE_PROXY_SSL_HEADER=1.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    if not SECURE_HSTS_PRELOAD:
        # Preloading binds the whole domain to HTTPS in browsers for months: the
        # domain owner's decision (SECURE_HSTS_PRELOAD=1), not a deploy warning.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content Security Policy: scripts only from our own origin, no eval, no inline.
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
    },
}

# Celery: Redis when REDIS_URL is set, else Kombu's filesystem transport,
# which queues to a folder that a separate worker process reads.
REDIS_URL = os.environ.get("REDIS_URL", "")
CELERY_QUEUE_DIR = VAR_DIR / "celery-queue"
# Short broker timeouts, so a broker that accepts connections and never answers
# costs a request a couple of seconds, not a gunicorn worker (README, "Background work").
BROKER_CONNECT_TIMEOUT = float(os.environ.get("BROKER_CONNECT_TIMEOUT", 2))
BROKER_READ_TIMEOUT = float(os.environ.get("BROKER_READ_TIMEOUT", 2))
# Redis hands an unacknowledged message to another worker after this long; the
# render's time limits stay well below it, and the sweeper recovers sooner.
BROKER_VISIBILITY_TIMEOUT = int(os.environ.get("BROKER_VISIBILITY_TIMEOUT", 3600))
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": BROKER_VISIBILITY_TIMEOUT,
        "socket_connect_timeout": BROKER_CONNECT_TIMEOUT,
        "socket_timeout": BROKER_READ_TIMEOUT,
        "retry_on_timeout": False,
        # Kombu's own reconnection when publishing: once, not for ever.
        "max_retries": 1,
        "interval_start": 0,
        "interval_step": 0.2,
        "interval_max": 0.2,
    }
else:
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_QUEUE_DIR),
        "data_folder_out": str(CELERY_QUEUE_DIR),
        "control_folder": str(CELERY_QUEUE_DIR / "control"),
        "store_processed": False,
    }
    (CELERY_QUEUE_DIR / "control").mkdir(parents=True, exist_ok=True)
CELERY_BROKER_CONNECTION_TIMEOUT = BROKER_CONNECT_TIMEOUT
# Publishing a task tries once more at most: the web process must not wait.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_QUEUE", "roadmap")
CELERY_TASK_ALWAYS_EAGER = False
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_BACKEND = None  # job state lives in ReportJob rows
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# Report rendering limits, both well below the broker's visibility timeout.
REPORT_SOFT_TIME_LIMIT = int(os.environ.get("REPORT_SOFT_TIME_LIMIT", 240))
REPORT_TIME_LIMIT = int(os.environ.get("REPORT_TIME_LIMIT", 300))
# The sweeper (celery beat, every REPORT_SWEEP_INTERVAL seconds) finds jobs with no
# sign of life: a rendering job whose worker stopped renewing its lease (renewed
# every third of REPORT_JOB_LEASE), or a queued job no worker took within
# REPORT_QUEUED_LIMIT. It queues them again, up to REPORT_MAX_ATTEMPTS in all,
# then fails them with the reason. A dead worker is noticed after
# REPORT_JOB_LEASE + REPORT_SWEEP_INTERVAL at most, long before Redis would
# hand its message on (BROKER_VISIBILITY_TIMEOUT).
REPORT_JOB_LEASE = int(os.environ.get("REPORT_JOB_LEASE", 60))
REPORT_SWEEP_INTERVAL = float(os.environ.get("REPORT_SWEEP_INTERVAL", 60))
REPORT_QUEUED_LIMIT = int(os.environ.get("REPORT_QUEUED_LIMIT", 600))
REPORT_MAX_ATTEMPTS = int(os.environ.get("REPORT_MAX_ATTEMPTS", 3))
CELERY_BEAT_SCHEDULE = {
    "sweep-report-jobs": {
        "task": "reports.sweep_report_jobs",
        "schedule": REPORT_SWEEP_INTERVAL,
        # A sweep nobody ran in time is replaced by the next one, not queued up.
        "options": {"expires": REPORT_SWEEP_INTERVAL},
    },
}


# Invitations to join an agency: how long an emailed link works (email: above).
INVITATION_MAX_AGE_DAYS = int(os.environ.get("INVITATION_MAX_AGE_DAYS", 7))

LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "plain",
        },
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        # WeasyPrint warns about every refused fetch; keep them, but quietly.
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "WARNING"},
        # django-axes: failures and lockouts (WARNING), not every successful sign-in.
        "axes": {"level": "WARNING"},
    },
}
