"""The project's own rules: package direction, bundled data with sources, no hosts or paths."""

import ast
import gzip
import re
import subprocess
from pathlib import Path

from gazetteer.loaders import read_curated
from gazetteer.paths import DATA_DIR

REPO = Path(__file__).resolve().parent.parent


def imported_modules(package: str) -> set[str]:
    found = set()
    for path in (REPO / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return found


def test_gazetteer_never_imports_mapper():
    assert "mapper" not in imported_modules("gazetteer")


#: Language resources are word tables, not code: they may run to the issue's hard limit of 500 lines
#: rather than be squeezed onto long lines.
_RESOURCES = {REPO / "mapper" / "extract" / "lang" / f"{code}.py" for code in ("en", "ru", "uk")}


def test_no_module_is_much_over_400_lines():
    for package in ("gazetteer", "mapper"):
        for path in (REPO / package).rglob("*.py"):
            limit = 500 if path in _RESOURCES else 420
            assert len(path.read_text(encoding="utf-8").splitlines()) <= limit, path


def test_bundled_data_is_small_and_attributed():
    tracked = subprocess.run(["git", "ls-files", "gazetteer/data"], cwd=REPO, capture_output=True, text=True)
    files = [REPO / f for f in tracked.stdout.split()] or [p for p in DATA_DIR.rglob("*") if p.is_file()]
    assert sum(f.stat().st_size for f in files) < 15 * 1024 * 1024
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    for credit in ("CC BY 4.0", "ODbL", "Natural Earth", "public domain", "GeoNames", "OpenStreetMap"):
        assert credit in readme
    for path in DATA_DIR.rglob("*.gz"):
        with gzip.open(path, "rb") as f:
            assert f.read(64), f"{path.name} is empty"


def test_every_bundled_data_file_is_named_in_the_data_readme():
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    patterns = [re.escape(m).replace(r"\{", "{").replace(r"\}", "}") for m in re.findall(r"`([^`]+\.(?:gz|txt|gshhg|toml))`", readme)]
    regexes = [re.compile("^" + re.sub(r"\{([^}]*)\}", lambda m: "(" + m.group(1).replace(",", "|") + ")", p) + "$")
               for p in patterns]
    for path in DATA_DIR.rglob("*"):
        if path.is_file() and path.name != "README.md":
            rel = str(path.relative_to(DATA_DIR))
            assert any(r.match(rel) for r in regexes), f"{rel} is not described in gazetteer/data/README.md"


def test_every_curated_row_has_a_source_page_and_precision():
    rows = list(read_curated(DATA_DIR / "theatre_places.tsv.gz"))
    assert len(rows) == 203
    assert all(r.source_url.startswith("http") and r.coordinate_precision for r in rows)


def test_no_machine_paths_or_registry_hosts_in_the_repo():
    tracked = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True).stdout.split()
    needles = ("/work/", "/root/", "/home/", "pypi.org/simple", "files.pythonhosted", "deb.debian.org",
               "registry.npmjs")
    for name in tracked:
        path = REPO / name
        if path.suffix in (".gz", ".zip", ".sqlite") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="ignore")
        for needle in needles:
            assert needle not in text or name == "tests/test_layout.py", f"{needle!r} in {name}"


def _project_import_graph() -> dict[str, set[str]]:
    """Module -> the project modules it imports anywhere (functions included; ``TYPE_CHECKING`` not)."""
    def name_of(path: Path) -> str:
        parts = list(path.relative_to(REPO).with_suffix("").parts)
        return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)

    paths = {name_of(p): p for package in ("gazetteer", "mapper") for p in (REPO / package).rglob("*.py")}
    graph = {}
    for module, path in paths.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                       and "TYPE_CHECKING" in ast.unparse(node.test) for n in ast.walk(node)}
        found = set()
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found |= {f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in paths else node.module
                          for a in node.names} & paths.keys()
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names} & paths.keys()
        graph[module] = found - {module}
    return graph


def test_no_modules_import_each_other_in_a_circle():
    graph = _project_import_graph()
    assert "mapper.render.export.rebuild" in graph["mapper.render.export.gpkg_read"]        # the graph sees imports

    def reaches(start: str, goal: str) -> bool:
        seen, todo = set(), [start]
        while todo:
            module = todo.pop()
            if module == goal:
                return True
            if module not in seen:
                seen.add(module)
                todo += graph.get(module, ())
        return False

    circles = sorted((a, b) for a in graph for b in graph[a] if a < b and reaches(b, a))
    assert circles == []


