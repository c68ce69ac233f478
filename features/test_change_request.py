from pytest_bdd import scenarios

scenarios("change_request.feature")
