"""`pmo-check.toml`: how a PMO tailors the checker (profile, size, packs, rules, synonyms, waivers).

The file is found next to the documents (the checked file's folder or the nearest folder above it,
up to a repository root or the filesystem root) or given with `--config FILE`; the Python API takes a
path, a dict of the same shape, or None (discovery). Anything invalid raises `ConfigError`: the CLI
prints it and exits 2 without a report. See docs/configuration.md for the schema.

This module reads and validates the file; `checker.config.tailoring` turns a `Config` into the
effective rule set, and `checker.config.waivers` applies its waivers.
"""
from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Mapping

from checker.config.bands import Bands, parse_bands
from checker.core.errors import ConfigError
from checker.core.findings import SEVERITIES
from checker.io.paths import CONFIG_NAME

PROFILES = ("pmbok", "prince2", "cn_pmo")
SIZES = ("small", "medium", "large")
RUNTIME_KEYS = ("today", "rule_ids", "ignore")  # API-only options a dict config may also carry
# [service]: read by addin_service; [audit]: by checker.audit.settings (each validates its own keys);
# [gates] and [[projects]]: by the project view (docs/project-view.md); [nlp]: by checker.nlp
_TOP_KEYS = ("check", "rules", "synonyms", "suppress", "score", "service", "audit", "gates", "projects", "nlp")
_NLP_KEYS = ("en", "zh")  # [nlp]: an installed pretrained spaCy pipeline per language (checker.nlp)
_CHECK_KEYS = ("profile", "size", "exclude", "locale", "packs", "as_of")
_RULE_KEYS = ("severity", "enabled", "params")
_WAIVER_KEYS = ("rule", "path", "reason", "expires", "approved_by")
_PROJECT_KEYS = ("key", "paths", "name")
_LOCALE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
# Locales that write numeric dates month first (03/04/2026 = 4 March is day-first everywhere else).
_MONTH_FIRST = {"en-us", "en-ph", "en-as", "en-gu", "en-mp", "en-pr", "en-um", "en-vi", "en-fm", "en-mh", "en-pw",
                "es-us", "en-ca-x-mdy"}


@dataclass(frozen=True)
class RuleTailoring:
    """`[rules."ID"]`: a rule id or glob (`RR-*`) with what to change."""

    pattern: str
    severity: str | None = None
    enabled: bool | None = None
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Waiver:
    """`[[suppress]]`: a dated, approved exemption of rule(s) for documents matching a path glob."""

    rules: tuple[str, ...]  # ids or globs, upper-case
    path: str | None  # glob relative to the config's folder; None: every document
    reason: str
    expires: date
    approved_by: str
    index: int = 0  # position in the file, for messages

    def matches_rule(self, rule: str) -> bool:
        return any(fnmatch.fnmatchcase(rule.upper(), p) for p in self.rules)

    def matches_path(self, path: str, root: str) -> bool:
        if self.path is None:
            return True
        rel = os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")
        pattern = self.path.replace("\\", "/")
        pattern = pattern[2:] if pattern.startswith("./") else pattern
        candidates = {pattern, pattern[3:] if pattern.startswith("**/") else pattern}
        return any(fnmatch.fnmatch(rel, p) for p in candidates) or \
            ("/" not in pattern and fnmatch.fnmatch(os.path.basename(path), pattern))


@dataclass(frozen=True)
class ProjectGroup:
    """`[[projects]]`: documents matching `paths` (globs relative to the file's folder `root`) are one
    project, `key`, whatever ids and names they carry (the project view's forced grouping)."""

    key: str
    paths: tuple[str, ...]
    root: str
    name: str | None = None

    def matches(self, path: str) -> bool:
        rel = os.path.relpath(os.path.abspath(path), self.root).replace(os.sep, "/")
        return any(fnmatch.fnmatch(rel, p.replace("\\", "/").removeprefix("./")) for p in self.paths)


