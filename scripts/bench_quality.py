#!/usr/bin/env python
"""Score the library's next steps against what people actually do (issue 10), with baselines.

    .venv/bin/python scripts/bench_quality.py [--esco-store PATH] [--onet-store PATH]
        [--taxonomy esco|onet|both] [--half dev|heldout|all|both] [--json]

Reference: the O*NET Career Changers Matrix (``../shared/data/onet-career-changers/``): for
778 O*NET occupations, up to 10 occupations that people who left it moved to or were found
suitable for.  Its codes are O*NET-SOC 2010; they are matched to the stores' codes as written
(most detailed codes did not change between SOC 2010 and 2019; the ones that did simply miss).

- **O*NET**: a role is its O*NET-SOC code (``skos:notation``); role B is *relevant* to A when
  B's code is among A's listed moves (B != A).
- **ESCO**: a role's O*NET codes come from the official crosswalk (``ESCO_to_ONET-SOC.csv``,
  keyed by the ESCO ``code``, held as ``skos:notation``).  B is *relevant* to A when one of B's
  codes is a listed move of one of A's codes and the two share no O*NET code.  A pair that
  shares an O*NET code is *skipped*: the matrix cannot judge it (same O*NET occupation), so
  such roles are removed from every ranking before it is cut to 10.

A role is *evaluated* when it lists a skill and has at least one relevant role.  For every
ranker, a role's *judged list* is its ranking with the skipped roles (and the role itself)
removed, cut to the first 10.  With ``rel(i)`` = 1 when the i-th judged role is relevant:

- ``precision@10`` = (relevant roles in the judged list) / 10 -- always over 10, so a ranker
  that offers fewer than 10 next steps loses the empty places; averaged over roles.
- ``hit@10`` = share of roles whose judged list holds at least one relevant role.
- ``nDCG@10`` = sum_i rel(i) / log2(i + 1), divided by its ideal value (the first
  min(10, |relevant|) places all relevant); averaged over roles.
- ``coverage`` = share of evaluated roles for which the ranker offers at least 10 next steps
  (before skipping).  ``ceiling`` = mean of min(10, |relevant|) / 10, the best possible
  precision@10.

Rankers, all computed in the same run over the same roles:

- ``ours``: ``g.next_steps(role, k)`` through the public API, cheapest first, with k = 10 +
  the number of skipped roles (at most 500), so that skipping never empties a place the
  library could have filled.
- ``random``: a random order of all other roles (numpy seed ``SEED``).
- ``jaccard``: |S_A & S_B| / |S_A | S_B| over the sets of skills the roles list.
- ``cosine``: cosine of skill vectors weighing an essential skill 1 and an optional one 0.5
  (O*NET importance ratings are not used by any baseline).
- ``cosine+field`` / ``cosine+minor`` / ``cosine+unit``: ``cosine`` + 1 when the two roles
  share their group, so every same-group role ranks first (by cosine), then the others (by
  cosine).  On ESCO the ISCO-08 sub-major group (2 digits of the ESCO code; the library's
  ESCO field), minor group (3 digits) and unit group (4 digits); on O*NET the SOC major group
  (``15`` of ``15-1252.00``), minor group (``15-12``) and broad occupation (``15-125``).

Ties are broken by the roles' order in the taxonomy.  Roles are split into two halves by
their group, so that near-identical roles never straddle the halves: the first byte of
``sha256(SEED:group)`` mod 2, with the ISCO unit group (4 digits) on ESCO and the SOC broad
occupation (``15-125``) on O*NET; 0 is ``dev`` (tune on it), 1 is ``heldout`` (look at it
at the end).  The ratio row divides ours by the best baseline of each column.  Without
``../shared/data`` the script says so and exits 0.  Without ``--esco-store`` /
``--onet-store`` it imports the real data into a temporary store first.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import scipy.sparse as sp

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / ".." / "shared" / "data"
CHANGERS = DATA / "onet-career-changers" / "Career Changers Matrix.tsv"
CROSSWALK = DATA / "esco-onet-crosswalk" / "ESCO_to_ONET-SOC.csv"
SOURCES = {"esco": DATA / "esco-v1.1.1-en", "onet": DATA / "onet-29.3"}
K = 10
SEED = 10
OPTIONAL_WEIGHT = 0.5
BASELINES = ("random", "jaccard", "cosine", "cosine+field", "cosine+minor", "cosine+unit")
ESCO_CODE = re.compile(r"\d{4}(\.\d+)*\Z")
NOTATIONS = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?c ?n WHERE { ?c skos:notation ?n }"""

