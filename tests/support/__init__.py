"""What the tests build: documents, workbooks, hostile files and samples (sample_docs/generate.py and benchmarks/workloads.py build with it too)."""
