"""The registry of rule kinds: a plain dict from the name used in YAML to the kind.

Adding a kind means writing one module with a detector class whose constructor
reads its params, and adding one line here. No metaclasses, no entry points.
"""

from __future__ import annotations

from cleaner.kinds.dedupe import Dedupe
from cleaner.kinds.drop_block import DropBlock
from cleaner.kinds.drop_line import DropLine
from cleaner.kinds.flag import Flag
from cleaner.kinds.spans import Strip, Substitute
from cleaner.rule import Kind

REGISTRY: dict[str, Kind] = {
    "drop_line": DropLine,
    "drop_block": DropBlock,
    "strip": Strip,
    "substitute": Substitute,
    "dedupe": Dedupe,
    "flag": Flag,
}

EDIT_KINDS = frozenset({"drop_line", "drop_block", "strip", "substitute", "dedupe"})
