"""Conventions no linter checks: an app's models never import its selectors at module level.

Selectors read the models, so a models module that imports them at the top of the file
makes an import cycle inside the app; page models call their selectors from a function
(``get_context``) instead. The floors between apps are import-linter's (pyproject.toml).
"""

import ast
from pathlib import Path

import pytest

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