@dataclass(frozen=True, eq=False)
class Config:
    source: str  # the file, or "<dict>"
    root: str  # folder that relative paths and globs start from
    key: str  # identity of this configuration's content, for caches
    profile: str | None = None
    size: str = "medium"
    locale: str | None = None
    exclude: tuple[str, ...] = ()
    packs: tuple[str, ...] = ()  # absolute paths of organisation packs
    rules: tuple[RuleTailoring, ...] = ()
    synonyms: dict[str, Any] = field(default_factory=dict)
    suppress: tuple[Waiver, ...] = ()
    runtime: dict[str, Any] = field(default_factory=dict)  # today / rule_ids given in a dict config
    bands: Bands = Bands()  # [score]: where reports draw green / amber / red
    as_of: date | None = None  # [check] as_of: the check date, for repeatable runs (`--as-of` wins)
    gates: dict[str, Any] = field(default_factory=dict)  # [gates.G2]: changes to the gates (checker.config.gates)
    projects: tuple[ProjectGroup, ...] = ()  # [[projects]]: forced grouping of documents into projects
    nlp: tuple[tuple[str, str], ...] = ()  # [nlp]: (language, installed spaCy pipeline) pairs


def day_first(locale: str | None) -> bool | None:
    """How `locale` reads 03/04/2026: True day first, False month first, None no locale configured."""
    if not locale:
        return None
    norm = locale.replace("_", "-").lower()
    return not (norm in _MONTH_FIRST or norm.startswith("en-us"))


# --------------------------------------------------------------------------- loading


def load(source: Any) -> Config:
    """A Config from a path to a TOML file or a dict of the same shape. Raises ConfigError."""
    if isinstance(source, Config):
        return source
    if isinstance(source, Mapping):
        return parse(dict(source), "<dict>", os.getcwd())
    if isinstance(source, (str, os.PathLike)):
        return load_file(os.fspath(source))
    raise ConfigError(f"configuration must be a path to a TOML file or a dict, not {type(source).__name__}")


def load_file(path: str) -> Config:
    path = os.path.abspath(path)
    try:
        stat = os.stat(path)
    except OSError as exc:
        raise ConfigError(f"cannot read configuration file {path}: {exc.strerror or exc}") from None
    key = (path, stat.st_mtime_ns, stat.st_size)
    cached = _FILE_CACHE.get(path)
    if cached is not None and cached[0] == key:
        return cached[1]
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"cannot read configuration file {path}: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    config = parse(data, path, os.path.dirname(path))
    _FILE_CACHE[path] = (key, config)
    return config


_FILE_CACHE: dict[str, tuple[tuple, Config]] = {}


def discover(path: str) -> str | None:
    """The pmo-check.toml that governs `path`: in its folder or the nearest folder above it.

    The search stops at a repository root (a folder with `.git`) or the filesystem root.
    """
    folder = os.path.abspath(path)
    if not os.path.isdir(folder):
        folder = os.path.dirname(folder)
    while True:
        candidate = os.path.join(folder, CONFIG_NAME)
        if os.path.isfile(candidate):
            return candidate
        parent = os.path.dirname(folder)
        if parent == folder or os.path.exists(os.path.join(folder, ".git")):
            return None
        folder = parent


# --------------------------------------------------------------------------- validation