# ------------------------------------------------------------------ metrics (pure)


def judged(ranking, skip, k: int = K) -> list:
    """The first ``k`` items of ``ranking`` that are not in ``skip``.

    >>> judged([5, 1, 7, 2, 9], skip={1, 2}, k=2)
    [5, 7]
    """
    return [r for r in ranking if r not in skip][:k]


def precision_at_k(items, relevant, k: int = K) -> float:
    """Relevant items among the first ``k``, over ``k`` (missing places count as misses).

    >>> precision_at_k([3, 4, 8], {4, 8, 9}, k=10)
    0.2
    """
    return len(set(items[:k]) & set(relevant)) / k


def hit_at_k(items, relevant, k: int = K) -> float:
    """1.0 when one of the first ``k`` items is relevant, else 0.0.

    >>> hit_at_k([3, 4], {4}), hit_at_k([3], {4})
    (1.0, 0.0)
    """
    return float(bool(set(items[:k]) & set(relevant)))


def ndcg_at_k(items, relevant, k: int = K) -> float:
    """Binary-gain nDCG: sum of 1 / log2(rank + 1) over relevant items, over its ideal.

    >>> round(ndcg_at_k([3, 4], {4, 9}), 4)  # (1/log2 3) / (1 + 1/log2 3)
    0.3869
    """
    gain = sum(1 / np.log2(i + 2) for i, r in enumerate(items[:k]) if r in relevant)
    ideal = sum(1 / np.log2(i + 2) for i in range(min(k, len(relevant))))
    return float(gain / ideal) if ideal else 0.0


def half_of(group: str, seed: int = SEED) -> str:
    """``dev`` or ``heldout``, fixed by a hash of the group code.

    >>> half_of("2511"), half_of("2514")
    ('heldout', 'dev')
    """
    digest = hashlib.sha256(f"{seed}:{group}".encode()).digest()
    return "heldout" if digest[0] % 2 else "dev"


def occupations_reached(items, codes_of, targets, k: int = K) -> int:
    """How many distinct reference occupations (``targets``) the first ``k`` items reach
    (``codes_of[item]``: an item's O*NET codes).  Unlike precision, ten roles of one
    O*NET occupation count once: a ranking cannot gain by repeating an occupation.

    >>> occupations_reached([1, 2, 3], [set(), {"a"}, {"a"}, {"b", "c"}], {"a", "c", "d"})
    2
    """
    reached = set().union(*(codes_of[i] for i in items[:k])) if items else set()
    return len(reached & targets)


def summarise(lists, raw_lengths, relevant, k: int = K, reached=None) -> dict:
    """Mean metrics over roles; ``lists[i]`` judged, ``raw_lengths[i]`` steps offered,
    ``reached[i]`` the reference occupations it reaches (``occupations_reached``)."""
    n = len(lists)
    if n == 0:
        return {"precision": 0.0, "hit": 0.0, "ndcg": 0.0, "coverage": 0.0, "reached": 0.0}
    pairs = [(lists[i], relevant[i]) for i in range(n)]
    return {
        "precision": sum(precision_at_k(a, r, k) for a, r in pairs) / n,
        "hit": sum(hit_at_k(a, r, k) for a, r in pairs) / n,
        "ndcg": sum(ndcg_at_k(a, r, k) for a, r in pairs) / n,
        "coverage": sum(length >= k for length in raw_lengths) / n,
        "reached": sum(reached) / n if reached is not None else float("nan"),
    }


# ------------------------------------------------------------------ baselines (pure)


