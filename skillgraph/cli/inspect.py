"""``skillgraph stats | search | show | validate``: look at a taxonomy."""

from __future__ import annotations

import argparse

from ..taxonomy import Kind
from .common import add_json_option, command, graph_for, print_json, table


def register(subparsers) -> None:
    p = command(subparsers, "stats", "counts by class, fields and a data-quality summary", _stats)
    add_json_option(p)

    p = command(subparsers, "search", "find concepts by words of their labels", _search)
    p.add_argument("text", help="words to look for (prefixes match: 'dat ana')")
    p.add_argument("--kind", choices=Kind.ALL, action="append", help="only this kind (repeatable)")
    p.add_argument("--limit", type=int, default=20, help="at most this many hits (default 20)")
    add_json_option(p)

    p = command(subparsers, "show", "one concept by URI or label, with its relations", _show)
    p.add_argument("name", help="a URI or a label")
    p.add_argument("--kind", choices=Kind.ALL, help="the kind, when a label names several")
    add_json_option(p)

    command(subparsers, "validate", "check the data against the SHACL shapes", _validate)


def _stats(args: argparse.Namespace) -> int:
    stats = graph_for(args).stats()
    if args.json:
        print_json(stats)
        return 0
    print(f"store: {stats['store']}  ({stats['triples']:,} triples)")
    print()
    print(table([[k, f"{v:,}"] for k, v in stats["counts"].items()], ["class", "count"]))
    print()
    shown = stats["fields"][:25]
    print(table([[f["label"], f["roles"]] for f in shown], ["field", "roles"]))
    if len(stats["fields"]) > len(shown):
        print(f"... and {len(stats['fields']) - len(shown)} more fields")
    print()
    print("data quality:")
    for problem, detail in stats["quality"].items():
        if isinstance(detail, dict):
            rows = detail.get("rows", detail.get("count", ""))
            print(f"  {problem}: {rows}")
            for key, value in detail.items():
                if key not in ("rows", "count"):
                    print(f"      {key}: {value}")
        else:
            print(f"  {problem}: {detail}")
    for source in stats["sources"]:
        if source["attribution"]:
            print(f"\nsource: {source['name']} -- {source['attribution']}")
    return 0


def _search(args: argparse.Namespace) -> int:
    hits = graph_for(args).search(args.text, kinds=args.kind, limit=args.limit)
    if args.json:
        print_json([h.as_dict() for h in hits])
        return 0
    if not hits:
        print(f"nothing matches {args.text!r}")
        return 0
    rows = [
        [h.label, h.kind, "" if h.matched == h.label else f"(as {h.matched!r})", h.uri]
        for h in hits
    ]
    print(table(rows, ["label", "kind", "matched", "uri"], max_width=70))
    return 0


def _show(args: argparse.Namespace) -> int:
    graph = graph_for(args)
    info = graph.show(args.name, kind=args.kind)
    if args.json:
        print_json(info)
        return 0
    print(f"{info['label']}  [{info['kind']}]")
    print(info["uri"])
    if info["alt_labels"]:
        print("also: " + "; ".join(info["alt_labels"]))
    if info["description"]:
        print()
        print(info["description"])
    if info["properties"]:
        print()
        for name, values in sorted(info["properties"].items()):
            print(f"{name}: {', '.join(values)}")
    for heading, groups in (("relations", info["outgoing"]), ("referenced by", info["incoming"])):
        if not groups:
            continue
        print()
        print(f"{heading}:")
        for group in groups:
            print(f"  {group['name']} ({group['count']}):")
            for item in group["items"][:30]:
                print(f"    - {item['label']}  <{item['uri']}>")
            if group["count"] > 30:
                print(f"    ... and {group['count'] - 30} more (--json lists up to 200)")
    if info["source"] and info["source"]["attribution"]:
        print()
        print(f"source: {info['source']['attribution']}")
    return 0


def _validate(args: argparse.Namespace) -> int:
    from ..validate import validate

    report = validate(graph_for(args).store)
    print(report.text)
    return 0 if report.conforms else 1
