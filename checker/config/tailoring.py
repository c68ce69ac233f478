"""The effective rule set of one configuration: built-in packs + organisation packs + profile/size + [rules].

Precedence, lowest first, for a rule's params (`merge_params`), severity and on/off:

1. the built-in pack (`rules/*.yaml`);
2. the size's kind-wide params (`rules/profiles.yaml` `sizes.<size>.kinds.<kind>`), then the profile's
   and the size's per-rule params (`profiles.<p>.params.<ID>`, `sizes.<size>.params.<ID>`);
3. organisation packs (`[check] packs`), in order: `overrides`, `disable`;
4. `[rules."ID"]` in pmo-check.toml (ids or globs).

A profile keeps, for rules limited to document types, only the profile's types. Organisation packs
may add rules of their own under ids that do not use a standard prefix. A rule's effective params
must be valid for its kind (`Kind.Params`); when they are not, the error names the layer that made
them invalid. Kinds are instantiated once per configuration and cached; the configuration's
vocabulary (its extra synonyms) travels with it.
"""
from __future__ import annotations

import copy
import fnmatch
import hashlib
import os
import re
import threading
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Any, Callable, Mapping

import yaml
from pydantic import ValidationError

from checker.config import gates as gate_defs
from checker.config.gates import Gate
from checker.config.packs import builtin_specs, pack_defaults
from checker.config.settings import PROFILES, SIZES, Config, ProjectGroup, Waiver, validate_synonyms
from checker.core import yamlio
from checker.core.errors import ConfigError, PackError
from checker.core.findings import SEVERITIES
from checker.core.resources import rules_folder
from checker.kinds import registry
from checker.kinds.params import explain, parse
from checker.kinds.spec import RuleSpec
from checker.kinds.spec import rule_spec as _spec
from checker.lexicon.files import shipped
from checker.lexicon.vocabulary import Vocabulary, shipped_vocabulary

# Rule-id prefixes of the standard (§8 inventory): a rule of an organisation's own may not use them.
STANDARD_PREFIXES = frozenset({
    "COM", "BC", "PB", "IRV", "CH", "PID", "SS", "PMP", "SCH", "RES", "RACI", "COST", "QP", "COMM", "RMP", "CMP",
    "STK", "RR", "IR", "CR", "CL", "MM", "SR", "ESR", "CLS", "LL", "GATE", "XD"})
TOOL_PREFIXES = frozenset({"SUP"})  # the checker's own findings (checker.suppress)
_OWN_ID = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$")
_PACK_KEYS = ("pack", "description", "extends", "applies_to", "documents", "blank_template", "overrides", "disable",
              "rules", "synonyms", "profiles", "sizes", "gates")
_OVERRIDE_KEYS = ("severity", "params", "enabled", "applies_to", "synonyms")

@dataclass(frozen=True, eq=False)
class Tailoring:
    key: str
    source: str | None  # the pmo-check.toml, "<dict>", or None for the defaults
    root: str
    profile: str | None
    size: str
    locale: str | None
    specs: tuple[RuleSpec, ...]  # the rules that run
    disabled: tuple[RuleSpec, ...] = ()  # switched off (by a pack, [rules] or the profile)
    vocab: Vocabulary = field(default_factory=shipped_vocabulary)  # the lexicons with the extra synonyms
    waivers: tuple[Waiver, ...] = ()
    exclude: tuple[str, ...] = ()
    runtime: dict[str, Any] = field(default_factory=dict)
    as_of: date | None = None  # [check] as_of: the check date of the documents it governs
    gates: Mapping[str, Gate] = field(default_factory=dict)  # G0…G4 for this profile and size (checker.config.gates)
    projects: tuple[ProjectGroup, ...] = ()  # [[projects]] of pmo-check.toml: forced grouping

    def excludes(self, path: str) -> bool:
        if not self.exclude:
            return False
        rel = os.path.relpath(os.path.abspath(path), self.root).replace(os.sep, "/")
        return not rel.startswith("../") and any(fnmatch.fnmatch(rel, p) for p in self.exclude)


# --------------------------------------------------------------------------- profiles.yaml


@lru_cache(maxsize=1)
def profile_data() -> dict[str, Any]:
    try:
        with (rules_folder() / "profiles.yaml").open(encoding="utf-8") as fh:
            data = yamlio.safe_load(fh) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise PackError(f"profiles.yaml: {exc}") from None
    return data


