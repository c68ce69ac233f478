"""The service's settings: `[service]` of a pmo-check.toml, overridden by the environment.

The contract names the environment variables (`PMO_CHECK_TENANT_ID`, …); they win over the file so
that secrets and per-environment values stay out of it. Everything is validated here, once, at
start-up: a bad value is a `ConfigError` with the key named, and `pmo-check serve` exits 2.

The rest of the same file (`[check]`, `[rules]`, …) is the service's default checking configuration;
`[service.configs]` names more (a name → a pmo-check.toml path) that a request may pick, and the
built-in profiles (`pmbok`, `prince2`, `cn_pmo`) can always be picked by name.
"""
from __future__ import annotations

import ipaddress
import os
import re
import tomllib
import uuid
from dataclasses import dataclass, field
from typing import Any, Mapping
from urllib.parse import urlsplit

from checker import ConfigError

MiB = 2**20
MB = 1_000_000  # upload limits are in MB, as people and the issue count them
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8443
DEFAULT_AUTHORITY = "https://login.microsoftonline.com"
DEFAULT_GRAPH = "https://graph.microsoft.com/v1.0"
PROFILES = ("pmbok", "prince2", "cn_pmo")
_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
_KEYS = ("host", "port", "cert", "key", "public_url", "addin_id", "max_upload_mb", "workers", "timeout",
         "memory_limit_mb", "threads", "cors_origins", "keep_uploads", "configs", "default_config",
         "tenant_id", "client_id", "audiences", "allowed_tenants", "required_scope", "authority_host",
         "client_cert", "graph_url", "graph_scopes")
_ENV = {"tenant_id": "PMO_CHECK_TENANT_ID", "client_id": "PMO_CHECK_CLIENT_ID", "audiences": "PMO_CHECK_AUDIENCES",
        "allowed_tenants": "PMO_CHECK_ALLOWED_TENANTS", "required_scope": "PMO_CHECK_REQUIRED_SCOPE",
        "authority_host": "PMO_CHECK_AUTHORITY_HOST", "client_secret": "PMO_CHECK_CLIENT_SECRET",
        "client_cert": "PMO_CHECK_CLIENT_CERT", "graph_url": "PMO_CHECK_GRAPH_URL"}


@dataclass(frozen=True)
class ServiceSettings:
    """Everything the service needs to run; see docs/service.md for each key."""

    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    cert: str | None = None
    key: str | None = None
    public_url: str | None = None  # where Office loads the add-in from; default https://host:port
    addin_id: str | None = None  # the manifest's <Id>; default derived from public_url
    max_upload_bytes: int = 25 * MB
    workers: int | None = None  # check pool size; None: one per CPU
    timeout: float = 60.0
    memory_limit: int | None = 1024 * MiB
    threads: int = 32  # the HTTP server's request threads
    cors_origins: tuple[str, ...] = ()
    keep_uploads: str | None = None  # a folder to keep a copy of each checked document in; None: never
    config_source: str | None = None  # the pmo-check.toml these settings came from
    configs: dict[str, str] = field(default_factory=dict)  # name → pmo-check.toml
    default_config: str | None = None
    tenant_id: str | None = None
    client_id: str | None = None
    audiences: tuple[str, ...] = ()
    allowed_tenants: tuple[str, ...] = ()
    required_scope: str = "access_as_user"
    authority_host: str = DEFAULT_AUTHORITY
    client_secret: str | None = None
    client_cert: str | None = None
    graph_url: str = DEFAULT_GRAPH
    graph_scopes: tuple[str, ...] = ()  # default: Files.Read.All on the Graph host
    dev: bool = False  # plain HTTP, no sign-in, loopback only

    @property
    def scheme(self) -> str:
        return "http" if self.dev else "https"

    @property
    def base_url(self) -> str:
        """The public URL without a trailing slash."""
        if self.public_url:
            return self.public_url.rstrip("/")
        host = f"[{self.host}]" if ":" in self.host else self.host
        host = "localhost" if self.host in ("127.0.0.1", "::1") else host
        return f"{self.scheme}://{host}:{self.port}"

    @property
    def manifest_id(self) -> str:
        """The add-in id: configured, or a stable UUID derived from the public URL."""
        return self.addin_id or str(uuid.uuid5(uuid.NAMESPACE_URL, self.base_url))

    @property
    def scopes(self) -> tuple[str, ...]:
        if self.graph_scopes:
            return self.graph_scopes
        parts = urlsplit(self.graph_url)
        return (f"{parts.scheme}://{parts.netloc}/Files.Read.All",)

    def require_sign_in_settings(self) -> None:
        """Outside --dev, sign-in must be configured: the tenant and the app's client id."""
        if self.dev:
            return
        missing = [env for key, env in (("tenant_id", _ENV["tenant_id"]), ("client_id", _ENV["client_id"]))
                   if not getattr(self, key)]
        if missing:
            raise ConfigError(f"sign-in is not configured: set {' and '.join(missing)} (or [service] in pmo-check.toml), "
                              "or run with --dev for local testing without sign-in")
        if self.tenant_id in ("organizations", "common") and not self.allowed_tenants:
            raise ConfigError("a multi-tenant authority needs the tenants whose users may sign in: "
                              "set PMO_CHECK_ALLOWED_TENANTS (tenant ids, comma-separated)")


