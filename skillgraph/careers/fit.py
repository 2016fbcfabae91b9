"""How related two roles are: the *fit* that ranks next steps and decides which job moves
an adviser would suggest.

Measured against what people actually do (the O*NET Career Changers Matrix, through
``scripts/bench_quality.py``), the fit of a move a -> b is::

    fit(a, b) =   cos(skills a, skills b)             weighted skill vectors
                + g * cos(skill groups a, skill groups b)  the same vectors summed to skos:broader
                + t * cos(words a, words b)            TF-IDF of labels and description
                + sum_L s_L * [a and b share their level-L occupation group]
                + u * share of a's skills that b lists (b builds on a's experience)
                - c * share of b's skills that a lists (a move into a role a nearly covers
                      already is rarely what people change jobs for)
                - up * levels b is above a - down * levels b is below a

Skill weight: 1 for an essential skill, 0.5 for an optional one, times (importance / 5)^2
where the source rates importance (O*NET; unrated requirements take the median).  The
weights differ per taxonomy, because the signals do (tuned on one half of the roles, checked
on the other; README "Career paths"):

=============  ====  ====  =============================  ====  ====  ====  ====
profile        g     t     s_1 / s_2 / s_3 / s_4          u     c     up    down
=============  ====  ====  =============================  ====  ====  ====  ====
esco           0.25  0.25  0.5 / 0.05 / 0.25 / 0.1 (ISCO)  0.5   0.5   0.1   0
onet           0     1.0   none                           0.1   0.1   0.1   0.05
skills         0.25  0.25  none                           0.5   0.5   0.1   0.2
=============  ====  ====  =============================  ====  ====  ====  ====

In a store that holds ESCO and O*NET together, linked by the crosswalk, each taxonomy's
roles are fitted with their own profile, moves stay inside one taxonomy, and an ESCO role's
fit gains ``w_linked`` (0.5) times the fit of the O*NET occupations it is linked to
(``careers.linked``).

``esco``: roles coded with ESCO codes (``2511.1``: ISCO-08 major, sub-major, minor and
unit group by prefix; levels are the ISCO skill level of the major group); ``onet``: roles
with O*NET-SOC codes (levels are Job Zones); ``skills``: any other taxonomy (the default
one), from skills, words and the taxonomy's own seniority.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from ..taxonomy import Taxonomy
from .fitblock import block_rows
from .linked import (
    ESCO,
    ESCO_CODE,
    ONET,
    ONET_CODE,
    Linked,
    link_matrix,
    linked_best,
    role_schemes,
)

__all__ = [
    "PROFILES",
    "FitProfile",
    "best_cut",
    "fit_matrix",
    "profile_for",
    "profile_row",
    "tfidf",
]


@dataclass(frozen=True)
class FitProfile:
    name: str
    optional_weight: float = 0.5
    importance_power: float = 2.0
    w_group_skills: float = 0.25
    w_text: float = 0.25
    w_same: tuple[tuple[int, float], ...] = ()
    w_uses_mine: float = 0.5
    w_covered: float = 0.5
    w_up: float = 0.1
    w_down: float = 0.0
    #: In a store of ESCO and O*NET linked by the crosswalk: the weight of the fit an
    #: ESCO role takes from its O*NET occupations, and how many best moves of each O*NET
    #: occupation count (``careers.linked``).
    w_linked: float = 0.0
    linked_best: int = 20


PROFILES = {
    "esco": FitProfile("esco", w_same=((1, 0.5), (2, 0.05), (3, 0.25), (4, 0.1)), w_linked=0.5),
    "onet": FitProfile(
        "onet", w_group_skills=0.0, w_text=1.0, w_uses_mine=0.1, w_covered=0.1, w_down=0.05
    ),
    "skills": FitProfile("skills", w_down=0.2),
}
#: ISCO-08 skill level of each major group (armed forces, 0, as technicians).
_ISCO_LEVEL = {"0": 3.0, "1": 4.0, "2": 4.0, "3": 3.0, "9": 1.0}
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "to",
        "in",
        "for",
        "on",
        "with",
        "by",
        "as",
        "at",
        "from",
        "is",
        "are",
        "be",
        "this",
        "that",
        "these",
        "those",
        "their",
        "its",
        "it",
        "they",
        "them",
        "who",
        "which",
        "what",
        "other",
        "such",
        "into",
        "via",
        "using",
        "use",
        "used",
        "e",
        "g",
        "etc",
        "all",
        "any",
        "may",
        "can",
    ]
)


def profile_for(t: Taxonomy, name: str = "auto") -> FitProfile:
    """The profile ``name``, or for "auto" the one the taxonomy's role codes call for."""
    if name != "auto":
        return PROFILES[name]
    codes = t.role_code or []
    esco = sum(1 for c in codes if ESCO_CODE.match(c))
    onet = sum(1 for c in codes if ONET_CODE.match(c))
    if codes and max(esco, onet) >= len(codes) / 2:
        return PROFILES["esco" if esco >= onet else "onet"]
    return PROFILES["skills"]


