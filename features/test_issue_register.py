from pytest_bdd import scenarios

scenarios("issue_register.feature", "issue_register_zh.feature")
