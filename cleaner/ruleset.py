"""Load rule packs from YAML, validate them into frozen specs, and select among them.

A rule file is one YAML mapping: id (`pack.name`, matching the folder and file
name), kind, level, description, params, examples, and optionally `enabled: false`
for rules a user must opt into. Anything else is an error naming the file and key.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from cleaner.errors import RuleError
from cleaner.folding import fold
from cleaner.kinds import REGISTRY
from cleaner.kinds.line_verdicts import share_line_verdicts
from cleaner.params import Params
from cleaner.patterns import save_compiled
from cleaner.rule import ANY_FIELD, BODY, Example, Level, Rule, RuleSpec

RULE_KEYS = frozenset(
    {
        "id",
        "kind",
        "level",
        "description",
        "params",
        "examples",
        "enabled",
        "applies_to",
        "requires",
    }
)
EXAMPLE_KEYS = frozenset({"input", "output", "flags", "metadata", "xfail", "pass", "note", "field"})

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def default_rules_dir() -> Path:
    """The packs shipped with cleaner: inside the wheel, or rules/ in a source checkout."""
    packaged = Path(str(resources.files("cleaner"))) / "_rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "rules"


def rule_files(folder: Path) -> list[Path]:
    """Every rule file below a folder, in a stable order."""
    if not folder.is_dir():
        raise RuleError(
            "rule folder not found; pass a directory of <pack>/*.yaml", path=str(folder)
        )
    return sorted(p for p in folder.rglob("*") if p.suffix in {".yaml", ".yml"} and p.is_file())


def load_spec(path: Path) -> RuleSpec:
    """Parse and validate one rule file (its params are checked when it is built)."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as exc:  # one line: where, and what the parser expected
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        line = mark.line + 1 if mark is not None else None
        message = f"cannot read rule file: invalid YAML ({problem}); fix it"
        raise RuleError(message, path=str(path), line=line) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"cannot read rule file: {exc}", path=str(path)) from None
    if not isinstance(data, dict):
        raise RuleError("a rule file must be one YAML mapping", path=str(path))
    unknown = sorted(set(data) - RULE_KEYS)
    if unknown:
        raise RuleError(f"unknown key {unknown[0]!r}; allowed: {sorted(RULE_KEYS)}", path=str(path))
    rule_id = _required(data, "id", path)
    _check_id(rule_id, path)
    kind = _required(data, "kind", path)
    if kind not in REGISTRY:
        raise RuleError(f"unknown kind {kind!r}; known kinds: {sorted(REGISTRY)}", path=str(path))
    try:
        level = Level.parse(_required(data, "level", path))
    except ValueError as exc:
        raise RuleError(f"level: {exc}", path=str(path)) from None
    params = data.get("params") or {}
    if not isinstance(params, dict):
        raise RuleError("params must be a mapping", path=str(path))
    enabled = data.get("enabled", True)
    if not isinstance(enabled, bool):
        raise RuleError("enabled must be true or false", path=str(path))
    return RuleSpec(
        id=rule_id,
        kind=kind,
        level=level,
        description=_required(data, "description", path),
        params=params,
        examples=_examples(data.get("examples"), path),
        source=str(path),
        enabled=enabled,
        applies_to=_applies_to(data.get("applies_to", [BODY]), path),
        requires=_requires(data.get("requires", []), path),
    )


def _requires(raw: Any, path: Path) -> tuple[str, ...]:
    """Strings one of which every match of the rule holds (compared folded, see cleaner.folding)."""
    if not isinstance(raw, list) or not all(isinstance(w, str) and w for w in raw):
        raise RuleError(
            "requires must be a list of non-empty strings, one of which every match "
            "of the rule contains",
            path=str(path),
        )
    return tuple(dict.fromkeys(fold(word) for word in raw))


def _applies_to(raw: Any, path: Path) -> tuple[str, ...]:
    """What a rule cleans: `body` (the document text) and/or metadata field names."""
    if not isinstance(raw, list) or not raw or not all(isinstance(n, str) and n for n in raw):
        raise RuleError(
            f"applies_to must be a list of names ({BODY!r} for the text, metadata field "
            f"names, or {ANY_FIELD!r} for every text field)",
            path=str(path),
        )
    return tuple(raw)


def _required(data: Mapping[str, Any], key: str, path: Path) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RuleError(f"missing or empty required key {key!r} (a string)", path=str(path))
    return value


def _check_id(rule_id: str, path: Path) -> None:
    expected = f"{path.parent.name}.{path.stem}"
    if rule_id != expected:
        raise RuleError(
            f"id {rule_id!r} must be {expected!r}: pack = folder name, name = file name",
            path=str(path),
        )


def _examples(raw: Any, path: Path) -> tuple[Example, ...]:
    if not isinstance(raw, list) or not raw:
        raise RuleError("examples: give a list with at least one example", path=str(path))
    return tuple(_example(item, index, path) for index, item in enumerate(raw))


