from pytest_bdd import scenarios

scenarios("business_case.feature")
