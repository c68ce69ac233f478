"""Compliance scorecards over audit runs: the model built from a plain input (docs/scorecard.md),
rendered as HTML (`html.py`), Excel (`xlsx.py`) or the contract's JSON (`model.Scorecard.to_json`)."""
