from features.conftest import *  # noqa: F401,F403  (the step library)
from pytest_bdd import scenarios

scenarios("cross_document.feature")
