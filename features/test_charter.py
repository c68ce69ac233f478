from pytest_bdd import scenarios

scenarios("charter.feature", "charter_zh.feature")