def skill_matrix(n_roles, req_role, req_skill, weights) -> sp.csr_matrix:
    """Roles x skills, summing ``weights`` of repeated requirements."""
    n_skills = int(req_skill.max()) + 1 if len(req_skill) else 0
    m = sp.coo_matrix((weights, (req_role, req_skill)), shape=(n_roles, n_skills))
    return m.tocsr()


def jaccard_scores(binary: sp.csr_matrix) -> np.ndarray:
    """|A & B| / |A | B| for every pair of rows of a 0/1 matrix.

    >>> m = sp.csr_matrix(np.array([[1, 1, 0], [0, 1, 1], [0, 0, 0]], dtype=float))
    >>> jaccard_scores(m).round(3).tolist()
    [[1.0, 0.333, 0.0], [0.333, 1.0, 0.0], [0.0, 0.0, 0.0]]
    """
    inter = (binary @ binary.T).toarray()
    sizes = np.asarray(binary.sum(axis=1)).ravel()
    union = sizes[:, None] + sizes[None, :] - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)


def cosine_scores(weighted: sp.csr_matrix) -> np.ndarray:
    """Cosine of every pair of rows (0 for an empty row).

    >>> m = sp.csr_matrix(np.array([[1.0, 0.5], [1.0, 0.0]]))
    >>> cosine_scores(m).round(3).tolist()
    [[1.0, 0.894], [0.894, 1.0]]
    """
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    inv = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    unit = sp.diags(inv) @ weighted
    return (unit @ unit.T).toarray()


def group_boosted(scores: np.ndarray, groups) -> np.ndarray:
    """``scores`` + 1 where two roles share a (non-empty) group.

    >>> group_boosted(np.zeros((3, 3)), ["a", "a", ""]).tolist()
    [[1.0, 1.0, 0.0], [1.0, 1.0, 0.0], [0.0, 0.0, 0.0]]
    """
    g = np.asarray(groups, dtype=object)
    same = (g[:, None] == g[None, :]) & (g[:, None] != "")
    return scores + same


def ranked(scores_row: np.ndarray, exclude, k: int) -> list[int]:
    """The ``k`` best columns of a score row, ``exclude`` left out, ties by position.

    >>> ranked(np.array([0.1, 0.9, 0.5, 0.9]), exclude={3}, k=2)
    [1, 2]
    """
    row = scores_row.astype(float).copy()
    row[list(exclude)] = -np.inf
    order = np.argsort(-row, kind="stable")[:k]
    return [int(j) for j in order if row[j] > -np.inf]


# ------------------------------------------------------------------ reference (I/O)


def read_changers(path: Path = CHANGERS) -> dict[str, set[str]]:
    """O*NET-SOC code -> the codes people moved to (Career Changers Matrix)."""
    moves: dict[str, set[str]] = {}
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            moves.setdefault(row["O*NET-SOC Code"], set()).add(row["Related O*NET-SOC Code"])
    return moves


def read_crosswalk(path: Path = CROSSWALK) -> dict[str, set[str]]:
    """ESCO code -> its O*NET-SOC 2019 codes."""
    codes: dict[str, set[str]] = {}
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            codes.setdefault(row["ESCO/ISCO Code"].strip(), set()).add(row["O*NET-SOC 2019 Code"])
    return codes


def role_codes(g) -> list[str]:
    """Each role's ``skos:notation`` ('' when it has none), by SPARQL over the store."""
    index = {uri: i for i, uri in enumerate(g.taxonomy.role_uris)}
    codes = [""] * len(index)
    for row in g.store.query(NOTATIONS):
        i = index.get(row[0].value)
        if i is not None:
            codes[i] = row[1].value
    return codes


def references(onet_of: list[set[str]], moves: dict[str, set[str]]):
    """Per role: the relevant roles and the skipped ones (sharing an O*NET code, or itself);
    roles without O*NET codes are never relevant (in a store of ESCO and O*NET, the O*NET
    roles themselves: see ``taxonomy_setup``)."""
    holders: dict[str, set[int]] = {}
    for i, codes in enumerate(onet_of):
        for c in codes:
            holders.setdefault(c, set()).add(i)
    relevant, skip = [], []
    for i, codes in enumerate(onet_of):
        same = set().union(*(holders[c] for c in codes)) | {i}
        targets = set().union(*(moves.get(c, set()) for c in codes))
        rel = set().union(*(holders.get(c, set()) for c in targets)) - same
        relevant.append(rel)
        skip.append(same)
    return relevant, skip