def test_the_tree_shows_the_stages():
    """``mapper``'s root holds few modules; the stages are packages (``../shared/DESIGN.md``, Layout)."""
    root_modules = sorted(p.name for p in (REPO / "mapper").glob("*.py"))
    assert len(root_modules) <= 10, root_modules
    for stage in ("model", "ingest", "extract", "assemble", "engines", "render", "cli", "_internal"):
        assert (REPO / "mapper" / stage / "__init__.py").is_file(), stage


def test_stages_import_only_the_stages_before_them():
    """A report flows model <- ingest <- extract <- assemble <- engines; rendering never feeds extraction.
    The language resources (``mapper.extract.lang``, data only) may be read by any stage that reads text."""
    graph = _project_import_graph()
    shared = ("mapper.extract.lang",)
    forbidden = {
        "mapper.model": ("mapper.ingest", "mapper.extract", "mapper.assemble", "mapper.engines", "mapper.render",
                         "mapper.cli", "mapper.pipeline"),
        "mapper.ingest": ("mapper.extract", "mapper.assemble", "mapper.engines", "mapper.render", "mapper.cli"),
        "mapper.extract": ("mapper.render", "mapper.engines", "mapper.cli", "mapper.pipeline"),
        "mapper.assemble": ("mapper.render", "mapper.engines", "mapper.cli", "mapper.pipeline"),
        "mapper.render": ("mapper.cli", "mapper.engines"),
    }
    broken = sorted((module, target) for module, targets in graph.items() for stage, banned in forbidden.items()
                    if module == stage or module.startswith(stage + ".")
                    for target in targets if any(target == b or target.startswith(b + ".") for b in banned)
                    and not any(target == s or target.startswith(s + ".") for s in shared))
    assert broken == []


def test_tests_mirror_the_package_tree():
    """Tests of a stage live in ``tests/mapper/<stage>/``, the gazetteer's in ``tests/gazetteer/``;
    only whole-project checks stay at the top."""
    tests = REPO / "tests"
    for folder in (tests / "mapper").iterdir():
        if folder.is_dir() and folder.name != "__pycache__":
            assert (REPO / "mapper" / folder.name / "__init__.py").is_file(), folder
            assert list(folder.glob("test_*.py")), folder
    assert list((tests / "gazetteer").glob("test_*.py"))
    top = sorted(p.name for p in tests.glob("test_*.py"))
    assert top == ["test_api.py", "test_exc.py", "test_layout.py", "test_properties.py"], top


#: Where language knowledge lives: the only places a string literal may hold Cyrillic letters.
LANGUAGE_RESOURCES = ("mapper/extract/lang/", "gazetteer/lang/")
CYRILLIC = re.compile("[\u0400-\u052f]")


def cyrillic_literals(source: str) -> list[tuple[int, str]]:
    """``(line, value)`` of each str constant with a Cyrillic letter, docstrings aside (escapes count)."""
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and CYRILLIC.search(node.value)]


def test_no_cyrillic_string_literal_outside_the_language_resources():
    offenders = {}
    for package in ("mapper", "gazetteer"):
        for path in sorted((REPO / package).rglob("*.py")):
            relative = path.relative_to(REPO).as_posix()
            if not relative.startswith(LANGUAGE_RESOURCES) and (found := cyrillic_literals(path.read_text("utf-8"))):
                offenders[relative] = found
    assert offenders == {}


def test_the_cyrillic_scan_sees_literals_and_escapes_but_not_docstrings():
    module = '"""Справка."""\nA = "\\u0441уд"\nB = f"x{A}ж"\nC = "killed"\n\ndef f():\n    """Ок."""\n    return "убит"\n'
    assert [line for line, _ in cyrillic_literals(module)] == [2, 3, 8]
    assert cyrillic_literals((REPO / "mapper/extract/lang/ru.py").read_text("utf-8"))     # the resources hold them
    assert cyrillic_literals((REPO / "gazetteer/lang/uk.py").read_text("utf-8"))