def _merge_profiles(base: dict[str, Any], extra: Mapping[str, Any], what: str,
                    origins: dict[tuple[str, ...], str]) -> None:
    """Org-pack `profiles:` / `sizes:` onto the shipped ones: lists replace, params merge per rule.
    `origins` records which pack set each param (section, name, params|kinds, id|kind, key)."""
    for section, names in (("profiles", PROFILES), ("sizes", SIZES)):
        for name, entry in (extra.get(section) or {}).items():
            if name not in names:
                raise ConfigError(f"{what}: {section}: {name!r} is not one of {', '.join(names)}")
            if not isinstance(entry, Mapping):
                raise ConfigError(f"{what}: {section}.{name} must be a mapping")
            target = base.setdefault(section, {}).setdefault(name, {})
            for key, value in entry.items():
                if key in ("doc_types", "optional_doc_types") and section == "profiles":
                    if not isinstance(value, list):
                        raise ConfigError(f"{what}: {section}.{name}.{key} must be a list of document types")
                    target[key] = list(value)
                elif key == "params" or (key == "kinds" and section == "sizes"):
                    if not isinstance(value, Mapping):
                        raise ConfigError(f"{what}: {section}.{name}.{key} must map ids/kinds to params")
                    into = target.setdefault(key, {})
                    for rid, params in value.items():
                        if not isinstance(params, Mapping):
                            raise ConfigError(f"{what}: {section}.{name}.{key}.{rid} must be params (a mapping)")
                        if key == "kinds" and registry.kind(str(rid)) is None:
                            raise ConfigError(f"{what}: {section}.{name}.kinds: unknown kind {rid!r} "
                                              f"(kinds: {', '.join(registry.names())})")
                        into[str(rid)] = {**(into.get(str(rid)) or {}), **params}
                        origins.update({(section, name, key, str(rid), str(p)): what for p in params})
                else:
                    raise ConfigError(f"{what}: {section}.{name}: unknown key {key!r}")


# --------------------------------------------------------------------------- organisation packs


@dataclass
class _OrgPack:
    name: str
    path: str
    extends: list[str]
    overrides: dict[str, dict[str, Any]]
    disable: list[str]
    rules: list[RuleSpec]
    synonyms: dict[str, Any]
    tailoring: dict[str, Any]  # profiles / sizes
    gates: dict[str, Any]  # changes to the gates (checker.config.gates)


def _load_org_pack(path: str) -> _OrgPack:
    where = os.path.basename(path)
    try:
        with open(path, encoding="utf-8") as fh:
            data = yamlio.safe_load(fh) or {}
    except OSError as exc:
        raise ConfigError(f"cannot read organisation pack {path}: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{where}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: an organisation pack is a mapping (pack, extends, overrides, disable, rules)")
    unknown = [k for k in data if k not in _PACK_KEYS]
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(map(repr, unknown))} (allowed: {', '.join(_PACK_KEYS)})")
    name = str(data.get("pack") or os.path.splitext(where)[0])
    extends = data.get("extends", "builtin")
    extends = [extends] if isinstance(extends, str) else extends
    if not isinstance(extends, list) or not all(isinstance(e, str) for e in extends):
        raise ConfigError(f"{where}: extends must be 'builtin' or a list of pack names")
    overrides = data.get("overrides") or {}
    if not isinstance(overrides, Mapping):
        raise ConfigError(f"{where}: overrides must map rule ids to {{severity, params, enabled}}")
    clean: dict[str, dict[str, Any]] = {}
    for rid, entry in overrides.items():
        if not isinstance(entry, Mapping):
            raise ConfigError(f"{where}: overrides.{rid} must be a mapping")
        bad = [k for k in entry if k not in _OVERRIDE_KEYS]
        if bad:
            raise ConfigError(f"{where}: overrides.{rid}: unknown key(s) {', '.join(map(repr, bad))} "
                              f"(allowed: {', '.join(_OVERRIDE_KEYS)})")
        if entry.get("severity") is not None and entry["severity"] not in SEVERITIES:
            raise ConfigError(f"{where}: overrides.{rid}.severity must be one of {', '.join(SEVERITIES)}")
        if entry.get("params") is not None and not isinstance(entry["params"], Mapping):
            raise ConfigError(f"{where}: overrides.{rid}.params must be a mapping")
        clean[str(rid).upper()] = dict(entry)
    disable = data.get("disable") or []
    if isinstance(disable, str):
        disable = [disable]
    if not isinstance(disable, list):
        raise ConfigError(f"{where}: disable must be a list of rule ids")
    applies = data.get("applies_to")
    pack_applies = None if applies in (None, "all", "ALL") else tuple(applies)
    rules = []
    for raw in data.get("rules") or []:
        if not isinstance(raw, Mapping):
            raise ConfigError(f"{where}: each rule is a mapping (id, kind, severity, title, message, …)")
        try:
            rules.append(_spec({**pack_defaults(data), **raw}, name, pack_applies, source=path))
        except PackError as exc:
            raise ConfigError(f"{where}: {exc}") from None
    synonyms = data.get("synonyms") or {}
    if not isinstance(synonyms, Mapping):
        raise ConfigError(f"{where}: synonyms must be a mapping like the lexicon's")
    validate_synonyms(synonyms, f"{where}: synonyms")
    tailoring = {k: data[k] for k in ("profiles", "sizes") if data.get(k)}
    gates = gate_defs.validate(data.get("gates") or {}, f"{where}: gates")
    return _OrgPack(name, path, extends, clean, [str(d).upper() for d in disable], rules, dict(synonyms), tailoring,
                    gates)


