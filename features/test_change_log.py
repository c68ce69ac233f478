from pytest_bdd import scenarios

scenarios("change_log.feature", "change_log_zh.feature")
