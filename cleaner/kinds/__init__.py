"""The registry of rule kinds: a plain dict from the name used in YAML to the kind.

Adding a kind means writing one module with a detector class whose constructor
reads its params, and adding one line here. No metaclasses, no entry points.
"""

from __future__ import annotations

from cleaner.kinds.after_marker import AfterMarker
from cleaner.kinds.dates import ExtractDate
from cleaner.kinds.dedupe import Dedupe
from cleaner.kinds.drop_block import DropBlock
from cleaner.kinds.drop_line import DropLine
from cleaner.kinds.edge_lines import EdgeLines
from cleaner.kinds.flag import Flag
from cleaner.kinds.foreign_language import ForeignLanguage
from cleaner.kinds.html_document import HtmlDocument
from cleaner.kinds.html_entities import HtmlEntities
from cleaner.kinds.language_flag import LanguageFlag
from cleaner.kinds.lowercase_names import LowercaseNames
from cleaner.kinds.mixed_script import MixedScript
from cleaner.kinds.mojibake import Mojibake
from cleaner.kinds.name_variants import NameVariants
from cleaner.kinds.orphan_lines import OrphanLines
from cleaner.kinds.person_shift import PersonShift
from cleaner.kinds.quote_balance import QuoteBalance
from cleaner.kinds.spans import Strip, Substitute
from cleaner.kinds.translate import Translate
from cleaner.kinds.truncation import Truncation
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
    "foreign_language": ForeignLanguage,
    "language_flag": LanguageFlag,
    "lowercase_names": LowercaseNames,
    "mixed_script": MixedScript,
    "name_variants": NameVariants,
    "person_shift": PersonShift,
    "quote_balance": QuoteBalance,
    "truncation": Truncation,
    "edge_lines": EdgeLines,
    "orphan_lines": OrphanLines,
    "after_marker": AfterMarker,
    "html_document": HtmlDocument,
}
