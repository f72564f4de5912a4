"""reports/seeds/ holds `cleaner run seeds/ --out reports/seeds/`; it must not go stale.

Regenerate with exactly that command after changing rules or the engine, and
review the diff of reports/seeds/ like any other change.
"""

from pathlib import Path

from cleaner.cli import main
from tests.conftest import SEEDS

GOLDEN = SEEDS.parent / "reports" / "seeds"
COMMAND = "cleaner run seeds/ --out reports/seeds/"


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_golden_seed_outputs_are_current(tmp_path):
    assert main(["run", str(SEEDS), "--out", str(tmp_path)]) == 0
    fresh, golden = files(tmp_path), files(GOLDEN)
    assert sorted(fresh) == sorted(golden), f"reports/seeds/ is stale: run `{COMMAND}`"
    stale = [name for name in fresh if fresh[name] != golden[name]]
    assert not stale, f"reports/seeds/ is stale ({', '.join(stale)}): run `{COMMAND}`"
