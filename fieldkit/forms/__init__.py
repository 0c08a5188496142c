"""Forms as data: definitions (resources/forms), a safe expression language for skip logic
and constraints, and headless validation. The Qt renderer is in fieldkit/ui/forms."""

from fieldkit.forms.definition import (
    FIELD_TYPES,
    Field,
    FormDefinition,
    FormDefinitionError,
    Section,
    Text,
    form_versions,
    load_form,
    parse_form,
)
from fieldkit.forms.engine import clean, is_empty, relevant_fields, validate
from fieldkit.forms.expr import ExprError, compile_expr, evaluate

__all__ = [
    "FIELD_TYPES", "ExprError", "Field", "FormDefinition", "FormDefinitionError", "Section", "Text",
    "clean", "compile_expr", "evaluate", "form_versions", "is_empty", "load_form", "parse_form",
    "relevant_fields", "validate",
]