# ------------------------------------------------------------------ running


def taxonomy_setup(name: str, g):
    """Each role's O*NET codes, its groups (field, minor, unit) and the group picking its half."""
    codes = role_codes(g)
    if name in ("esco", "esco-linked"):
        crosswalk = read_crosswalk()
        onet_of = [crosswalk.get(c, set()) if c else set() for c in codes]
        levels = {"field": 2, "minor": 3, "unit": 4}
    else:
        onet_of = [{c} if c else set() for c in codes]
        levels = {"field": 2, "minor": 5, "unit": 6}
    groups = {level: [c[:size] for c in codes] for level, size in levels.items()}
    return onet_of, groups, groups["unit"]


def baseline_scores(t, groups) -> dict[str, np.ndarray]:
    """Score matrices (roles x roles) of every baseline."""
    n = t.n_roles
    ones = np.ones(len(t.req_role))
    binary = skill_matrix(n, t.req_role, t.req_skill, ones)
    binary.data[:] = 1.0
    weights = np.where(t.req_essential, 1.0, OPTIONAL_WEIGHT)
    weighted = skill_matrix(n, t.req_role, t.req_skill, weights)
    cosine = cosine_scores(weighted)
    return {
        "random": np.random.default_rng(SEED).random((n, n)),
        "jaccard": jaccard_scores(binary),
        "cosine": cosine,
        **{f"cosine+{level}": group_boosted(cosine, g) for level, g in groups.items()},
    }


def evaluate(name: str, store: str, halves: list[str], grouped: bool = False) -> dict:
    """Every ranker's metrics on one taxonomy, for each requested half; ``grouped``: also
    ``ours grouped``, the next steps with one place per occupation (``group_kinds``)."""
    import skillgraph

    g = skillgraph.open(store)
    t = g.taxonomy
    onet_of, groups, split = taxonomy_setup(name, g)
    changers = read_changers()
    relevant, skip = references(onet_of, changers)
    asked = [min(500, K + len(s)) for s in skip]  # how many next steps to ask for
    if name == "esco-linked":
        # The ESCO roles of a store that holds O*NET too: every ranker ranks ESCO roles.
        outside = {i for i, c in enumerate(role_codes(g)) if not ESCO_CODE.match(c)}
        skip = [s | outside for s in skip]
    targets = [set().union(*(changers.get(c, set()) for c in codes)) for codes in onet_of]
    has_skills = np.bincount(t.req_role, minlength=t.n_roles) > 0
    evaluated = [i for i in range(t.n_roles) if relevant[i] and has_skills[i]]
    ours = ["ours", "ours grouped"] if grouped else ["ours"]
    lists: dict[str, dict[int, list[int]]] = {r: {} for r in (*ours, *BASELINES)}
    raw: dict[str, dict[int, int]] = {r: {} for r in lists}
    for i in evaluated:
        for rname in ours:
            moves = g.next_steps(t.role_uris[i], k=asked[i], group_kinds=rname != "ours")
            order = [t.locate(m.role.uri)[1] for m in moves]
            lists[rname][i], raw[rname][i] = judged(order, skip[i]), len(order)
    for rname, scores in baseline_scores(t, groups).items():
        for i in evaluated:
            lists[rname][i] = ranked(scores[i], skip[i], K)
            raw[rname][i] = t.n_roles - 1
    out = {}
    for half in halves:
        roles = [i for i in evaluated if half == "all" or half_of(split[i]) == half]
        rel = [relevant[i] for i in roles]
        res = {
            r: summarise(
                [lists[r][i] for i in roles],
                [raw[r][i] for i in roles],
                rel,
                reached=[occupations_reached(lists[r][i], onet_of, targets[i]) for i in roles],
            )
            for r in lists
        }
        ceiling = sum(min(K, len(x)) for x in rel) / (K * len(rel)) if rel else 0.0
        out[half] = {"roles": len(roles), "ceiling": ceiling, "rankers": res}
    with_ref = sum(bool(x) for x in relevant)
    out["_counts"] = {"roles": t.n_roles, "with_reference": with_ref, "evaluated": len(evaluated)}
    return out


