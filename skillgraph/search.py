"""Label search: case- and accent-insensitive word-prefix matching over preferred,
alternative and hidden labels, for search boxes and autocomplete.

Every word of the query must be the start of a word of the label ("dat ana" finds
"data analyst").  Ranking, one hit per concept:

1. the exact preferred label, then an exact alternative label;
2. preferred labels holding every query word as a whole word ("nurse" in "nurse
   responsible for general care", not in "nursemaid"), then alternative labels that do;
3. labels that start with the query, then the other prefix matches;

and within each group the more central concept first (``centrality``: how many roles
need a skill, how many skills a role lists, as a percentile within its kind, in twenty
bands), then shorter labels.  A small list of synonyms (``SYNONYMS``) adds the labels of
a common name's usual meaning ("Excel" finds spreadsheets), ranked with the
alternative labels.  The heavy lifting is done with numpy over posting arrays so that a
query over ESCO's ~100k labels stays within a few milliseconds.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

__all__ = ["SYNONYMS", "LabelIndex", "Match", "normalise", "percentiles", "words"]

#: Names people type for a skill that taxonomies label otherwise: product names and
#: abbreviations (ESCO and the default taxonomy name the skill, not the product).  Each
#: maps a normalised query to the words of the usual skill; kept short and checked by
#: tests/test_search.py to find a skill on the default taxonomy.
SYNONYMS: dict[str, str] = {
    "excel": "spreadsheets",
    "ms excel": "spreadsheets",
    "microsoft excel": "spreadsheets",
    "google sheets": "spreadsheets",
    "ms word": "word processing",
    "microsoft word": "word processing",
    "powerpoint": "presentation",
    "power bi": "business intelligence",
    "tableau": "business intelligence",
}
#: Centrality bands: concepts in the same band rank by label length instead.
BANDS = 20

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def normalise(text: str) -> str:
    """Fold case and strip accents.

    >>> normalise("Ingénieur  Développement")
    'ingenieur  developpement'
    """
    if text.isascii():  # nothing to decompose or strip (most labels: a fast path)
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def words(text: str) -> list[str]:
    """The normalised words of ``text``.

    >>> words("Machine-Learning Engineer (ML)")
    ['machine', 'learning', 'engineer', 'ml']
    """
    return _WORD.findall(normalise(text))


@dataclass(frozen=True, slots=True)
class Match:
    """A search hit: the concept and the label that matched."""

    uri: str
    label: str
    kind: str
    matched: str
    preferred: bool

    def as_dict(self) -> dict:
        return {
            "uri": self.uri,
            "label": self.label,
            "kind": self.kind,
            "matched": self.matched,
            "preferred": self.preferred,
        }


class LabelIndex:
    """An inverted index of words to labels.

    ``entries`` are ``(uri, kind, label, preferred)``; a concept's display label is its
    first preferred entry.

    >>> index = LabelIndex([
    ...     ("r:1", "role", "data analyst", True),
    ...     ("r:1", "role", "business data analyst", False),
    ...     ("r:2", "role", "data engineer", True),
    ...     ("s:1", "skill", "Data analysis", True),
    ... ])
    >>> [m.label for m in index.search("data ana")]
    ['Data analysis', 'data analyst']
    >>> [m.uri for m in index.search("DATA ANALYST")][:1]
    ['r:1']
    >>> index.exact("Business Data Analyst")
    [('r:1', 'role')]
    """

    def __init__(
        self,
        entries: list[tuple[str, str, str, bool]],
        centrality: Mapping[str, float] | None = None,
    ):
        concept_ix: dict[str, int] = {}
        self.concept_uri: list[str] = []
        self.concept_kind: list[str] = []
        self.concept_label: list[str] = []
        label_concept: list[int] = []
        self.label_text: list[str] = []
        label_norm: list[str] = []
        label_pref: list[bool] = []
        label_nwords: list[int] = []
        postings: dict[str, list[int]] = {}
        first: dict[str, list[int]] = {}
        seen: set[tuple[int, str]] = set()
        has_preferred: set[int] = set()
        for uri, kind, label, preferred in entries:
            c = concept_ix.get(uri)
            if c is None:
                c = concept_ix[uri] = len(self.concept_uri)
                self.concept_uri.append(uri)
                self.concept_kind.append(kind)
                self.concept_label.append(label)
            if preferred and c not in has_preferred:
                has_preferred.add(c)
                self.concept_label[c] = label
            norm = " ".join(words(label))
            if not norm or (c, norm) in seen:
                continue
            seen.add((c, norm))
            lid = len(label_concept)
            label_concept.append(c)
            self.label_text.append(label)
            label_norm.append(norm)
            label_pref.append(bool(preferred))
            tokens = norm.split(" ")
            label_nwords.append(len(tokens))
            for token in set(tokens):
                postings.setdefault(token, []).append(lid)
            first.setdefault(tokens[0], []).append(lid)
        self.label_concept = np.array(label_concept, dtype=np.int32)
        self.label_pref = np.array(label_pref, dtype=bool)
        self.label_nwords = np.array(label_nwords, dtype=np.int32)
        self._exact: dict[str, list[int]] = {}
        for lid, norm in enumerate(label_norm):
            self._exact.setdefault(norm, []).append(lid)
        self._tokens, self._postings = _compressed(postings)
        self._first_tokens, self._first_postings = _compressed(first)
        kinds = sorted(set(self.concept_kind))
        self._kind_code = {k: i for i, k in enumerate(kinds)}
        codes = np.array([self._kind_code[k] for k in self.concept_kind], dtype=np.int8)
        self.label_kind = codes[self.label_concept] if len(label_concept) else codes[:0]
        self._prefix_cache: dict[tuple[bool, str], np.ndarray] = {}
        # Ties are broken alphabetically by the concept's display label, so results do not
        # depend on the order the store happened to return labels in.
        alpha = sorted(
            range(len(self.concept_label)), key=lambda c: normalise(self.concept_label[c])
        )
        concept_rank = np.empty(len(alpha), dtype=np.int32)
        concept_rank[alpha] = np.arange(len(alpha), dtype=np.int32)
        self.label_rank = (
            concept_rank[self.label_concept] if len(label_concept) else concept_rank[:0]
        )
        central = centrality or {}
        band = np.array(
            [min(int(central.get(u, 0.0) * BANDS), BANDS - 1) for u in self.concept_uri],
            dtype=np.int8,
        )
        self.label_band = band[self.label_concept] if len(label_concept) else band[:0]

    def __len__(self) -> int:
        return len(self.concept_uri)

    @property
    def n_labels(self) -> int:
        return len(self.label_text)

    def _prefixed(self, prefix: str, *, first_only: bool = False) -> np.ndarray:
        """Sorted ids of labels with a word (or the first word) starting with ``prefix``."""
        key = (first_only, prefix)
        hit = self._prefix_cache.get(key)
        if hit is not None:
            return hit
        tokens = self._first_tokens if first_only else self._tokens
        data, ptr = self._first_postings if first_only else self._postings
        lo = bisect.bisect_left(tokens, prefix)
        hi = bisect.bisect_left(tokens, prefix + "\U0010ffff")
        ids = data[ptr[lo] : ptr[hi]]
        if hi - lo > 1:
            ids = np.unique(ids)
        # Short prefixes are the expensive ones and the ones typed first in autocomplete.
        if len(prefix) <= 3:
            self._prefix_cache[key] = ids
        return ids

    def _token(self, token: str) -> np.ndarray:
        """Sorted ids of labels with ``token`` as a whole word."""
        i = bisect.bisect_left(self._tokens, token)
        if i == len(self._tokens) or self._tokens[i] != token:
            return np.zeros(0, dtype=np.int32)
        data, ptr = self._postings
        return data[ptr[i] : ptr[i + 1]]

    def _ranked(self, qwords: list[str], kinds, floor: int = 0) -> tuple[np.ndarray, np.ndarray]:
        """Label ids matching every word of ``qwords`` (as word prefixes) and their group
        (0 best), no better than ``floor``."""
        sets = sorted((self._prefixed(w) for w in dict.fromkeys(qwords)), key=len)
        ids = sets[0]
        for other in sets[1:]:
            if not len(ids):
                break
            ids = ids[np.isin(ids, other, assume_unique=True)]
        if kinds:
            wanted = [self._kind_code[k] for k in kinds if k in self._kind_code]
            ids = ids[np.isin(self.label_kind[ids], wanted)]
        if not len(ids):
            return ids, np.zeros(0, dtype=np.int8)
        pref = self.label_pref[ids]
        group = np.full(len(ids), 5, dtype=np.int8)
        group[np.isin(ids, self._prefixed(qwords[0], first_only=True))] = 4
        whole = np.ones(len(ids), dtype=bool)
        for w in dict.fromkeys(qwords):
            whole &= np.isin(ids, self._token(w))
        group[whole] = np.where(pref[whole], 2, 3)
        exact = np.array(self._exact.get(" ".join(qwords), []), dtype=np.int32)
        if len(exact):
            is_exact = np.isin(ids, exact)
            group[is_exact] = np.where(pref[is_exact], 0, 1)
        return ids, np.maximum(group, floor)

    def search(
        self, query: str, *, kinds: Iterable[str] | None = None, limit: int = 20
    ) -> list[Match]:
        """The best ``limit`` concepts whose labels match every word of ``query``."""
        qwords = words(query)
        if not qwords or limit <= 0:
            return []
        kinds = list(kinds) if kinds else None
        ids, group = self._ranked(qwords, kinds)
        synonym = SYNONYMS.get(" ".join(qwords))
        if synonym:
            more, more_group = self._ranked(words(synonym), kinds, floor=3)
            ids, group = np.concatenate([ids, more]), np.concatenate([group, more_group])
        if not len(ids):
            return []
        order = np.lexsort(
            (
                self.label_rank[ids],
                ~self.label_pref[ids],
                self.label_nwords[ids],
                -self.label_band[ids],
                group,
            )
        )
        out: list[Match] = []
        taken: set[int] = set()
        for lid in ids[order]:
            c = int(self.label_concept[lid])
            if c in taken:
                continue
            taken.add(c)
            out.append(
                Match(
                    uri=self.concept_uri[c],
                    label=self.concept_label[c],
                    kind=self.concept_kind[c],
                    matched=self.label_text[lid],
                    preferred=bool(self.label_pref[lid]),
                )
            )
            if len(out) >= limit:
                break
        return out

    def exact(self, text: str, kind: str | None = None) -> list[tuple[str, str]]:
        """Concepts with a label equal to ``text`` (ignoring case, accents and punctuation),
        preferred-label matches first."""
        lids = self._exact.get(" ".join(words(text)), [])
        lids = sorted(lids, key=lambda lid: not self.label_pref[lid])
        out: list[tuple[str, str]] = []
        for lid in lids:
            c = int(self.label_concept[lid])
            pair = (self.concept_uri[c], self.concept_kind[c])
            if (kind is None or pair[1] == kind) and pair not in out:
                out.append(pair)
        return out

    def preferred_exact(self, text: str, kind: str | None = None) -> list[tuple[str, str]]:
        """Like ``exact`` but only preferred labels."""
        lids = self._exact.get(" ".join(words(text)), [])
        out: list[tuple[str, str]] = []
        for lid in lids:
            if not self.label_pref[lid]:
                continue
            c = int(self.label_concept[lid])
            pair = (self.concept_uri[c], self.concept_kind[c])
            if (kind is None or pair[1] == kind) and pair not in out:
                out.append(pair)
        return out


def percentiles(uris: list[str], counts: np.ndarray) -> dict[str, float]:
    """Each concept's share of the others it is at least as central as (0 to 1), for
    ``LabelIndex(centrality=...)``; ``counts`` is its number of links.

    >>> percentiles(["a", "b", "c"], np.array([5, 0, 5]))
    {'a': 1.0, 'b': 0.0, 'c': 1.0}
    """
    n = len(uris)
    if n <= 1:
        return dict.fromkeys(uris, 0.0)
    counts = np.asarray(counts)
    order = np.sort(counts)
    below = np.searchsorted(order, counts, side="right") - 1
    return {u: float(b) / (n - 1) for u, b in zip(uris, below, strict=True)}


def _compressed(postings: dict[str, list[int]]) -> tuple[list[str], tuple[np.ndarray, np.ndarray]]:
    """Sorted tokens and their postings as one array plus offsets (CSR).

    One flat array instead of a small array per token makes the index fast to pickle and
    to unpickle (the label cache of a store), and a prefix's postings one slice.

    >>> tokens, (data, ptr) = _compressed({"b": [2], "a": [0, 1]})
    >>> tokens, data.tolist(), ptr.tolist()
    (['a', 'b'], [0, 1, 2], [0, 2, 3])
    """
    tokens = sorted(postings)
    sizes = np.array([len(postings[t]) for t in tokens], dtype=np.int64)
    ptr = np.zeros(len(tokens) + 1, dtype=np.int64)
    np.cumsum(sizes, out=ptr[1:])
    data = np.fromiter((i for t in tokens for i in postings[t]), dtype=np.int32, count=int(ptr[-1]))
    return tokens, (data, ptr)
