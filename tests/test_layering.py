"""The pipeline's shape holds: only load/ reads files, only write/ writes them, and rendering never loads write/."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

GENERATOR = REPO / "generator"
READS = {"read_text", "read_bytes", "open", "iterdir", "glob", "rglob", "safe_load"}
WRITES = {"write_text", "write_bytes", "mkdir", "unlink", "rmdir", "rename", "touch", "symlink_to"}
OS_WRITES = {"replace", "remove", "rename", "rmtree", "move", "copy", "copytree"}  # os.* and shutil.*
# write/ reads back only what it wrote itself: unchanged docs, Pagefind's log and bundle, built pages.
READERS = ("load/", "write/")
WRITERS = ("write/",)


def file_calls(path: Path) -> list[tuple[str, int]]:
    """Return (name, line) of every call in `path` that reads or writes a file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
        if owner in ("os", "shutil") and name in OS_WRITES:
            found.append((f"{owner}.{name}", node.lineno))
        elif name in READS | WRITES:
            found.append((name, node.lineno))
    return found


def test_only_load_reads_and_only_write_writes() -> None:
    misplaced = []
    for path in sorted(GENERATOR.rglob("*.py")):
        module = path.relative_to(GENERATOR).as_posix()
        for name, line in file_calls(path):
            allowed = READERS if name in READS else WRITERS
            if not module.startswith(allowed):
                misplaced.append(f"generator/{module}:{line}: {name}()")
    assert misplaced == []


def test_the_scan_finds_a_read_and_a_write(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from pathlib import Path\nPath('a').read_text()\nPath('b').write_text('x')\n", encoding="utf-8")
    assert file_calls(sample) == [("read_text", 2), ("write_text", 3)]


def test_rendering_never_imports_the_write_stage() -> None:
    script = (
        "import sys\nfrom datetime import date\nfrom pathlib import Path\n"
        "from generator.load.sources import SourceLayout\n"
        "from generator.pipeline import render_docs\n"
        f"render_docs(SourceLayout(Path({str(REPO)!r})), date(2025, 3, 12))\n"
        "print(sorted(m for m in sys.modules if m.startswith('generator.write')))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=REPO)
    assert result.stdout == "[]\n"
