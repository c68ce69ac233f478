"""The step library is shared by every feature file (features/steps/library.py)."""
from features.steps.library import *  # noqa: F401,F403  (step definitions are fixtures pytest-bdd looks up here)
from features.steps.projects import *  # noqa: F401,F403
