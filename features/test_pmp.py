from pytest_bdd import scenarios

scenarios("pmp.feature")
