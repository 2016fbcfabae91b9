"""``skillgraph import FORMAT SOURCE --store PATH``: load a taxonomy into an on-disk store.

Each format is one ``ImportFormat`` entry of ``FORMATS``: to add one (onet, rdf, csv),
write its ``add_arguments`` and ``run`` functions and append an entry; the command, the
``--store``/``--merge``/``--replace`` options, progress on stderr and the summary printed
at the end are shared.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import InvalidParameter
from ..graph import SkillGraph
from ..store import ENV_VAR, Store, holds_taxonomy, resolve_location

__all__ = ["FORMATS", "ImportFormat", "register"]


@dataclass(frozen=True)
class ImportFormat:
    """One ``skillgraph import <name>`` sub-command.

    ``run(args, store_path, merge, progress)`` imports ``args.source`` and returns the
    opened store; ``add_arguments(parser)`` adds the format's own options.
    """

    name: str
    help: str
    source_help: str
    run: Callable[[argparse.Namespace, str, bool, Callable[[str], None]], Store]
    add_arguments: Callable[[argparse.ArgumentParser], None] = lambda parser: None
    #: True for data that adds to a taxonomy already in the store (crosswalk, figures):
    #: no --merge / --replace, the store must hold one.
    adds: bool = False


def _esco_arguments(parser: argparse.ArgumentParser) -> None:
    from ..formats.esco import DEFAULT_FIELD_LEVEL

    parser.add_argument(
        "--field-level",
        type=int,
        choices=(1, 2, 3, 4),
        default=DEFAULT_FIELD_LEVEL,
        metavar="N",
        help="the ISCO-08 level (digits, 1-4) whose groups are the fields of roles; a move "
        f"between fields is reskilling (default {DEFAULT_FIELD_LEVEL}: sub-major groups)",
    )
    parser.add_argument(
        "--language",
        default="en",
        help="language of the download: reads occupations_LANG.csv etc. (default en)",
    )


def _esco_run(args, store_path, merge, progress) -> Store:
    from ..formats.esco import import_esco

    return import_esco(
        args.source,
        store_path,
        field_level=args.field_level,
        merge=merge,
        language=args.language,
        progress=progress,
    )


def _onet_run(args, store_path, merge, progress) -> Store:
    from ..formats.onet import import_onet

    return import_onet(args.source, store_path, merge=merge, progress=progress)


def _rdf_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("more", nargs="*", metavar="FILE", help="more RDF files")
    parser.add_argument(
        "--rdf-format",
        choices=("turtle", "ntriples", "rdfxml", "jsonld"),
        help="the files' format (default: from each file's extension)",
    )
    parser.add_argument(
        "--concepts-as",
        choices=("skill", "role"),
        help="treat SKOS concepts that are not typed otherwise as skills or as roles",
    )


def _rdf_run(args, store_path, merge, progress) -> Store:
    from ..formats.rdf import import_rdf

    return import_rdf(
        [args.source, *args.more],
        store_path,
        merge=merge,
        fmt=args.rdf_format,
        concepts_as=args.concepts_as,
        progress=progress,
    )


def _csv_arguments(parser: argparse.ArgumentParser) -> None:
    from ..formats.tabular import DEFAULT_BASE

    parser.add_argument(
        "--base-uri",
        default=DEFAULT_BASE,
        help=f"URI prefix for concepts whose id is not a URI (default {DEFAULT_BASE})",
    )


def _csv_run(args, store_path, merge, progress) -> Store:
    from ..formats.tabular import import_tabular

    return import_tabular(
        args.source, store_path, merge=merge, base_uri=args.base_uri, progress=progress
    )


def _crosswalk_run(args, store_path, merge, progress) -> Store:
    from ..formats.outlook_data import import_crosswalk

    return import_crosswalk(args.source, store_path, progress=progress)


def _year_argument(parser: argparse.ArgumentParser, default: str) -> None:
    parser.add_argument("--year", type=int, help=f"the year the figures describe ({default})")


def _oews_run(args, store_path, merge, progress) -> Store:
    from ..formats.outlook_data import import_oews

    return import_oews(args.source, store_path, year=args.year, progress=progress)


def _exposure_arguments(parser: argparse.ArgumentParser) -> None:
    from ..formats.outlook_data import EXPOSURE_COLUMNS

    parser.add_argument(
        "--column",
        choices=EXPOSURE_COLUMNS,
        default="human_rating_beta",
        help="the score to import (default human_rating_beta: annotators' E1 + E2/2)",
    )
    _year_argument(parser, "default 2023, the paper's")


def _exposure_run(args, store_path, merge, progress) -> Store:
    from ..formats.outlook_data import import_exposure

    return import_exposure(
        args.source, store_path, column=args.column, year=args.year or 2023, progress=progress
    )


FORMATS: list[ImportFormat] = [
    ImportFormat(
        name="esco",
        help="the official ESCO v1.1.x CSV download (a folder)",
        source_help="folder of the ESCO CSV files (occupations_en.csv, skills_en.csv, ...)",
        run=_esco_run,
        add_arguments=_esco_arguments,
    ),
    ImportFormat(
        name="onet",
        help="the O*NET database in its official text layout (a folder)",
        source_help="folder of the O*NET text files (Occupation Data.txt, Skills.txt, ...)",
        run=_onet_run,
    ),
    ImportFormat(
        name="rdf",
        help="SKOS or any RDF file (Turtle, N-Triples, RDF/XML, JSON-LD)",
        source_help="an RDF file",
        run=_rdf_run,
        add_arguments=_rdf_arguments,
    ),
    ImportFormat(
        name="csv",
        help="the simple CSV layout (roles.csv, skills.csv, requirements.csv, ...)",
        source_help="folder of the CSV files (see docs/csv-layout.md)",
        run=_csv_run,
        add_arguments=_csv_arguments,
    ),
    ImportFormat(
        name="crosswalk",
        help="the ESCO -> O*NET-SOC crosswalk: links the store's ESCO roles to O*NET",
        source_help="ESCO_to_ONET-SOC.csv",
        run=_crosswalk_run,
        adds=True,
    ),
    ImportFormat(
        name="oews",
        help="BLS OEWS national employment and median wages (figures of roles)",
        source_help="the national file, e.g. national_M2021_dl.csv",
        run=_oews_run,
        add_arguments=lambda parser: _year_argument(parser, "default: from the file name"),
        adds=True,
    ),
    ImportFormat(
        name="exposure",
        help="LLM exposure of occupations, Eloundou et al. 2023 (figures of roles)",
        source_help="occ_level.csv (its LICENSE beside it travels with the data)",
        run=_exposure_run,
        add_arguments=_exposure_arguments,
        adds=True,
    ),
]


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import a taxonomy into an on-disk store",
        description="Import a taxonomy into an on-disk store. The store is rebuilt aside and "
        "swapped in only when the import succeeds: a failed import leaves it as it was.",
    )
    formats = parser.add_subparsers(dest="format", metavar="FORMAT", required=True)
    for fmt in FORMATS:
        sub = formats.add_parser(fmt.name, help=fmt.help, description=f"Import {fmt.help}.")
        sub.add_argument("source", help=fmt.source_help)
        sub.add_argument(
            "--store",
            metavar="PATH|URL",
            help="the on-disk store to write, created if needed, or a SPARQL server's URL "
            f"(default: ${ENV_VAR})",
        )
        if fmt.adds:
            fmt.add_arguments(sub)
            sub.set_defaults(handler=_import, import_format=fmt, mode="merge")
            continue
        mode = sub.add_mutually_exclusive_group()
        mode.add_argument(
            "--merge",
            action="store_const",
            const="merge",
            dest="mode",
            help="add to what the store already holds",
        )
        mode.add_argument(
            "--replace",
            action="store_const",
            const="replace",
            dest="mode",
            help="replace the store's content",
        )
        fmt.add_arguments(sub)
        sub.set_defaults(handler=_import, import_format=fmt)


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _import(args: argparse.Namespace) -> int:
    location = resolve_location(args.store)
    if location is None:
        raise InvalidParameter(
            f"import needs a store to write: --store PATH (or ${ENV_VAR}); "
            "the built-in taxonomy is read-only"
        )
    fmt: ImportFormat = args.import_format
    if args.mode is None and holds_taxonomy(location):
        # A mistyped --store must not silently throw away a store that took time to build.
        raise InvalidParameter(
            f"{location} already holds a taxonomy: say --merge to add to it "
            "or --replace to replace it"
        )
    started = time.perf_counter()
    store = fmt.run(args, location, args.mode == "merge", _progress)
    _progress("preparing the search index and the career-path graph")
    SkillGraph(store).warm()
    elapsed = time.perf_counter() - started
    print_summary(store, elapsed)
    return 0


def print_summary(store: Store, elapsed: float) -> None:
    """What the import wrote, its data-quality report and the attribution of its sources."""
    meta = store.meta
    print(f"imported into {store.path} in {elapsed:.1f} s ({len(store):,} triples)")
    for what, n in meta.get("counts", {}).items():
        print(f"  {what}: {n:,}")
    quality = meta.get("quality", {})
    if quality:
        print("data quality (rows skipped or completed, not fatal):")
        for problem, detail in quality.items():
            if isinstance(detail, dict):
                print(
                    f"  {problem}: {detail.get('rows', '?')} rows, first at line "
                    f"{detail.get('first line', '?')}"
                )
                for example in detail.get("examples", []):
                    print(f"      e.g. {example}")
            else:
                print(f"  {problem}: {detail}")
    for source in meta.get("sources", []):
        if source.get("attribution"):
            print(f"source: {source['name']} -- {source['attribution']}")