def _example(item: Any, index: int, path: Path) -> Example:
    where = f"examples[{index}]"
    if isinstance(item, dict) and "pass" in item:
        item = {"input": item["pass"], **{k: v for k, v in item.items() if k != "pass"}}
    if not isinstance(item, dict) or not isinstance(item.get("input"), str):
        raise RuleError(f"{where}: needs an 'input' string (or 'pass')", path=str(path))
    unknown = sorted(set(item) - EXAMPLE_KEYS)
    if unknown:
        raise RuleError(f"{where}: unknown key {unknown[0]!r}", path=str(path))
    output, flags, metadata = item.get("output"), item.get("flags"), item.get("metadata")
    if output is not None and not isinstance(output, str):
        raise RuleError(f"{where}.output must be a string", path=str(path))
    if flags is not None and not (
        isinstance(flags, list) and all(isinstance(f, str) for f in flags)
    ):
        raise RuleError(f"{where}.flags must be a list of strings", path=str(path))
    if metadata is not None and not isinstance(metadata, dict):
        raise RuleError(f"{where}.metadata must be a mapping", path=str(path))
    xfail, field = item.get("xfail"), item.get("field")
    if field is not None and not isinstance(field, str):
        raise RuleError(f"{where}.field must be a metadata field name", path=str(path))
    return Example(
        input=item["input"],
        output=output,
        flags=tuple(flags) if flags is not None else None,
        metadata=metadata,
        xfail=str(xfail) if xfail else None,
        field=field,
    )


def build(spec: RuleSpec) -> Rule:
    """Let the rule's kind validate its params and build the detector."""
    params = Params(spec.params, source=spec.source, rule_id=spec.id)
    detector = REGISTRY[spec.kind](spec, params)
    params.finish()
    return Rule(spec, detector)


@dataclass(frozen=True)
class Selection:
    """Which rules run: `select` narrows (ids or pack prefixes), `ignore` removes."""

    select: Sequence[str] = ()
    ignore: Sequence[str] = ()

    def wants(self, spec: RuleSpec) -> bool:
        """Whether a rule is in; naming a disabled rule's full id turns it on."""
        if any(_matches(spec.id, pattern) for pattern in self.ignore):
            return False
        if not self.select:
            return spec.enabled
        if spec.id in self.select:
            return True
        return spec.enabled and any(_matches(spec.id, pattern) for pattern in self.select)


def _matches(rule_id: str, pattern: str) -> bool:
    return rule_id == pattern or rule_id.startswith(pattern.rstrip(".") + ".")


def load_specs(folders: Iterable[Path] = (), *, defaults: bool = True) -> list[RuleSpec]:
    """Specs from the default packs plus extra folders; duplicate ids are an error."""
    specs: dict[str, RuleSpec] = {}
    for folder in [default_rules_dir()] * defaults + list(folders):
        for path in rule_files(folder):
            spec = load_spec(path)
            if spec.id in specs:
                raise RuleError(
                    f"duplicate rule id {spec.id!r} (also in {specs[spec.id].source})",
                    path=str(path),
                )
            specs[spec.id] = spec
    return sorted(specs.values(), key=lambda spec: spec.id)


@dataclass(frozen=True)
class Overrides:
    """Project settings that change rules: levels and params by rule id."""

    levels: Mapping[str, str] = field(default_factory=dict)
    params: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def apply(self, spec: RuleSpec) -> RuleSpec:
        """The spec with this project's level and params for it."""
        if spec.id in self.levels:
            try:
                spec = replace(spec, level=Level.parse(self.levels[spec.id]))
            except ValueError as exc:
                raise RuleError(f"levels.{spec.id}: {exc}") from None
        if spec.id in self.params:
            spec = replace(spec, params={**spec.params, **self.params[spec.id]})
        return spec


def load_rules(
    folders: Iterable[Path] = (),
    selection: Selection | None = None,
    *,
    defaults: bool = True,
    overrides: Overrides | None = None,
) -> list[Rule]:
    """Load, select and build rules; every selected rule's params are validated here."""
    return select_rules(load_specs(folders, defaults=defaults), selection, overrides)


def select_rules(
    specs: Iterable[RuleSpec],
    selection: Selection | None = None,
    overrides: Overrides | None = None,
) -> list[Rule]:
    """Build the rules a selection wants from specs already read, with the overrides applied.

    For a caller that needs every spec as well (`cleaner rules test` builds the rules an
    example runs with from them), so the rule files are read once.
    """
    selection = selection or Selection()
    overrides = overrides or Overrides()
    specs = [overrides.apply(spec) for spec in specs]
    check_names(specs, selection, overrides)
    rules = [build(spec) for spec in specs if selection.wants(spec)]
    share_line_verdicts(rule.detector for rule in rules)
    save_compiled()
    return rules


def check_names(specs: Iterable[RuleSpec], selection: Selection, overrides: Overrides) -> None:
    """Every rule id or pack a setting names must exist: a typo is an error, not a no-op."""
    known = {spec.id for spec in specs}
    named = [*selection.select, *selection.ignore, *overrides.levels, *overrides.params]
    for pattern in named:
        if not any(_matches(rule_id, pattern) for rule_id in known):
            raise RuleError(f"no rule or pack matches {pattern!r}; see 'cleaner rules list'")
