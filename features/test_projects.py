from pytest_bdd import scenarios

scenarios("cross_document.feature", "cross_document_zh.feature", "gates.feature", "gates_zh.feature")
