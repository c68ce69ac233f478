from pytest_bdd import scenarios

scenarios("closure_report.feature")
