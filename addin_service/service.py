"""What one running service owns: its settings, the check pool, the named configurations, sign-in.

The pool is created with the app and lives as long as it does (`close()` stops its workers); every
check of every request thread goes through it, so the engine never runs in a request thread and
each document has its time budget and memory cap. A configuration is resolved to frozen `Options`
once, at start-up, and travels with each task: concurrent requests with different configurations
never share state.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from addin_service.auth import TokenValidator
from addin_service.settings import PROFILES, ServiceSettings
from checker import ConfigError
from checker.core.options import Options
from checker.run.pool import CheckPool

DEFAULT = "default"


@dataclass
class Service:
    settings: ServiceSettings
    pool: Any  # CheckPool, or anything with its submit()/status()/shutdown()
    validator: TokenValidator | None  # None: --dev, no sign-in
    graph: Any = None  # GraphDocuments when the app has a credential
    configs: dict[str, Options] = field(default_factory=dict)
    default: str = DEFAULT

    def options(self, name: str | None) -> Options:
        """The options of a configuration name (None: the default). Raises KeyError for an unknown name."""
        return self.configs[name or self.default]

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def build_service(settings: ServiceSettings, pool: Any = None, validator: TokenValidator | None = None,
                  graph: Any = None) -> Service:
    """Resolve the configurations (ConfigError for a bad one), then start what is missing: the
    pool, the token validator (unless --dev) and the Graph reader (when a credential is set)."""
    configs = _configs(settings)
    if validator is None and not settings.dev:
        settings.require_sign_in_settings()
        validator = TokenValidator(settings.authority_host, settings.tenant_id or "", settings.client_id or "",
                                   settings.audiences, settings.allowed_tenants, settings.required_scope)
    if graph is None and not settings.dev and (settings.client_secret or settings.client_cert):
        from addin_service.graph import GraphDocuments

        graph = GraphDocuments(settings)
    if pool is None:
        pool = CheckPool(settings.workers, settings.timeout, settings.memory_limit)
    return Service(settings, pool, validator, graph, configs, settings.default_config or DEFAULT)


def _configs(settings: ServiceSettings) -> dict[str, Options]:
    from checker.config.settings import load, load_file
    from checker.config.tailoring import build

    def options(config: Any) -> Options:
        build(config)  # validate now: a bad pack or rule fails the start, not a request
        return Options(config=config, discover=False, isolate=True, timeout=settings.timeout,
                       memory_limit=settings.memory_limit)

    out = {DEFAULT: options(load_file(settings.config_source) if settings.config_source else None)}
    for profile in PROFILES:
        out[profile] = options(load({"check": {"profile": profile}}))
    for name, path in settings.configs.items():
        try:
            out[name] = options(load_file(path))
        except ConfigError as exc:
            raise ConfigError(f"[service] configs.{name}: {exc}") from None
    return out
