"""reports/html/ holds `cleaner report seeds/ --out reports/html/`; it must not go stale.

Regenerate with exactly that command after changing rules, the engine or the
report, and review the diff of reports/html/ (data/documents.js and the document
pages) like any other change.
"""

from pathlib import Path

from cleaner.cli import main
from tests.conftest import SEEDS

GOLDEN = SEEDS.parent / "reports" / "html"
COMMAND = "cleaner report seeds/ --out reports/html/"


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_seed_report_is_current(tmp_path):
    fresh_dir = tmp_path / "html"
    assert main(["report", str(SEEDS), "--out", str(fresh_dir)]) in (0, 1)
    fresh, golden = files(fresh_dir), files(GOLDEN)
    missing, extra = sorted(set(fresh) - set(golden)), sorted(set(golden) - set(fresh))
    assert not missing and not extra, (
        f"reports/html/ is stale ({missing or extra}): run `{COMMAND}`"
    )
    stale = [name for name in fresh if fresh[name] != golden[name]]
    assert not stale, f"reports/html/ is stale ({', '.join(stale)}): run `{COMMAND}`"
