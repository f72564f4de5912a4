"""How many of ftfy's own test cases the encoding pack fixes the way ftfy expects.

ftfy ships its test cases (`tests/test_cases.json`, Apache-2.0) in its source
distribution, not in the wheel. They are read at run time, never stored here:

    pip download ftfy==6.3.1 --no-binary :all: --no-deps -d /tmp/ftfy
    .venv/bin/python benchmarks/ftfy_cases.py /tmp/ftfy/ftfy-6.3.1.tar.gz

PATH may be the sdist tarball, its unpacked folder, or the JSON file itself
(`FTFY_CASES` works too). Each case has an `original`, the `fixed` text ftfy's
fix_text gives, and optionally `fixed-encoding`, what its encoding fix alone gives;
cases marked `"expect": "fail"` are ones ftfy itself gets wrong.

Each case runs through the cleaner engine (the whole encoding pack, and the
mojibake rule alone), compared with:
- `fixed-encoding` (falling back to `fixed`): the encoding repair ftfy expects;
- for the whole pack, that or `fixed` (the pack also decodes HTML entities), with
  our other encoding rules applied to the expectation ("policy"),
  because the pack deliberately differs from ftfy in places: it turns no-break
  spaces into spaces, drops control characters and soft hyphens, composes NFC.
Each case is also run with an extra layer of Latin-1 mojibake, as ftfy's own test
does. The engine's safety valve (hold back a rule removing over half of a
document) fires on short all-mojibake cases (CJK text shrinks 3:1), so the figures
are given with the valve on (default) and off.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tarfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cleaner.engine import Pipeline
from cleaner.ruleset import Selection, load_rules

Case = dict[str, Any]
Cleaner = Callable[[str], str]
MEMBER = "tests/test_cases.json"


def load_cases(path: Path) -> list[Case]:
    """The cases from a JSON file, an unpacked sdist or an sdist tarball."""
    if path.is_dir():
        path = next(path.rglob("test_cases.json"))
    if path.suffix == ".json":
        return list(json.loads(path.read_text(encoding="utf-8")))
    with tarfile.open(path) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith(MEMBER))
        handle = archive.extractfile(member)
        assert handle is not None
        return list(json.loads(handle.read().decode("utf-8")))


def cleaner_for(select: list[str], ignore: list[str], valve: float) -> Cleaner:
    """A text -> text function running the selected rules through the engine."""
    pipeline = Pipeline(load_rules(selection=Selection(select, ignore)), valve=valve)
    return lambda text: pipeline.clean(text).text


def expected(case: Case) -> str:
    """What ftfy's encoding fix alone should give."""
    return str(case.get("fixed-encoding", case["fixed"]))


def score(cases: list[Case], clean: Cleaner, policy: Cleaner | None, extra: bool) -> list[Case]:
    """The cases this cleaner gets wrong.

    Without a policy the output must be ftfy's encoding fix. With one (the whole
    pack), ftfy's full fix_text output also counts: the pack decodes HTML entities,
    which ftfy's encoding fix alone leaves.
    """
    failures = []
    for case in cases:
        original = case["original"]
        if extra:
            original = original.encode("utf-8").decode("latin-1")
        wants = [expected(case)]
        if policy is not None:
            wants = [policy(expected(case)), policy(case["fixed"])]
        got = clean(original)
        if got not in wants:
            failures.append({**case, "got": got, "want": wants[0]})
    return failures


def report(cases: list[Case], show: int) -> None:
    """Print one table row per configuration, and optionally some failures."""
    passing = [c for c in cases if c["expect"] == "pass"]
    failing = [c for c in cases if c["expect"] == "fail"]
    print(f"ftfy test cases: {len(passing)} expected to pass, {len(failing)} ftfy gets wrong\n")
    print(
        "| rules | valve | compared with | cases | fixed | extra Latin-1 layer | cases ftfy fails |"
    )
    print("|---|---|---|---:|---:|---:|---:|")
    shown: list[Case] = []
    for label, select in (("encoding.mojibake", ["encoding.mojibake"]), ("encoding", ["encoding"])):
        for valve_label, valve in (("on", 0.5), ("off", 1.0)):
            clean = cleaner_for(select, [], valve)
            policy = None
            if label == "encoding":
                policy = cleaner_for(["encoding"], ["encoding.mojibake"], 1.0)
            compared = "fixed-encoding" + (" (or fixed) + policy" if policy else "")
            misses = score(passing, clean, policy, extra=False)
            extra = score(passing, clean, policy, extra=True)
            bad = score(failing, clean, policy, extra=False)
            row = [
                label,
                valve_label,
                compared,
                str(len(passing)),
                _rate(len(passing) - len(misses), len(passing)),
                _rate(len(passing) - len(extra), len(passing)),
                _rate(len(failing) - len(bad), len(failing)),
            ]
            print("| " + " | ".join(row) + " |")
            if valve_label == "off" and not shown:
                shown = misses
    for case in shown[:show]:
        print(f"\n{case['label']}\n  original {case['original']!r}")
        print(f"  got      {case['got']!r}\n  expected {case['want']!r}")


def _rate(good: int, total: int) -> str:
    return f"{good} ({100 * good / total:.1f}%)" if total else "0"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=os.environ.get("FTFY_CASES"))
    parser.add_argument("--show-failures", type=int, default=0, metavar="N")
    args = parser.parse_args(argv)
    if not args.path:
        print(
            "give the ftfy sdist, e.g.\n  pip download ftfy --no-binary :all: --no-deps -d /tmp/"
            "ftfy\n  python benchmarks/ftfy_cases.py /tmp/ftfy/ftfy-*.tar.gz",
            file=sys.stderr,
        )
        return 2
    report(load_cases(Path(args.path)), args.show_failures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