def _prefix(rule_id: str) -> str:
    return rule_id.split("-", 1)[0]


# --------------------------------------------------------------------------- building


_BUILT: dict[str, Tailoring] = {}
_LOCK = threading.RLock()


def default() -> Tailoring:
    """The tailoring without any configuration: every built-in rule, size medium, no profile."""
    return build(None)


def build(config: Config | None) -> Tailoring:
    """The effective rule set of `config` (None: defaults). Raises ConfigError; cached per content."""
    key = _key(config)
    with _LOCK:
        cached = _BUILT.get(key)
        if cached is None:
            cached = _build(config, key)
            if len(_BUILT) > 64:
                _BUILT.clear()
            _BUILT[key] = cached
        return cached


def _key(config: Config | None) -> str:
    if config is None:
        return "default"
    parts = [config.key]
    for pack in config.packs:
        try:
            st = os.stat(pack)
            parts.append(f"{pack}:{st.st_mtime_ns}:{st.st_size}")
        except OSError:
            parts.append(f"{pack}:missing")
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:20]


def _build(config: Config | None, key: str) -> Tailoring:
    builtin = builtin_specs()
    pack_names = {s.pack for s in builtin}
    reserved = STANDARD_PREFIXES | TOOL_PREFIXES | {_prefix(s.id) for s in builtin}
    profiles = copy.deepcopy(profile_data())
    origins: dict[tuple[str, ...], str] = {}  # params set by organisation packs; the rest are PROFILES_FILE's

    org = [_load_org_pack(p) for p in (config.packs if config else ())]
    selected: set[str] = set()
    known_packs = set(pack_names)
    for pack in org:
        for name in pack.extends:
            if name == "builtin":
                selected |= pack_names
            elif name in known_packs:
                selected.add(name)
            else:
                raise ConfigError(f"{os.path.basename(pack.path)}: extends {name!r}, which is not a pack "
                                  f"(built-in packs: builtin, {', '.join(sorted(pack_names))})")
        known_packs.add(pack.name)
        _merge_profiles(profiles, pack.tailoring, os.path.basename(pack.path), origins)
    base = [s for s in builtin if not org or s.pack in selected]

    # Rules of the organisation's own: own ids, registered kinds, valid params.
    ids = {s.id for s in builtin}
    own: list[RuleSpec] = []
    for pack in org:
        where = os.path.basename(pack.path)
        for spec in pack.rules:
            if spec.id in ids:
                raise ConfigError(f"{where}: rule {spec.id} already exists; change it under `overrides:` instead")
            if not _OWN_ID.match(spec.id):
                raise ConfigError(f"{where}: rule id {spec.id!r} must look like ACME-01 (upper-case prefix, dash, number)")
            if _prefix(spec.id) in reserved:
                raise ConfigError(f"{where}: rule id {spec.id} uses the prefix {_prefix(spec.id)}, which the "
                                  f"standard (or pmo-check) uses; give your own rules a prefix of your own "
                                  f"(e.g. ACME-01), or change a standard rule under `overrides:`")
            kind = registry.kind(spec.kind)
            if kind is None:
                raise ConfigError(f"{where}: rule {spec.id}: unknown kind {spec.kind!r} "
                                  f"(kinds: {', '.join(registry.names())})")
            parse(kind.Params, spec.params, f"{where}: rule {spec.id}", ConfigError)
            ids.add(spec.id)
            own.append(spec)
    all_ids = {s.id for s in base} | {s.id for s in own}

    profile = config.profile if config else None
    size = config.size if config else "medium"
    prof = (profiles.get("profiles") or {}).get(profile) if profile else None
    sz = (profiles.get("sizes") or {}).get(size) or {}
    allowed = None
    if prof is not None:
        allowed = set(prof.get("doc_types") or []) | set(prof.get("optional_doc_types") or [])

    def origin_of(*path: str, rule: str = "") -> Callable[[str], str]:
        """Where a profiles/sizes param comes from: the organisation pack that set it, else profiles.yaml."""
        return lambda p: f"{origins.get((*path, p), 'profiles.yaml')}: {'.'.join(path)}{rule}"

    enabled: list[RuleSpec] = []
    disabled: list[RuleSpec] = []
    for spec in [*base, *own]:
        start = dict(spec.params)
        if "size" in start:  # a rule with per-size values (RR-22 `sizes`) picks the configured size
            start["size"] = size
        params = dict(start)
        layers = [_Layer(origin_of("sizes", size, "kinds", spec.kind, rule=f" (rule {spec.id})"),
                         (sz.get("kinds") or {}).get(spec.kind) or {})]
        if prof is not None:
            layers.append(_Layer(origin_of("profiles", profile, "params", spec.id),
                                 (prof.get("params") or {}).get(spec.id) or {}))
        layers.append(_Layer(origin_of("sizes", size, "params", spec.id), (sz.get("params") or {}).get(spec.id) or {}))
        for layer in layers:
            layer.apply(params)
        severity, on, applies = spec.severity, True, spec.applies_to
        for pack in org:
            entry = pack.overrides.get(spec.id)
            if entry:
                severity = entry.get("severity") or severity
                where = f"{os.path.basename(pack.path)}: overrides.{spec.id}"
                new = [_Layer(_fixed(where), entry.get("params") or {})]
                if entry.get("synonyms"):
                    new.append(_Layer(_fixed(f"{where}.synonyms"), {"synonyms": entry["synonyms"]},
                                      replace_entries=True))
                for layer in new:
                    layer.apply(params)
                layers += new
                if entry.get("enabled") is not None:
                    on = bool(entry["enabled"])
                if entry.get("applies_to") is not None:
                    raw = entry["applies_to"]
                    applies = None if raw in ("all", "ALL") else tuple(raw)
            if any(fnmatch.fnmatchcase(spec.id, d) for d in pack.disable):
                on = False
        for rule in (config.rules if config else ()):
            if fnmatch.fnmatchcase(spec.id, rule.pattern):
                severity = rule.severity or severity
                rule_where = f'{_where(config)}: [rules."{rule.pattern}"]'
                layers.append(_Layer(_fixed(rule_where if rule.pattern == spec.id else f"{rule_where} (rule {spec.id})"),
                                     rule.params))
                layers[-1].apply(params)
                if rule.enabled is not None:
                    on = rule.enabled
        if spec.automation == "J" and severity != "info" and severity != spec.severity:
            raise ConfigError(f"rule {spec.id} needs human judgement (automation J): it reports info with "
                              f"needs_review and cannot be made {severity}")
        if allowed is not None and applies is not None:
            kept = tuple(t for t in applies if t in allowed)
            if not kept:
                on = False
            applies = kept or applies
        _check_params(spec, start, layers, params)
        effective = replace(spec, severity=severity, params=params, applies_to=applies)
        (enabled if on else disabled).append(effective)

    # Every id and glob tailored must name a rule.
    for pack in org:
        for rid in [*pack.overrides, *pack.disable]:
            if not any(fnmatch.fnmatchcase(i, rid) for i in all_ids):
                raise ConfigError(f"{os.path.basename(pack.path)}: unknown rule id {rid!r} "
                                  f"(`pmo-check rules` lists the ids)")
    for rule in (config.rules if config else ()):
        if not any(fnmatch.fnmatchcase(i, rule.pattern) for i in all_ids):
            raise ConfigError(f"{_where(config)}: [rules.\"{rule.pattern}\"]: unknown rule id "
                              f"(`pmo-check rules` lists the ids)")

    extra: dict[str, Any] = {}
    for pack in org:
        _deep_merge(extra, pack.synonyms)
    if config:
        _deep_merge(extra, config.synonyms)
    raw_gates = dict(gate_defs.shipped())
    for overlay in [*(pack.gates for pack in org), config.gates if config else {}]:
        raw_gates = gate_defs.merge(raw_gates, overlay)
    profile_types = frozenset(prof.get("doc_types") or []) if prof is not None else None
    return Tailoring(key=key, source=config.source if config else None,
                     root=config.root if config else os.getcwd(), profile=profile, size=size,
                     locale=config.locale if config else None, specs=tuple(enabled), disabled=tuple(disabled),
                     vocab=_vocabulary(key, extra), waivers=config.suppress if config else (),
                     exclude=config.exclude if config else (), runtime=dict(config.runtime) if config else {},
                     as_of=config.as_of if config else None,
                     gates=gate_defs.resolve(raw_gates, profile, size, profile_types),
                     projects=config.projects if config else ())


