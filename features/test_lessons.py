from pytest_bdd import scenarios

scenarios("lessons.feature")
