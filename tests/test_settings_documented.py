"""Every setting is named and documented, and the README's commands are what CI runs."""
from __future__ import annotations

import re
from pathlib import Path

from graph_api.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def test_every_setting_has_a_description():
    for name, field in Settings.model_fields.items():
        assert field.description, f"setting {name} has no description"


def test_every_setting_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in Settings.model_fields:
        assert f"SHEKARA_{name.upper()}" in readme, f"SHEKARA_{name.upper()} is not documented in README.md"


def _quickstart() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quickstart", 1)[1]
    block = re.search(r"```bash\n(.*?)```", section, re.S).group(1)
    return [line for line in block.splitlines() if line.strip()]


def test_quickstart_is_exactly_two_commands():
    lines = _quickstart()
    assert len(lines) == 2
    assert "shekara ingest" in lines[0] and "shekara serve" in lines[0]
    assert "pytest" in lines[1]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _quickstart()[1] in ci


def test_every_command_is_in_the_readme():
    import typer.main

    from graph_api.cli import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Command line", 1)[1].split("\n## ", 1)[0]
    names = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    assert "optimize" in names
    for name in names:
        assert f"| `shekara {name}" in table, f"`shekara {name}` is not in the README's command table"
