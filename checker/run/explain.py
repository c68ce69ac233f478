"""`pmo-check explain FILE`: what the checker recognised in one document, as data.

Opens and analyses the file exactly as a check does (same configuration, reader, classifier and
analysis), then gathers the explanation (`checker.analysis.recognised`) instead of running the
rules. Never raises for a bad file: an unreadable one gives its `error`, as in a report.
"""
from __future__ import annotations

from typing import Any

from checker.core.display import display_path
from checker.core.errors import ReadError
from checker.core.options import Options

SCHEMA = "pmo-check/explain@1"


def explain_file(path: str, options: Options | None = None) -> dict[str, Any]:
    from checker.analysis.facts import extract_project
    from checker.analysis.recognised import recognised
    from checker.io.safe_open import open_document
    from checker.run.document import analyse

    options = options or Options()
    out: dict[str, Any] = {"schema": SCHEMA, "path": display_path(path)}
    try:
        opened = open_document(path, options.limits)
        ctx, result, _ = analyse(opened, options)
    except ReadError as err:
        return {**out, "error": err.to_dict()}
    except Exception as exc:  # noqa: BLE001 - no traceback reaches a user; one bad file is one error
        return {**out, "error": {"code": "corrupt", "message": f"The document could not be read ({type(exc).__name__})."}}
    out.update({"format": opened.format, "language": ctx.language, "message_language": ctx.message_language,
                **recognised(ctx, result), "project": extract_project(ctx.vocab, ctx.doc), "error": None})
    return out
