"""Optional coverage-guided fuzzing with atheris (not needed for the test suite; not collected by pytest).

    pip install atheris
    python tests/fuzz_atheris.py -atheris_runs=100000 [corpus_dir]

Seeds are the generated documents of tests/test_fuzz.py; atheris mutates their bytes with coverage
feedback from the Python code (opening layer, readers, rules). The property is the same as the
Hypothesis fuzzers': `check_file` returns an entry with a contract code, never raises and never
takes longer than the budget. A crash is saved by libFuzzer as `crash-*`; turn it into a
regression test in tests/test_fuzz.py with its input built in code.
"""
from __future__ import annotations

import os
import sys
import tempfile

CODES = {"not-found", "unsupported-format", "legacy-format", "encrypted", "corrupt", "too-large", "timeout"}


def main() -> None:
    import atheris

    with atheris.instrument_imports():
        from checker.core.options import Options
        from checker.run.executor import check_inline

    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from tests.support.fuzz_seeds import seed_documents

    workdir = tempfile.mkdtemp(prefix="pmo-atheris-")
    path = os.path.join(workdir, "input.docx")
    options = Options()
    corpus = [a for a in sys.argv[1:] if not a.startswith("-")]
    if corpus and not os.listdir(corpus[0]):
        for kind, data in seed_documents().items():
            with open(os.path.join(corpus[0], f"seed-{kind}"), "wb") as fh:
                fh.write(data)

    def one_input(data: bytes) -> None:
        with open(path, "wb") as fh:
            fh.write(data)
        entry = check_inline(path, options, 10.0)
        if entry["error"] is not None:
            assert entry["error"]["code"] in CODES, entry["error"]
            assert entry["error"]["code"] != "timeout", "a reader took longer than 10 s"
            assert not entry["error"]["message"].startswith("The document could not be checked"), entry["error"]

    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
