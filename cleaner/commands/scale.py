"""Options for large corpora: processes, the Dask engine, the size limit, progress.

`--jobs N` (default: every core) cleans in N local processes; `--engine dask
--scheduler ADDRESS` on a Dask cluster; the output is the same either way.
`--max-bytes` skips (and reports) documents too large to clean safely. A progress
bar with documents/s and MB/s is shown when stderr is a terminal, never otherwise.

With the cache on (check, fix), text files go through the cache in this process:
a warm re-check answers from it faster than any number of processes. JSONL inputs
and uncached runs use the processes.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Iterator, Sequence

from cleaner.batch import Outcome, clean_sources
from cleaner.errors import CleanerError
from cleaner.parallel import default_jobs
from cleaner.project import Project
from cleaner.reading import Source
from cleaner.reading import parse_size as reading_size


def add_scale_options(parser: argparse.ArgumentParser) -> None:
    """--jobs / --engine / --scheduler / --max-bytes / --no-progress."""
    group = parser.add_argument_group("scale")
    group.add_argument(
        "--jobs",
        "-j",
        type=_positive,
        metavar="N",
        help="processes to clean in (default: all cores); the output does not depend on it",
    )
    group.add_argument(
        "--engine",
        choices=["local", "dask"],
        default="local",
        help="local processes, or a Dask cluster (pip install 'cleaner[dask]')",
    )
    group.add_argument(
        "--scheduler", metavar="ADDRESS", help="Dask scheduler, e.g. tcp://10.0.0.5:8786"
    )
    group.add_argument(
        "--max-bytes",
        type=parse_size,
        default=None,
        metavar="SIZE",
        help="documents larger than this are copied as they are and reported "
        "(e.g. 500K, 10M; default: max-bytes in [tool.cleaner], else 10M)",
    )
    group.add_argument(
        "--no-progress",
        dest="progress",
        action="store_false",
        help="no progress bar (it is only shown on a terminal anyway)",
    )


def parse_size(text: str) -> int:
    """'10M' -> 10485760; plain numbers are bytes (see cleaner.reading.parse_size)."""
    try:
        return reading_size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a positive number of jobs: {text!r}")
    return int(text)


def scaled_outcomes(
    project: Project, sources: Sequence[Source], args: argparse.Namespace
) -> Iterator[Outcome]:
    """The project's outcomes, computed the way the scale options ask, in input order."""
    outcomes: Iterable[Outcome]
    pick = project.pipeline_for
    if args.engine == "dask":
        if not args.scheduler:
            raise CleanerError("--engine dask needs --scheduler ADDRESS (a running Dask cluster)")
        from cleaner.distributed import clean_on_cluster  # noqa: PLC0415 - optional Dask

        outcomes = clean_on_cluster(
            sources,
            project.pipeline,
            args.scheduler,
            project.text_field,
            max_bytes=project.max_bytes,
            pipeline_for=pick,
        )
    elif project.cache is not None and not all(source.is_jsonl for source in sources):
        outcomes = project.outcomes(sources, args.jobs or default_jobs())
        return _progress(outcomes, sources, args.progress)
    else:
        jobs = args.jobs or default_jobs()
        outcomes = clean_sources(
            sources,
            project.pipeline,
            project.text_field,
            jobs=jobs,
            max_bytes=project.max_bytes,
            pipeline_for=pick,
        )
    return _progress(map(project.without_accepted, outcomes), sources, args.progress)


def _progress(
    outcomes: Iterable[Outcome], sources: Sequence[Source], wanted: bool
) -> Iterator[Outcome]:
    """Outcomes, counted on a progress bar when stderr is a terminal."""
    if not wanted or not sys.stderr.isatty():
        yield from outcomes
        return
    from tqdm import tqdm  # noqa: PLC0415 - only on a terminal

    total = None if any(s.is_gzip for s in sources) else sum(_size(s) for s in sources)
    start = time.monotonic()
    with tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1000, file=sys.stderr) as bar:
        for count, outcome in enumerate(outcomes, start=1):
            document = outcome.document
            bar.update(document.skipped or len(document.raw or document.text or ""))
            if count % 50 == 0:
                bar.set_postfix_str(f"{count / (time.monotonic() - start):.0f} docs/s")
            yield outcome


def _size(source: Source) -> int:
    try:
        return source.path.stat().st_size
    except OSError:
        return 0
