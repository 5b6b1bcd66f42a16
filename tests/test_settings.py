"""Every setting is documented in the README's settings table, with its default."""

from __future__ import annotations

import re
from pathlib import Path

from minewatch.settings import SETTINGS

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_documents_every_setting() -> None:
    rows = dict(re.findall(r"^\| `(MINEWATCH_\w+)` \| ([^|]+) \|", README.read_text(), re.M))
    assert set(rows) == set(SETTINGS)
    for name, s in SETTINGS.items():
        assert rows[name].strip() == (f"`{s.default}`" if s.default else "*(empty)*"), name


def test_readme_starts_with_the_two_commands() -> None:
    text = README.read_text()
    block = re.search(r"```bash\n(.*?)```", text, re.S).group(1)
    assert block.splitlines()[0].startswith("scripts/demo")
    assert block.splitlines()[1].startswith("scripts/test")
    assert (README.parent / ".ci" / "run").read_text().rstrip().endswith("exec scripts/test")
