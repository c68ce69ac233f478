from pytest_bdd import scenarios

scenarios("risk_register.feature", "risk_register_zh.feature")
