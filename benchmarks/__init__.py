"""Measurements of pmo-check: speed and memory workloads, and accuracy on a labelled corpus."""
