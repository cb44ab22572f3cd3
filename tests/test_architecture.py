"""The import rule of /work/shared/STYLE.md, checked over the tree.

Each app of ours may import only the apps listed for it in ALLOWED. Every
`import x` and `from x import y` counts, at module level and inside
functions; dotted strings (settings, `import_module`) do not. No import
breaks the rule today (issue 19 removed the last ones), so KNOWN_EXCEPTIONS
is empty; a break that cannot be fixed at once would be listed there with
its reason and the issue that removes it, and an exception that no longer
happens fails this test too (remove it from the list).

No database and no Django setup: the modules are parsed, not imported.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Infrastructure any app may import: settings, shared helpers and the mail
# outbox, the users and roles of `accounts`, and the tenant, `provinces`.
INFRASTRUCTURE = {"config", "outbox", "accounts", "provinces"}

# The composition root: the modules that wire every app together. Only they
# may import `reporting`, which reads everything and is imported by nobody.
COMPOSITION_ROOT = {"config.urls", "config.views"}

ALL_APPS = {
    "accounts",
    "advice",
    "config",
    "desk",
    "missions",
    "outbox",
    "participants",
    "programmes",
    "provinces",
    "reporting",
    "showcase",
}

# importer -> the apps of ours it may import. An importer is an app, or one
# of the COMPOSITION_ROOT modules; the rest of `config` is infrastructure.
ALLOWED = {
    "config": {"accounts", "outbox"},
    "config.urls": ALL_APPS - {"config"},
    "config.views": ALL_APPS - {"config"},
    # The tenant: the province, its name, colours and team address.
    "provinces": {"config"},
    "outbox": {"config", "accounts"},
    "accounts": {"config", "outbox", "provinces"},
    "programmes": INFRASTRUCTURE - {"programmes"},
    "participants": INFRASTRUCTURE,
    "missions": INFRASTRUCTURE | {"programmes", "participants"},
    # The exporters' showcase: profiles, stories, contact requests, and the
    # missions recommended to a profile. Only the composition root and
    # reporting import it.
    "showcase": INFRASTRUCTURE | {"participants", "missions"},
    # The information desk: questions to a province's team (issue 18); it
    # routes to missions and programmes, so it sits beside reporting.
    "desk": INFRASTRUCTURE | {"programmes", "participants", "missions"},
    # Advisory tracks (issue 18): an entrepreneur paired with an adviser
    # organisation; the showcase's models only by string reference.
    "advice": INFRASTRUCTURE | {"programmes", "participants", "missions", "desk"},
    # Reporting reads everything: the desk's and the tracks' figures too.
    "reporting": INFRASTRUCTURE
    | {"programmes", "participants", "missions", "desk", "advice", "showcase"},
}

# (file, imported app): why it is still there, naming the issue that moves
# the code so the import goes away. Empty since issue 19, item 2.
KNOWN_EXCEPTIONS: dict[tuple[str, str], str] = {}


def our_apps(root: Path) -> set[str]:
    """The top-level packages with an apps.py, and `config`."""
    return {p.parent.name for p in root.glob("*/apps.py")} | {"config"}


def importer_of(path: Path, root: Path) -> str:
    """The importer a file counts for: its app, or a composition root module."""
    parts = path.relative_to(root).with_suffix("").parts
    dotted = ".".join(parts)
    return dotted if dotted in COMPOSITION_ROOT else parts[0]


def imports_of_apps(root: Path, apps: set[str]) -> dict[tuple[str, str], list[int]]:
    """(file relative to root, other app imported) -> the line numbers."""
    found: dict[tuple[str, str], list[int]] = {}
    for app in sorted(apps):
        for path in sorted((root / app).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    modules = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0:
                    modules = [node.module or ""]
                else:
                    # Relative imports stay inside their own package.
                    continue
                for module in modules:
                    target = module.split(".")[0]
                    if target in apps and target != app:
                        key = (path.relative_to(root).as_posix(), target)
                        found.setdefault(key, []).append(node.lineno)
    return found


def rule_breaks(root: Path, allowed: dict, exceptions: dict) -> tuple[list, list]:
    """The imports that break the rule and are not known exceptions, and the
    known exceptions that no longer happen."""
    apps = our_apps(root)
    found = imports_of_apps(root, apps)
    new = []
    for (file, target), lines in sorted(found.items()):
        importer = importer_of(root / file, root)
        if target in allowed.get(importer, set()):
            continue
        if (file, target) not in exceptions:
            new.append(f"{file}:{lines[0]} imports {target} ({importer} may not)")
    stale = sorted(f"{f} -> {t}" for f, t in exceptions if (f, t) not in found)
    return new, stale


def test_every_app_of_ours_has_its_allowed_imports_declared():
    """A new app (say `desk/`) must state what it may import here."""
    importers = set(ALLOWED) - COMPOSITION_ROOT
    assert our_apps(ROOT) == importers
    assert importers == ALL_APPS


def test_apps_import_only_what_the_import_rule_allows():
    new, stale = rule_breaks(ROOT, ALLOWED, KNOWN_EXCEPTIONS)
    assert new == [], "Imports breaking the rule of STYLE.md:\n" + "\n".join(new)
    assert stale == [], "Remove from KNOWN_EXCEPTIONS, fixed:\n" + "\n".join(stale)


def test_nobody_but_the_composition_root_imports_reporting():
    """Stated on its own: reporting reads everything and owns nothing else."""
    importers = {
        importer_of(ROOT / file, ROOT)
        for file, target in imports_of_apps(ROOT, our_apps(ROOT))
        if target == "reporting"
    }
    assert importers <= COMPOSITION_ROOT
    others = {app for app, may in ALLOWED.items() if "reporting" in may}
    assert others == COMPOSITION_ROOT


def test_nobody_but_the_composition_root_and_reporting_imports_showcase():
    """The showcase is a leaf: missions and participants reach it only by
    URL names, task paths and the registries it fills (issue 19)."""
    importers = {
        importer_of(ROOT / file, ROOT)
        for file, target in imports_of_apps(ROOT, our_apps(ROOT))
        if target == "showcase"
    }
    assert importers <= COMPOSITION_ROOT | {"reporting"}
    others = {app for app, may in ALLOWED.items() if "showcase" in may}
    assert others == COMPOSITION_ROOT | {"reporting"}


def write_tree(root: Path, files: dict[str, str]):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_self_check_catches_a_forbidden_import_and_a_stale_exception(tmp_path):
    """The checker itself: a function-level import of missions from
    programmes is caught; strings and relative imports are not imports;
    an exception for an import that is gone is reported."""
    write_tree(
        tmp_path,
        {
            "config/urls.py": "import reporting.urls\n",
            "config/settings.py": 'PREVIEW = "reporting.previews.note_preview"\n',
            "programmes/apps.py": "",
            "programmes/models.py": "from . import bilingual\n",
            "programmes/views.py": (
                "def detail():\n    from missions.models import Mission\n"
            ),
            "missions/apps.py": "",
            "missions/models.py": "from programmes.models import Programme\n",
            "reporting/apps.py": "",
        },
    )
    exceptions = {("missions/models.py", "participants"): "gone (issue 19)"}
    new, stale = rule_breaks(tmp_path, ALLOWED, exceptions)
    assert new == ["programmes/views.py:2 imports missions (programmes may not)"]
    assert stale == ["missions/models.py -> participants"]
    # Listed as a known exception, the same import passes.
    known = {("programmes/views.py", "missions"): "moved later (issue 19)"}
    assert rule_breaks(tmp_path, ALLOWED, known) == ([], [])
