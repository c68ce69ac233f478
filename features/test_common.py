from pytest_bdd import scenarios

scenarios("common.feature", "common_zh.feature")