@dataclass(frozen=True)
class _Layer:
    """One tailoring step of a rule's params, and where it comes from (for error messages)."""

    where: Callable[[str], str]  # of the first param key an error is about
    override: Mapping[str, Any]
    replace_entries: bool = False  # `overrides.ID.synonyms`: the rule's `synonyms` entries replaced by key

    def apply(self, params: dict[str, Any]) -> None:
        if not self.replace_entries:
            merge_params(params, self.override)
            return
        for key, value in self.override.items():
            params[key] = {**(params.get(key) or {}), **value}


def _fixed(where: str) -> Callable[[str], str]:
    return lambda _key: where


def _check_params(spec: RuleSpec, start: Mapping[str, Any], layers: list[_Layer], params: Mapping[str, Any]) -> None:
    """Raise ConfigError unless `params` suit the rule's kind, naming the first layer that broke them
    (the pack's own params were checked when the pack was loaded)."""
    model = registry.kind(spec.kind).Params
    try:
        model.model_validate(params)
        return
    except ValidationError:
        pass
    replay = dict(start)
    for layer in layers:
        layer.apply(replay)
        try:
            model.model_validate(replay)
        except ValidationError as exc:
            loc = exc.errors()[0]["loc"]
            raise ConfigError(f"{layer.where(str(loc[0]) if loc else '')} {explain(exc, model)}") from None