def parse(data: dict[str, Any], source: str, root: str) -> Config:
    where = os.path.basename(source) if source != "<dict>" else "configuration"
    runtime = {k: data.pop(k) for k in RUNTIME_KEYS if k in data} if source == "<dict>" else {}
    _no_unknown(data, _TOP_KEYS, where)
    check = _table(data.get("check", {}), f"{where}: [check]")
    _no_unknown(check, _CHECK_KEYS, f"{where}: [check]")

    profile = check.get("profile")
    if profile is not None and profile not in PROFILES:
        raise ConfigError(f"{where}: [check] profile = {profile!r} is not a profile; use one of {', '.join(PROFILES)}")
    size = check.get("size", "medium")
    if size not in SIZES:
        raise ConfigError(f"{where}: [check] size = {size!r} is not a size; use one of {', '.join(SIZES)}")
    locale = check.get("locale")
    if locale is not None and (not isinstance(locale, str) or not _LOCALE.match(locale)):
        raise ConfigError(f"{where}: [check] locale = {locale!r} is not a locale such as \"zh-CN\" or \"en-US\"")
    exclude = tuple(_strings(check.get("exclude", []), f"{where}: [check] exclude"))
    packs = []
    for raw in _strings(check.get("packs", []), f"{where}: [check] packs"):
        pack = os.path.normpath(os.path.join(root, os.path.expanduser(raw)))
        if not os.path.isfile(pack):
            raise ConfigError(f"{where}: [check] packs: organisation pack {raw!r} not found (looked for {pack})")
        packs.append(pack)

    rules = []
    for rid, entry in _table(data.get("rules", {}), f"{where}: [rules]").items():
        what = f'{where}: [rules."{rid}"]'
        entry = _table(entry, what)
        _no_unknown(entry, _RULE_KEYS, what)
        severity = entry.get("severity")
        if severity is not None and severity not in SEVERITIES:
            raise ConfigError(f"{what} severity = {severity!r}; use one of {', '.join(SEVERITIES)}")
        enabled = entry.get("enabled")
        if enabled is not None and not isinstance(enabled, bool):
            raise ConfigError(f"{what} enabled must be true or false")
        params = _table(entry.get("params", {}), f"{what} params")
        rules.append(RuleTailoring(str(rid).upper(), severity, enabled, dict(params)))

    synonyms = _table(data.get("synonyms", {}), f"{where}: [synonyms]")
    validate_synonyms(synonyms, f"{where}: [synonyms]")

    _table(data.get("service", {}), f"{where}: [service]")  # its keys are the service's to validate
    _table(data.get("audit", {}), f"{where}: [audit]")  # and these the audit's
    raw_waivers = data.get("suppress", [])
    if not isinstance(raw_waivers, list):
        raise ConfigError(f"{where}: suppress must be an array of tables ([[suppress]])")
    waivers = tuple(_waiver(w, i, where) for i, w in enumerate(raw_waivers, start=1))

    bands = parse_bands(_table(data.get("score", {}), f"{where}: [score]"), f"{where}: [score]")
    as_of = as_date(check["as_of"], f"{where}: [check] as_of") if "as_of" in check else None
    from checker.config.gates import validate as validate_gates

    gates = validate_gates(_table(data.get("gates", {}), f"{where}: [gates]"), f"{where}: [gates]")
    raw_projects = data.get("projects", [])
    if not isinstance(raw_projects, list):
        raise ConfigError(f"{where}: projects must be an array of tables ([[projects]])")
    projects = tuple(_project(p, i, where, root) for i, p in enumerate(raw_projects, start=1))
    nlp = _nlp_models(_table(data.get("nlp", {}), f"{where}: [nlp]"), f"{where}: [nlp]", root)

    key_src = json.dumps({"source": source, "data": data}, sort_keys=True, default=str, ensure_ascii=False)
    key = hashlib.sha256(key_src.encode("utf-8")).hexdigest()[:16]
    return Config(source=source, root=root, key=key, profile=profile, size=size, locale=locale, exclude=exclude,
                  packs=tuple(packs), rules=tuple(rules), synonyms=dict(synonyms), suppress=waivers,
                  runtime=runtime, bands=bands, as_of=as_of, gates=gates, projects=projects, nlp=nlp)


def _project(raw: Any, index: int, where: str, root: str) -> ProjectGroup:
    what = f"{where}: [[projects]] #{index}"
    raw = _table(raw, what)
    _no_unknown(raw, _PROJECT_KEYS, what)
    key = raw.get("key")
    if not isinstance(key, str) or not key.strip():
        raise ConfigError(f"{what} needs a key (the project's id or name)")
    paths = _strings(raw.get("paths", []), f"{what} paths")
    if not paths:
        raise ConfigError(f"{what} needs paths: globs of the project's documents, relative to this file's folder")
    name = raw.get("name")
    if name is not None and (not isinstance(name, str) or not name.strip()):
        raise ConfigError(f"{what} name must be a non-empty text")
    return ProjectGroup(key.strip(), tuple(paths), root, name.strip() if name else None)


def _nlp_models(table: dict[str, Any], what: str, root: str) -> tuple[tuple[str, str], ...]:
    """`[nlp] en = "en_core_web_sm"`: a pretrained spaCy pipeline the user has installed (a package name or
    a folder), used instead of the blank one for that language. Never downloaded: it must be there."""
    import importlib.util

    _no_unknown(table, _NLP_KEYS, what)
    out = []
    for language, name in table.items():
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"{what} {language} must be the name of an installed spaCy pipeline or a folder")
        name = name.strip()
        folder = os.path.normpath(os.path.join(root, os.path.expanduser(name)))
        if os.path.isdir(folder):
            name = folder
        elif not re.fullmatch(r"[A-Za-z_][\w.]*", name) or importlib.util.find_spec(name) is None:
            raise ConfigError(f"{what} {language} = {name!r}: no installed spaCy pipeline or folder of that name "
                              f"(install it with pip; pmo-check never downloads one)")
        out.append((language, name))
    return tuple(sorted(out))