def ratio_row(rankers: dict) -> dict:
    """Ours divided by the best baseline, per metric."""
    row = {}
    for metric in ("precision", "hit", "ndcg", "coverage", "reached"):
        best = max(rankers[b][metric] for b in BASELINES)
        row[metric] = rankers["ours"][metric] / best if best else float("nan")
    return row


def print_table(name: str, half: str, result: dict) -> None:
    print(f"\n{name.upper()} -- {half} half: {result['roles']} roles with a reference")
    print(f"  (ceiling precision@10 {result['ceiling']:.3f})")
    print(f"  {'ranker':<14}{'P@10':>8}{'hit@10':>8}{'nDCG@10':>9}{'coverage':>10}{'reached':>9}")
    rows = dict(result["rankers"])
    rows["ours / best"] = ratio_row(result["rankers"])
    for rname, m in rows.items():
        cells = f"{m['precision']:>8.3f}{m['hit']:>8.3f}{m['ndcg']:>9.3f}{m['coverage']:>10.3f}"
        cells += f"{m['reached']:>9.3f}"
        print(f"  {rname:<14}{cells}")


def import_store(name: str, into: Path) -> str:
    """Import the real data into a new store under ``into``; its path.  ``esco-linked``:
    ESCO, O*NET and the crosswalk between them in one store (README "ESCO and O*NET
    together")."""
    store = into / f"{name}-store"
    exe = Path(sys.executable).with_name("skillgraph")
    steps = [["esco", SOURCES["esco"]], ["onet", SOURCES["onet"], "--merge"]]
    steps += [["crosswalk", CROSSWALK]]
    for step in steps if name == "esco-linked" else [[name, SOURCES[name]]]:
        print(f"importing {step[1]} into {store} ...", file=sys.stderr)
        cmd = [str(exe), "import", step[0], str(step[1]), "--store", str(store), *step[2:]]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return str(store)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--esco-store")
    parser.add_argument("--onet-store")
    parser.add_argument("--linked-store", help="a store of ESCO, O*NET and the crosswalk")
    parser.add_argument(
        "--taxonomy",
        choices=["esco", "onet", "esco-linked", "both", "all"],
        default="both",
        help="both: esco and onet; all: the three",
    )
    parser.add_argument("--half", choices=["dev", "heldout", "all", "both"], default="dev")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument(
        "--grouped",
        action="store_true",
        help="also score the next steps with one place per occupation (group_kinds)",
    )
    args = parser.parse_args(argv)
    needed = [CHANGERS, CROSSWALK, *SOURCES.values()]
    if not all(p.exists() for p in needed):
        print(f"skipped: the real data is not at {DATA.resolve()} (../shared/data is absent)")
        return 0
    halves = ["dev", "heldout"] if args.half == "both" else [args.half]
    names = {"both": ["esco", "onet"], "all": ["esco", "onet", "esco-linked"]}.get(
        args.taxonomy, [args.taxonomy]
    )
    given = {"esco": args.esco_store, "onet": args.onet_store, "esco-linked": args.linked_store}
    report = {}
    with tempfile.TemporaryDirectory(prefix="bench-quality-") as tmp:
        for name in names:
            store = given[name] or import_store(name, Path(tmp))
            report[name] = evaluate(name, store, halves, grouped=args.grouped)
    if args.json:
        for res in report.values():
            for half in halves:
                res[half]["ours_over_best_baseline"] = ratio_row(res[half]["rankers"])
        print(json.dumps(report, indent=2))
        return 0
    for name, res in report.items():
        c = res["_counts"]
        print(
            f"\n{name}: {c['roles']} roles, {c['with_reference']} with a reference, "
            f"{c['evaluated']} of them list skills (evaluated)"
        )
        for half in halves:
            print_table(name, half, res[half])
    return 0


if __name__ == "__main__":
    sys.exit(main())
