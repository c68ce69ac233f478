from pytest_bdd import scenarios

scenarios("scope_statement.feature", "scope_statement_zh.feature")