def _waiver(raw: Any, index: int, where: str) -> Waiver:
    what = f"{where}: [[suppress]] #{index}"
    raw = _table(raw, what)
    _no_unknown(raw, _WAIVER_KEYS, what)
    missing = [k for k in ("rule", "reason", "expires", "approved_by") if not raw.get(k)]
    if missing:
        raise ConfigError(f"{what} needs {', '.join(missing)}: a waiver must say which rule, why, until when "
                          f"and who approved it")
    rules = raw["rule"] if isinstance(raw["rule"], list) else [raw["rule"]]
    rules = [str(r).strip().upper() for r in _strings(rules, f"{what} rule")]
    for r in rules:
        if not re.fullmatch(r"[A-Z0-9*?\[\]_.-]+", r):
            raise ConfigError(f"{what} rule {r!r} is not a rule id or glob such as \"RR-16\" or \"RR-*\"")
    path = raw.get("path")
    if path is not None and (not isinstance(path, str) or not path.strip()):
        raise ConfigError(f"{what} path must be a glob such as \"registers/*.xlsx\"")
    for key in ("reason", "approved_by"):
        if not isinstance(raw[key], str) or not raw[key].strip():
            raise ConfigError(f"{what} {key} must be a non-empty text")
    return Waiver(tuple(rules), path, raw["reason"].strip(), as_date(raw["expires"], f"{what} expires"),
                  raw["approved_by"].strip(), index)


def as_date(value: Any, what: str) -> date:
    """A configuration's date (a TOML date, or '2027-01-31'); ConfigError names `what` otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ConfigError(f"{what} = {value!r} is not a date (write it as 2027-01-31)")


def validate_synonyms(extra: Mapping[str, Any], what: str) -> None:
    """Extra synonyms must name things the lexicon has: `TYPE.sections.KEY = {en, zh}`, `common.…` or
    `nlp.…` (the words of the text helpers, rules/lexicons/nlp.yaml)."""
    from checker.lexicon.files import shipped

    for top, node in extra.items():
        base = shipped(top) if top in ("common", "nlp") else shipped("doctypes").get(top)
        if base is None:
            raise ConfigError(f"{what}: {top!r} is not a document type (CHARTER, RISK_REGISTER, …), 'common' or 'nlp'")
        _check_node(node, base, f"{what}.{top}")


def _check_node(node: Any, base: Any, what: str) -> None:
    if isinstance(node, Mapping):
        if not isinstance(base, Mapping) and not isinstance(base, list):
            raise ConfigError(f"{what}: the lexicon has no entries here")
        for k, v in node.items():
            if k in ("en", "zh"):
                sub = base.get(k) if isinstance(base, Mapping) else base
                if not isinstance(v, (list, str)) or (isinstance(v, list) and not all(isinstance(s, str) for s in v)):
                    raise ConfigError(f"{what}.{k} must be a list of words")
                if sub is not None and not isinstance(sub, (list, str)):
                    raise ConfigError(f"{what}.{k}: the lexicon has no word list here")
                continue
            if not isinstance(base, Mapping) or k not in base:
                raise ConfigError(f"{what}: the lexicon has no {k!r} here (synonyms extend existing entries; "
                                  f"a new section belongs in a rule's params)")
            _check_node(v, base[k], f"{what}.{k}")
        return
    if isinstance(node, list) and all(isinstance(s, str) for s in node) and (isinstance(base, list) or base is None):
        return
    raise ConfigError(f"{what}: give the extra words as {{en = [...], zh = [...]}}")


def _table(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{what} must be a table")
    return dict(value)


def _strings(value: Any, what: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{what} must be a list of texts")
    return list(value)


def _no_unknown(table: Mapping[str, Any], allowed: tuple[str, ...], what: str) -> None:
    unknown = [k for k in table if k not in allowed]
    if unknown:
        raise ConfigError(f"{what}: unknown key{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))} "
                          f"(allowed: {', '.join(allowed)})")
