"""What the tests build: documents, workbooks, hostile files, samples (used by sample_docs and benchmarks too)."""
