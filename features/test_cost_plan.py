from pytest_bdd import scenarios

scenarios("cost_plan.feature")
