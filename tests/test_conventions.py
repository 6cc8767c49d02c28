"""Conventions no linter checks: an app's models never import its selectors at module level;
no function is too complex and no module too long.

Selectors read the models, so a models module that imports them at the top of the file
makes an import cycle inside the app; page models call their selectors from a function
(``get_context``) instead. The floors between apps are import-linter's (pyproject.toml).
The limits of size are radon's measure of cyclomatic complexity and a module's lines
(docs/decisions.md).
"""

import ast
from pathlib import Path

import pytest
from radon.complexity import cc_visit

PACKAGE = Path(__file__).resolve().parent.parent / "dateline"
# An app's models: its models.py, or every module of its models/ package.
MODEL_MODULES = sorted(
    [*PACKAGE.glob("*/models.py"), *PACKAGE.glob("*/models/*.py")],
    key=lambda path: str(path.relative_to(PACKAGE)),
)


def app_of(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0]


def module_level_imports(path: Path) -> set[str]:
    """What a module imports at its top level, as dotted names relative to its app."""
    app = app_of(path)
    # A module of a models/ package reaches its app with "..", a models.py with ".".
    app_level = len(path.relative_to(PACKAGE).parts) - 1
    found = set()
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level == app_level:
                found.update(f"{module}.{alias.name}".strip(".") for alias in node.names)
                found.add(module)
            elif module.startswith(f"dateline.{app}."):
                found.add(module.split(".", 2)[2])
        elif isinstance(node, ast.Import):
            prefix = f"dateline.{app}."
            found.update(a.name[len(prefix) :] for a in node.names if a.name.startswith(prefix))
    return found


@pytest.mark.parametrize("path", MODEL_MODULES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_models_do_not_import_their_selectors_at_module_level(path):
    imported = module_level_imports(path)
    assert not {name for name in imported if name.split(".")[0] == "selectors"}


MAX_COMPLEXITY = 15
MAX_LINES = 400
# Generated schema history and demo content are data, not code anyone reads as a whole.
NOT_MEASURED = ("migrations", "demo")


def measured_modules() -> list[Path]:
    return sorted(
        path
        for path in PACKAGE.rglob("*.py")
        if not set(path.relative_to(PACKAGE).parts) & set(NOT_MEASURED)
    )


def test_no_function_is_too_complex_and_no_module_too_long():
    """Every function, method and class of dateline/ has a cyclomatic complexity (radon's)
    of at most MAX_COMPLEXITY, and every module at most MAX_LINES lines: a reader can hold
    one in mind. Split an offender into named steps or modules that say what they hold."""
    too_complex, too_long = [], []
    for path in measured_modules():
        name = str(path.relative_to(PACKAGE))
        text = path.read_text()
        lines = len(text.splitlines())
        if lines > MAX_LINES:
            too_long.append(f"{name} ({lines} lines)")
        too_complex += [
            f"{name}:{block.lineno} {block.fullname} ({block.complexity})"
            for block in cc_visit(text)
            if block.complexity > MAX_COMPLEXITY
        ]
    assert not too_complex, f"above complexity {MAX_COMPLEXITY}: {too_complex}"
    assert not too_long, f"above {MAX_LINES} lines: {too_long}"
