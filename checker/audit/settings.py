"""The audit's settings: `[audit]` of a pmo-check.toml, overridden by the environment, then by the
command line. The environment variables are the contract's (`PMO_CHECK_TENANT_ID`, …), shared with
the service; a bad value is a ConfigError that names the key (exit status 2). docs/audit.md lists
every key.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from typing import Any, Mapping
from urllib.parse import urlsplit

from checker.core.errors import ConfigError

DEFAULT_AUTHORITY = "https://login.microsoftonline.com"
DEFAULT_GRAPH = "https://graph.microsoft.com/v1.0"
MiB = 2**20
_KEYS = ("db", "workers", "scheduler", "timeout", "memory_limit_mb", "mapping", "columns", "write_back",
         "write_back_columns", "tenant_id", "client_id", "client_secret", "client_cert", "authority_host", "graph_url",
         "token_cache")
_ENV = {"tenant_id": "PMO_CHECK_TENANT_ID", "client_id": "PMO_CHECK_CLIENT_ID", "client_secret": "PMO_CHECK_CLIENT_SECRET",
        "client_cert": "PMO_CHECK_CLIENT_CERT", "authority_host": "PMO_CHECK_AUTHORITY_HOST",
        "graph_url": "PMO_CHECK_GRAPH_URL"}
_FIELDS = ("portfolio", "department", "manager")


@dataclass(frozen=True)
class AuditSettings:
    db: str | None = None
    workers: int | None = None
    scheduler: str | None = None
    timeout: float = 60.0
    memory_limit: int | None = 1024 * MiB
    mapping: str | None = None  # the PMO's mapping file (CSV/YAML), absolute
    columns: dict[str, str] = field(default_factory=dict)  # portfolio/department/manager → library column
    write_back: bool = False
    write_back_columns: dict[str, str] = field(default_factory=lambda: {"score": "PMOAuditScore",
                                                                       "status": "PMOAuditStatus"})
    tenant_id: str | None = None
    client_id: str | None = None
    client_secret: str | None = None
    client_cert: str | None = None  # a PEM file with the private key and the certificate
    authority_host: str = DEFAULT_AUTHORITY
    graph_url: str = DEFAULT_GRAPH
    token_cache: str | None = None  # msal's token cache, kept between runs

    def require_app(self) -> None:
        """A SharePoint source needs the app registration: tenant, client id and a credential."""
        missing = [env for key, env in _ENV.items() if key in ("tenant_id", "client_id") and not getattr(self, key)]
        if not self.client_secret and not self.client_cert:
            missing.append("PMO_CHECK_CLIENT_SECRET or PMO_CHECK_CLIENT_CERT")
        if missing:
            raise ConfigError(f"auditing SharePoint needs the app's registration: set {', '.join(missing)} "
                              f"(or [audit] in pmo-check.toml; see docs/audit.md)")


def load_audit_settings(config_path: str | None, env: Mapping[str, str] | None = None) -> AuditSettings:
    """`[audit]` of `config_path` (if any), then the environment. Raises ConfigError."""
    env = os.environ if env is None else env
    raw: dict[str, Any] = {}
    root = os.getcwd()
    where = "audit settings"
    if config_path:
        config_path = os.path.abspath(config_path)
        try:
            with open(config_path, "rb") as fh:
                raw = dict(tomllib.load(fh).get("audit") or {})
        except OSError as exc:
            raise ConfigError(f"cannot read configuration file {config_path}: {exc.strerror or exc}") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{config_path}: not valid TOML: {exc}") from None
        root, where = os.path.dirname(config_path), f"{os.path.basename(config_path)}: [audit]"
        unknown = sorted(set(raw) - set(_KEYS))
        if unknown:
            raise ConfigError(f"{where}: unknown key(s) {', '.join(map(repr, unknown))}; known: {', '.join(_KEYS)}")
    for key, name in _ENV.items():
        if env.get(name, "").strip():
            raw[key] = env[name].strip()
    return _build(raw, root, where)


def _build(raw: dict[str, Any], root: str, where: str) -> AuditSettings:
    out: dict[str, Any] = {}
    for key in ("db", "scheduler", "tenant_id", "client_id", "client_secret", "authority_host", "graph_url"):
        if key in raw:
            out[key] = _text(raw[key], f"{where} {key}")
    for key in ("mapping", "client_cert", "token_cache"):
        if key in raw:
            out[key] = os.path.normpath(os.path.join(root, os.path.expanduser(_text(raw[key], f"{where} {key}"))))
    if "workers" in raw:
        out["workers"] = _int(raw["workers"], f"{where} workers", 1, 1024)
    if "memory_limit_mb" in raw:
        out["memory_limit"] = _int(raw["memory_limit_mb"], f"{where} memory_limit_mb", 0, 2**30) * MiB or None
    if "timeout" in raw:
        value = raw["timeout"]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 3600:
            raise ConfigError(f"{where} timeout must be a number of seconds between 0 and 3600")
        out["timeout"] = float(value)
    if "write_back" in raw:
        if not isinstance(raw["write_back"], bool):
            raise ConfigError(f"{where} write_back must be true or false")
        out["write_back"] = raw["write_back"]
    if "columns" in raw:
        out["columns"] = _columns(raw["columns"], f"{where} columns", _FIELDS)
    if "write_back_columns" in raw:
        out["write_back_columns"] = {**AuditSettings().write_back_columns,
                                     **_columns(raw["write_back_columns"], f"{where} write_back_columns",
                                                ("score", "status"))}
    settings = AuditSettings(**out)
    for key in ("authority_host", "graph_url"):
        parts = urlsplit(getattr(settings, key))
        if parts.scheme != "https" or not parts.netloc:
            raise ConfigError(f"{where} {key} must be an https:// URL, not {getattr(settings, key)!r}")
    return settings


def _columns(value: Any, what: str, allowed: tuple[str, ...]) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{what} must be a table such as {{{allowed[0]} = \"ColumnName\"}}")
    unknown = sorted(set(value) - set(allowed))
    if unknown:
        raise ConfigError(f"{what}: unknown key(s) {', '.join(unknown)}; known: {', '.join(allowed)}")
    return {k: _text(v, f"{what}.{k}") for k, v in value.items()}


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{what} must be a non-empty text")
    return value.strip()


def _int(value: Any, what: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ConfigError(f"{what} must be a whole number between {low} and {high}")
    return value
