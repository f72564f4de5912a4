"""The registry of rule kinds: a plain dict from the name used in YAML to the kind.

Adding a kind means writing one module with a detector class whose constructor
reads its params, and adding one line here. No metaclasses, no entry points.
"""

from __future__ import annotations

from cleaner.kinds.dates import ExtractDate
from cleaner.kinds.dedupe import Dedupe
from cleaner.kinds.drop_block import DropBlock
from cleaner.kinds.drop_line import DropLine
from cleaner.kinds.flag import Flag
from cleaner.kinds.html_entities import HtmlEntities
from cleaner.kinds.mojibake import Mojibake
from cleaner.kinds.spans import Strip, Substitute
from cleaner.kinds.translate import Translate
from cleaner.kinds.unicode_normalize import UnicodeNormalize
from cleaner.rule import Kind

REGISTRY: dict[str, Kind] = {
    "drop_line": DropLine,
    "drop_block": DropBlock,
    "strip": Strip,
    "substitute": Substitute,
    "dedupe": Dedupe,
    "flag": Flag,
    "mojibake": Mojibake,
    "unicode_normalize": UnicodeNormalize,
    "html_entities": HtmlEntities,
    "translate": Translate,
    "extract_date": ExtractDate,
}
