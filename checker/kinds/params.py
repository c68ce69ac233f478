"""Typed rule parameters: each kind declares its own as a `KindParams` model (`class Params` on the kind).

A pack or a `pmo-check.toml` that misspells a parameter or gives it a bad value must be a
configuration error that names the file, the rule and the key, not a rule that silently does
nothing. So every kind's parameters are a pydantic model that forbids unknown keys; the models also
give the JSON Schema of the packs and of `pmo-check.toml` (`checker.config.schema`) and the
parameter tables of the documentation. Shared value types (severities, regular expressions, a word
or a list of words, bilingual names) live here so that every kind spells them the same way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from types import UnionType
from typing import Annotated, Any, Literal, Mapping, Union, get_args, get_origin

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

Severity = Literal["blocker", "major", "minor", "info"]
Size = Literal["small", "medium", "large"]


class KindParams(BaseModel):
    """The parameters of a kind that takes none; kinds subclass it and add theirs, with defaults."""

    # Frozen: one rule's params are shared by the threads that check documents with it.
    model_config = ConfigDict(extra="forbid", frozen=True)


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression ({exc})") from None
    return pattern


def one_or_many(item: Any) -> Any:
    """A list of `item`, written as one or as a list (`status: open`, `status: [open, occurred]`)."""
    return Annotated[list[item], BeforeValidator(_as_list, json_schema_input_type=item | list[item])]


Words = one_or_many(str)
# A regular expression, checked when the rule is built (the kind compiles it with its own flags).
Regex = Annotated[str, AfterValidator(_compiles)]


class Text(KindParams):
    """A name in English and Chinese (either may be missing)."""

    en: str | None = Field(None, description="in English")
    zh: str | None = Field(None, description="in Chinese")

    def get(self, language: str) -> str | None:
        return self.zh if language == "zh" else self.en


# Section synonyms as the lexicon writes them: key -> {en: [...], zh: [...]}.
SectionSynonyms = dict[str, dict[Literal["en", "zh"], Words]]


def parse(model: type[KindParams], raw: Mapping[str, Any], where: str, error: type[Exception]) -> KindParams:
    """`raw` as `model`, or `error("{where} params.key: what is wrong")`."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise error(f"{where} {explain(exc, model)}") from None


def explain(exc: ValidationError, model: type[KindParams]) -> str:
    """The problems of a validation, one `params.<key>: <problem>` each, joined by '; '."""
    out = []
    for err in exc.errors(include_url=False):
        loc = err["loc"]
        path = "".join(f".{p}" for p in loc if p != "[key]")  # a dict key's own error: loc ends in [key]
        out.append(f"params{path}: {_problem(err, model, loc)}")
    return "; ".join(dict.fromkeys(out))


def _problem(err: Any, model: type[KindParams], loc: tuple) -> str:
    kind, value = err["type"], err.get("input")
    key = "key " if loc and loc[-1] == "[key]" else ""
    if kind == "extra_forbidden":
        known = sorted(_fields_at(model, loc[:-1]))
        return "unknown key" + (f" (known: {', '.join(known)})" if known else "")
    if kind == "missing":
        return "required"
    if kind == "literal_error":
        expected = str((err.get("ctx") or {}).get("expected", "")).replace(" or ", ", ")
        return f"{key}{value!r} is not one of {expected}"
    message = str(err["msg"]).removeprefix("Value error, ")
    message = message[:1].lower() + message[1:]
    return message if not loc else f"{key}{_short(value)}: {message}"  # a model's own check: no input


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names of the (nested) model at `loc`, when it is one (list indexes and map keys skipped)."""
    current: Any = model
    for part in loc:
        if isinstance(current, type) and issubclass(current, BaseModel):
            if part not in current.model_fields:
                return []
            current = current.model_fields[part].annotation
        else:  # a list or a map (or X | None): the part is an index or a key
            current = next((a for a in reversed(get_args(current)) if a is not type(None)), None)
        while get_origin(current) in (Union, UnionType) or get_origin(current) is Annotated:
            current = next(a for a in get_args(current) if a is not type(None))
    return list(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else []


@dataclass(frozen=True)
class Param:
    """A parameter as the documentation and `pmo-check rules --where` show it."""

    name: str
    type: str  # for people: "integer", "open | closed", "list of text", "{column, days, high_days}"
    default: Any  # as JSON; None also when required
    required: bool
    description: str


def describe(model: type[KindParams]) -> list[Param]:
    """A kind's parameters: those it declares itself first, then those of its base (prose, register …)."""
    schema = model.model_json_schema()
    defs = schema.get("$defs", {})
    own = [n for n in model.model_fields if n in vars(model).get("__annotations__", {})]
    names = own + [n for n in model.model_fields if n not in own]
    props, required = schema.get("properties", {}), set(schema.get("required", []))
    return [Param(n, _type_text(props[n], defs), props[n].get("default"), n in required,
                  props[n].get("description", "")) for n in names]


def _type_text(schema: dict[str, Any], defs: dict[str, Any]) -> str:
    if "$ref" in schema:
        target = defs[schema["$ref"].rsplit("/", 1)[1]]
        return "{" + ", ".join(target.get("properties", {})) + "}"
    if "anyOf" in schema:
        options = [s for s in schema["anyOf"] if s.get("type") != "null"]
        if len(options) == 2 and options[1].get("type") == "array" and options[1].get("items") == options[0]:
            return f"{_type_text(options[0], defs)}, or a list"  # one_or_many
        return " or ".join(dict.fromkeys(_type_text(s, defs) for s in options))
    if "enum" in schema:
        return " | ".join(map(str, schema["enum"]))
    if "const" in schema:
        return str(schema["const"])
    kind = schema.get("type")
    if kind == "array":
        items = schema.get("prefixItems")
        if items:
            return "[" + ", ".join(_type_text(s, defs) for s in items) + "]"
        item = _type_text(schema.get("items", {}), defs)
        return f"list of ({item})" if " or " in item else f"list of {item}"
    if kind == "object":
        keys = schema.get("propertyNames", {}).get("enum")
        key = " | ".join(keys) if keys else "text"
        return f"map of {key} → {_type_text(schema.get('additionalProperties') or {}, defs)}"
    names = {"string": "text", "integer": "integer", "number": "number", "boolean": "true/false"}
    return " or ".join(names.get(k, k) for k in kind) if isinstance(kind, list) else names.get(kind, "any")