def load_settings(config_path: str | None = None, env: Mapping[str, str] | None = None,
                  **overrides: Any) -> ServiceSettings:
    """Settings from `[service]` of `config_path`, then the environment, then `overrides` (the
    command line; None values are ignored). Raises ConfigError."""
    env = os.environ if env is None else env
    raw: dict[str, Any] = {}
    root = os.getcwd()
    if config_path:
        config_path = os.path.abspath(config_path)
        try:
            with open(config_path, "rb") as fh:
                data = tomllib.load(fh)
        except OSError as exc:
            raise ConfigError(f"cannot read configuration file {config_path}: {exc.strerror or exc}") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{config_path}: not valid TOML: {exc}") from None
        raw = dict(data.get("service") or {})
        root = os.path.dirname(config_path)
        unknown = sorted(set(raw) - set(_KEYS))
        if unknown:
            raise ConfigError(f"{config_path}: [service]: unknown key(s) {', '.join(map(repr, unknown))}; "
                              f"known: {', '.join(_KEYS)}")
    for key, name in _ENV.items():
        if env.get(name, "").strip():
            raw[key] = env[name].strip()
    raw.update({k: v for k, v in overrides.items() if v is not None})
    return _build(raw, root, config_path)


def _build(raw: dict[str, Any], root: str, source: str | None) -> ServiceSettings:
    where = f"{os.path.basename(source)}: [service]" if source else "service settings"
    out: dict[str, Any] = {"config_source": source}
    for key in ("host", "public_url", "addin_id", "tenant_id", "client_id", "required_scope", "authority_host",
                "client_secret", "graph_url", "default_config"):
        if key in raw:
            out[key] = _text(raw[key], f"{where} {key}")
    for key in ("cert", "key", "client_cert", "keep_uploads"):
        if key in raw:
            out[key] = os.path.normpath(os.path.join(root, os.path.expanduser(_text(raw[key], f"{where} {key}"))))
    for key in ("audiences", "allowed_tenants", "cors_origins", "graph_scopes"):
        if key in raw:
            out[key] = _list(raw[key], f"{where} {key}")
    if "port" in raw:
        out["port"] = _int(raw["port"], f"{where} port", 0, 65535)
    if "max_upload_mb" in raw:
        out["max_upload_bytes"] = _int(raw["max_upload_mb"], f"{where} max_upload_mb", 1, 2000) * MB
    if "workers" in raw:
        out["workers"] = _int(raw["workers"], f"{where} workers", 1, 256)
    if "threads" in raw:
        out["threads"] = _int(raw["threads"], f"{where} threads", 1, 1024)
    if "memory_limit_mb" in raw:
        out["memory_limit"] = _int(raw["memory_limit_mb"], f"{where} memory_limit_mb", 0, 2**30) * MiB or None
    if "timeout" in raw:
        try:
            out["timeout"] = float(raw["timeout"])
        except (TypeError, ValueError):
            out["timeout"] = -1.0
        if not 0 < out["timeout"] <= 3600:
            raise ConfigError(f"{where} timeout must be a number of seconds between 0 and 3600")
    if "dev" in raw:
        out["dev"] = bool(raw["dev"])
    configs = raw.get("configs") or {}
    if not isinstance(configs, Mapping):
        raise ConfigError(f"{where} configs must be a table of name = \"path/to/pmo-check.toml\"")
    out["configs"] = {}
    for name, path in configs.items():
        if not _NAME.match(str(name)):
            raise ConfigError(f"{where} configs: {name!r} is not a name (letters, digits, '.', '_', '-')")
        out["configs"][str(name)] = os.path.normpath(os.path.join(root, os.path.expanduser(_text(path, f"{where} configs.{name}"))))
    settings = ServiceSettings(**out)
    _check_urls(settings, where)
    if settings.default_config and settings.default_config not in (*settings.configs, *PROFILES):
        raise ConfigError(f"{where} default_config = {settings.default_config!r} names no configuration")
    if settings.dev and not is_loopback(settings.host):
        raise ConfigError(f"--dev serves without TLS and without sign-in, so it listens on loopback only, "
                          f"not on {settings.host!r}; use 127.0.0.1, ::1 or localhost")
    if bool(settings.cert) != bool(settings.key):
        raise ConfigError("give both a certificate and its key (--cert and --key), or neither")
    return settings


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _check_urls(settings: ServiceSettings, where: str) -> None:
    for key in ("authority_host", "graph_url", "public_url"):
        value = getattr(settings, key)
        if value is None:
            continue
        parts = urlsplit(value)
        if parts.scheme != "https" and not (settings.dev and key == "public_url" and parts.scheme == "http"):
            raise ConfigError(f"{where} {key} must be an https:// URL, not {value!r}")
        if not parts.netloc:
            raise ConfigError(f"{where} {key} is not a URL: {value!r}")
    if settings.addin_id is not None:
        try:
            uuid.UUID(settings.addin_id)
        except ValueError:
            raise ConfigError(f"{where} addin_id must be a GUID such as {uuid.uuid4()}") from None
    for origin in settings.cors_origins:
        parts = urlsplit(origin)
        if parts.scheme not in ("https", "http") or not parts.netloc or parts.path not in ("", "/"):
            raise ConfigError(f"{where} cors_origins: {origin!r} is not an origin such as https://pmo.example.com")


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{what} must be a non-empty text")
    return value.strip()


def _list(value: Any, what: str) -> tuple[str, ...]:
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, (list, tuple)) or not all(isinstance(i, str) for i in items):
        raise ConfigError(f"{what} must be a list of texts (or, in the environment, comma-separated)")
    return tuple(i.strip() for i in items if i.strip())


def _int(value: Any, what: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ConfigError(f"{what} must be a whole number")
    try:
        number = int(value)
    except ValueError:
        raise ConfigError(f"{what} must be a whole number") from None
    if not low <= number <= high:
        raise ConfigError(f"{what} must be between {low} and {high}")
    return number