def _levels(t: Taxonomy, profile: FitProfile) -> np.ndarray:
    if profile.name == "esco":
        codes = t.role_code or [""] * t.n_roles
        level = np.array(
            [_ISCO_LEVEL.get(c[:1], 2.0) if ESCO_CODE.match(c) else np.nan for c in codes]
        )
    else:
        level = np.asarray(t.role_seniority, dtype=np.float64).copy()
    known = np.isfinite(level)
    level[~known] = np.median(level[known]) if known.any() else 0.0
    return level


def skill_weights(t: Taxonomy, profile: FitProfile) -> sp.csr_matrix:
    """Roles x skills: the weight of each requirement in the fit."""
    importance = np.asarray(t.req_importance, dtype=np.float64)
    rated = np.isfinite(importance)
    median = np.median(importance[rated]) if rated.any() else 5.0
    w = np.where(t.req_essential, 1.0, profile.optional_weight)
    w = w * (np.where(rated, importance, median) / 5.0) ** profile.importance_power
    m = sp.csr_matrix((w, (t.req_role, t.req_skill)), shape=(t.n_roles, t.n_skills))
    m.sum_duplicates()
    return m


def _unit_rows(m: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    inv = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    return sp.csr_matrix(sp.diags(inv) @ m)


def _cosine(a: sp.csr_matrix, b: sp.csr_matrix | None = None) -> np.ndarray:
    ua = _unit_rows(sp.csr_matrix(a, dtype=np.float64))
    ub = ua if b is None else _unit_rows(sp.csr_matrix(b, dtype=np.float64))
    return np.asarray((ua @ ub.T).toarray())


def _groups(t: Taxonomy) -> sp.csr_matrix | None:
    if t.broader_skill is None or t.broader_group is None or not len(t.broader_skill):
        return None
    n_groups = int(t.broader_group.max()) + 1
    ones = np.ones(len(t.broader_skill))
    return sp.csr_matrix((ones, (t.broader_skill, t.broader_group)), shape=(t.n_skills, n_groups))


def tfidf(docs: list[str], min_df: int = 2, max_df: float = 0.5) -> sp.csr_matrix:
    """TF-IDF rows of ``docs``: words and word pairs, sublinear tf, smooth idf.

    >>> x = tfidf(["data analyst sql", "data scientist sql", "chef cooking"], max_df=1.0)
    >>> x.shape[0], round(float(_cosine(x)[0, 1]), 2) > 0, float(_cosine(x)[0, 2])
    (3, True, 0.0)
    """
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, doc in enumerate(docs):
        words = [w for w in re.findall(r"[a-z][a-z0-9]+", doc.lower()) if w not in _STOP]
        words = [w for w in words if len(w) > 2]
        words += [a + "_" + b for a, b in itertools.pairwise(words)]
        counts: dict[str, int] = {}
        for w in words:
            counts[w] = counts.get(w, 0) + 1
        for w, c in counts.items():
            rows.append(i)
            cols.append(vocab.setdefault(w, len(vocab)))
            vals.append(c)
    x = sp.csr_matrix((np.array(vals, float), (rows, cols)), shape=(len(docs), len(vocab)))
    df = np.bincount(x.indices, minlength=x.shape[1])
    keep = (df >= min_df) & (df <= max_df * len(docs))
    x, df = x[:, keep], df[keep]
    x.data = 1 + np.log(x.data)
    return sp.csr_matrix(x @ sp.diags(np.log((1 + len(docs)) / (1 + df)) + 1))


def _onehot(codes: list[str]) -> sp.csr_matrix:
    """Roles x group codes: 1 where a role has that non-empty code (``_same``'s factor)."""
    labels, inv = np.unique(np.asarray(codes, dtype=object), return_inverse=True)
    onehot = sp.csr_matrix((np.ones(len(codes)), (np.arange(len(codes)), inv)))
    if (labels == "").any():
        onehot = onehot[:, labels != ""]
    return sp.csr_matrix(onehot)


def _product(a: sp.csr_matrix, b_t: sp.csr_matrix) -> np.ndarray:
    """``(a @ b.T).toarray()`` given ``b_t`` = ``b.T`` in CSR (row by row the same sums in
    the same order as the whole product: blocks of rows come out bit for bit equal)."""
    return np.asarray((a @ b_t).toarray())


@dataclass(eq=False)
class FitParts:
    """What any row of the fit needs, computed once per taxonomy (all sparse or per role):
    ``fit_rows`` gives rows of the fit from it without ever holding roles x roles."""

    profile: FitProfile
    weights: sp.csr_matrix  # roles x skills (``skill_weights``)
    unit: sp.csr_matrix  # the rows of ``weights`` scaled to length 1
    unit_t: sp.csr_matrix
    groups: sp.csr_matrix | None  # skills x skill groups
    group_unit: sp.csr_matrix | None
    group_unit_t: sp.csr_matrix | None
    text_unit: sp.csr_matrix | None
    text_unit_t: sp.csr_matrix | None
    same: list[tuple[float, sp.csr_matrix, sp.csr_matrix]]  # (weight, onehot, onehot.T)
    binary_t: sp.csr_matrix  # the pattern of ``weights``, transposed
    weights_t: sp.csr_matrix
    own: np.ndarray  # each role's weight sum
    level: np.ndarray
    no_skills: np.ndarray  # roles whose fit weights sum to nothing
    empty: np.ndarray  # roles no move may go into (``no_skills`` and more): -inf into them
    #: A store of ESCO and O*NET roles together (``careers.linked``); None otherwise.
    linked: Linked | None = None

    @property
    def n(self) -> int:
        return self.weights.shape[0]


def fit_parts(
    t: Taxonomy, profile: FitProfile, empty: np.ndarray | None = None, mixed: bool | None = None
) -> FitParts:
    """The parts of the fit of ``t`` under ``profile``; ``empty`` marks more roles that
    no move may go into (the model's roles whose requirement weighs nothing); ``mixed``:
    whether ``t`` holds both ESCO and O*NET roles (None: look)."""
    schemes = None if mixed is False else role_schemes(t.role_code or [""] * t.n_roles)
    if schemes is not None:
        mixed = bool((schemes == ESCO).any() and (schemes == ONET).any())
    w = skill_weights(t, profile)
    unit = _unit_rows(sp.csr_matrix(w, dtype=np.float64))
    groups = _groups(t) if profile.w_group_skills else None
    group_unit = None if groups is None else _unit_rows(sp.csr_matrix(w @ groups, dtype=float))
    text_unit = None
    if profile.w_text and t.role_text is not None:
        text_unit = _unit_rows(sp.csr_matrix(tfidf(t.role_text), dtype=np.float64))
    codes = t.role_code or [""] * t.n_roles
    same = []
    for length, weight in profile.w_same:
        onehot = _onehot([c[:length] if ESCO_CODE.match(c) else "" for c in codes])
        same.append((weight, onehot, onehot.T.tocsr()))
    binary = w.copy()
    binary.data[:] = 1.0
    own = np.asarray(w.sum(axis=1)).ravel()
    none = own <= 0
    if empty is not None:
        none = none | empty
    parts = FitParts(
        profile=profile,
        weights=w,
        unit=unit,
        unit_t=unit.T.tocsr(),
        groups=groups,
        group_unit=group_unit,
        group_unit_t=None if group_unit is None else group_unit.T.tocsr(),
        text_unit=text_unit,
        text_unit_t=None if text_unit is None else text_unit.T.tocsr(),
        same=same,
        binary_t=binary.T.tocsr(),
        weights_t=w.T.tocsr(),
        own=own,
        level=_levels(t, profile),
        no_skills=own <= 0,
        empty=none,
    )
    if mixed and schemes is not None:
        parts.linked = _linked(t, parts, empty, schemes)
    return parts


def _linked(t: Taxonomy, parts: FitParts, empty: np.ndarray | None, schemes: np.ndarray) -> Linked:
    """The schemes of a store of ESCO and O*NET roles, each scheme's own profile, and the
    fit ESCO roles take from the O*NET occupations they are linked to."""
    by_scheme: dict[int, Callable[[np.ndarray], np.ndarray]] = {}
    for scheme, name in ((ESCO, "esco"), (ONET, "onet")):
        if PROFILES[name] != parts.profile:
            own = fit_parts(t, PROFILES[name], empty, mixed=False)
            by_scheme[scheme] = functools.partial(block_rows, own)
    onet_rows = by_scheme.get(ONET, functools.partial(block_rows, parts))
    esco = PROFILES["esco"]
    link = link_matrix(t.role_code or [""] * t.n_roles, t.role_links or [], schemes)
    onet = np.flatnonzero(schemes == ONET)
    best = linked_best(onet_rows, onet, t.n_roles, esco.linked_best) if link.nnz else link
    return Linked(schemes, by_scheme, esco.w_linked, link, link.T.tocsr(), best)


def fit_rows(parts: FitParts, rows: np.ndarray) -> np.ndarray:
    """``fit[a, b]`` for the roles ``a`` in ``rows`` and every role ``b`` (float32; -inf
    into the role itself and into roles that list no skills).

    >>> t = Taxonomy.from_records(
    ...     roles=[("r:a", "a", None), ("r:b", "b", None), ("r:c", "c", None)],
    ...     skills=[("s:x", "x", None, None), ("s:y", "y", None, None), ("s:z", "z", None, None)],
    ...     fields=[], requirements=[("r:a", "s:x", True), ("r:a", "s:y", True),
    ...     ("r:b", "s:x", True), ("r:b", "s:y", True), ("r:b", "s:z", True), ("r:c", "s:z", True)])
    >>> f = fit_rows(fit_parts(t, PROFILES["skills"]), np.array([0]))
    >>> int(np.argmax(f[0])), bool(f[0, 1] > f[0, 2]), bool(np.isinf(f[0, 0]))
    (1, True, True)
    """
    if parts.linked is not None:
        return parts.linked.rows(rows, functools.partial(block_rows, parts))
    return block_rows(parts, rows)


def _rows(parts: FitParts, rows: np.ndarray) -> np.ndarray:
    """The rows of the fit by the plain dense formula: the oracle ``fitblock.block_rows``
    (what ``fit_rows`` computes) equals bit for bit."""
    rows = np.asarray(rows, dtype=np.int64)
    profile = parts.profile
    s = _product(parts.unit[rows], parts.unit_t)
    if parts.group_unit is not None and parts.group_unit_t is not None:
        s += profile.w_group_skills * _product(parts.group_unit[rows], parts.group_unit_t)
    if parts.text_unit is not None and parts.text_unit_t is not None:
        s += profile.w_text * _product(parts.text_unit[rows], parts.text_unit_t)
    for weight, onehot, onehot_t in parts.same:
        s += weight * _product(onehot[rows], onehot_t)
    w = parts.weights[rows]
    s += _shares(w, parts, parts.own[rows])
    level = parts.level
    up = level[None, :] - level[rows, None]
    s -= profile.w_up * np.maximum(up, 0) + profile.w_down * np.maximum(-up, 0)
    out = s.astype(np.float32)
    out[np.arange(len(rows)), rows] = -np.inf
    out[:, parts.empty] = -np.inf
    return out


def fit_matrix(t: Taxonomy, profile: FitProfile) -> np.ndarray:
    """The whole roles x roles fit, dense, by the plain formula: the reference the tests
    compare the engine's rows and sparse best fits with (``BestFits``).  The engine never
    builds it."""
    parts, rows = fit_parts(t, profile), np.arange(t.n_roles)
    if parts.linked is not None:
        return parts.linked.rows(rows, functools.partial(_rows, parts))
    return _rows(parts, rows)


def _shares(start: sp.csr_matrix, parts: FitParts, own: np.ndarray) -> np.ndarray:
    """``u * share of the start's weight the target lists - c * share of the target's
    weight the start lists`` for starts (rows of ``start``, weight sums ``own``) x roles."""
    profile = parts.profile
    if not (profile.w_uses_mine or profile.w_covered):
        return np.zeros((start.shape[0], parts.n))
    has = start.copy()
    has.data[:] = 1.0
    mine = _product(start, parts.binary_t)  # start's weight the target lists
    covered = _product(has, parts.weights_t)  # target's weight the start lists
    total = parts.own[None, :]
    return profile.w_uses_mine * mine / np.maximum(own[:, None], 1e-12) - profile.w_covered * (
        covered / np.maximum(total, 1e-12)
    )


def profile_row(parts: FitParts, have: np.ndarray) -> np.ndarray:
    """The fit of a bare skill profile (``have``: bool over skills) to every role: the
    skill terms only (a profile has no words, group or level)."""
    profile = parts.profile
    start = sp.csr_matrix(have.astype(np.float64)[None, :])
    s = _product(_unit_rows(start), parts.unit_t)
    if parts.groups is not None and parts.group_unit_t is not None:
        grouped = _unit_rows(sp.csr_matrix(start @ parts.groups))
        s += profile.w_group_skills * _product(grouped, parts.group_unit_t)
    s += _shares(start, parts, np.asarray(start.sum(axis=1)).ravel())
    row = s[0].astype(np.float32)
    row[parts.no_skills] = -np.inf
    return row


def best_cut(fit: np.ndarray, m: int) -> np.ndarray:
    """Per row of ``fit``, the ``m``-th best finite value (+inf when ``m`` is 0): the roles
    at or above it are a start's ``m`` best fits (more on ties, fewer when fewer are
    finite).

    >>> best_cut(np.array([[-np.inf, 3, 1, 2], [5, -np.inf, -np.inf, -np.inf]]), 2).tolist()
    [2.0, 5.0]
    """
    n = fit.shape[1]
    if m <= 0 or n == 0:
        return np.full(fit.shape[0], np.inf, dtype=np.float32)
    m = min(m, n)
    cut = -np.partition(-fit, m - 1, axis=1)[:, m - 1]
    finite = np.where(np.isfinite(fit), fit, np.inf).min(axis=1)
    # Fewer than m finite values: every finite one is among the best.
    return np.where(np.isfinite(cut), cut, finite).astype(np.float32)