def merge_params(params: dict[str, Any], override: Mapping[str, Any]) -> None:
    """Tailored params onto a rule's: mappings merge key by key; a key the rule keeps only inside one
    of its mappings goes there (`days = 45` for RR-16's `stale: {days: 30, …}`); the rest replace."""
    for key, value in override.items():
        current = params.get(key)
        if isinstance(value, Mapping) and isinstance(current, Mapping):
            merged = dict(current)
            merge_params(merged, value)
            params[key] = merged
        elif key in params:
            params[key] = value
        else:
            holders = [k for k, v in params.items() if isinstance(v, Mapping) and key in v]
            if len(holders) == 1:
                params[holders[0]] = {**params[holders[0]], key: value}
            else:
                params[key] = value


def _where(config: Config) -> str:
    return os.path.basename(config.source) if config.source != "<dict>" else "configuration"


def _deep_merge(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    for k, v in extra.items():
        if isinstance(v, Mapping) and isinstance(base.get(k), dict):
            _deep_merge(base[k], v)
        elif isinstance(v, Mapping):
            base[k] = _deep_merge({}, v) if not isinstance(base.get(k), list) else base[k] + _words(v)
        elif isinstance(v, (list, str)):
            old = base.get(k)
            words = [v] if isinstance(v, str) else list(v)
            if isinstance(old, list):
                base[k] = old + [w for w in words if w not in old]
            elif isinstance(old, str):
                base[k] = [old] + [w for w in words if w != old]
            else:
                base[k] = words
        else:
            base[k] = v
    return base


def _words(entry: Mapping[str, Any]) -> list[str]:
    out: list[str] = []
    for lang in ("en", "zh"):
        value = entry.get(lang) or []
        out.extend([value] if isinstance(value, str) else value)
    return out


def _vocabulary(key: str, extra: Mapping[str, Any]) -> Vocabulary:
    """The shipped lexicons with the extra synonyms merged in (the shipped vocabulary when none)."""
    if not extra:
        return shipped_vocabulary()
    out: dict[str, dict[str, Any]] = {}
    common = {k: v for k, v in extra.items() if k == "common"}
    types = {k: v for k, v in extra.items() if k != "common"}
    if types:
        out["doctypes"] = _deep_merge(copy.deepcopy(dict(shipped("doctypes"))), types)
    if common:
        out["common"] = _deep_merge(copy.deepcopy(dict(shipped("common"))), common["common"])
    return Vocabulary(key, out)


# --------------------------------------------------------------------------- running


_KINDS: dict[str, tuple] = {}


def kinds(tailoring: Tailoring) -> tuple:
    """The rule kinds of `tailoring`, instantiated once."""
    with _LOCK:
        built = _KINDS.get(tailoring.key)
        if built is not None:
            return built
        out = []
        for spec in tailoring.specs:
            kind = registry.kind(spec.kind)
            if kind is None:
                raise PackError(f"rule {spec.id}: unknown kind '{spec.kind}'")
            out.append(kind(spec))
        if len(_KINDS) > 64:
            _KINDS.clear()
        _KINDS[tailoring.key] = built = tuple(out)
        return built
