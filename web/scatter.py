"""The exposure x wage scatter of roles, drawn server-side as inline SVG (no JavaScript, no
library: it works offline and under the app's CSP).

Each role with a known median wage and exposure is a dot: x its LLM exposure (0 to 1), y
its US median annual wage.  The roles of the question (a field's roles, or a start and
its next steps) are drawn over the others, the start largest.  Roles matched to the same
O*NET codes share their figures, so dots can sit on one another.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
from markupsafe import Markup, escape

from skillgraph.careers.outlook import EXPOSURE_BANDS
from skillgraph.taxonomy import Taxonomy

__all__ = ["scatter_svg"]

WIDTH, HEIGHT = 640, 360
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 44
#: Background roles drawn at most (a sample keeps the page small on ESCO's 3,000 roles).
BACKGROUND_CAP = 1200


def _x(e: float) -> float:
    return LEFT + e * (WIDTH - LEFT - RIGHT)


def scatter_svg(
    t: Taxonomy,
    *,
    highlight: Iterable[int] = (),
    start: int | None = None,
    caption: str = "",
    urls: dict[int, str] | None = None,
) -> Markup:
    """The scatter as an ``<svg>`` element (empty Markup when no role has both figures)."""
    assert t.role_wage is not None and t.role_exposure is not None
    wage, exposure = t.role_wage, t.role_exposure
    known = np.isfinite(wage) & np.isfinite(exposure)
    if not known.any():
        return Markup("")
    top = float(np.nanmax(np.where(known, wage, np.nan)))
    top = max(50_000.0, math.ceil(top / 50_000.0) * 50_000.0)

    def y(w: float) -> float:
        return HEIGHT - BOTTOM - w / top * (HEIGHT - TOP - BOTTOM)

    marked = [i for i in dict.fromkeys(highlight) if known[i] and i != start]
    background = np.flatnonzero(known)
    if len(background) > BACKGROUND_CAP:
        background = background[:: math.ceil(len(background) / BACKGROUND_CAP)]
    out = [
        f'<svg class="scatter" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        f'aria-labelledby="scatter-title" data-scatter xmlns="http://www.w3.org/2000/svg">',
        f'<title id="scatter-title">{escape(caption or "Roles by LLM exposure and US median wage")}'
        "</title>",
    ]
    # Bands and axes.
    low = 0.0
    for high, name in EXPOSURE_BANDS:
        hi = min(high, 1.0)
        shade = {"low": "#ecfdf5", "medium": "#fefce8", "high": "#fef2f2"}[name]
        out.append(
            f'<rect x="{_x(low):.1f}" y="{TOP}" width="{_x(hi) - _x(low):.1f}" '
            f'height="{HEIGHT - TOP - BOTTOM}" fill="{shade}"/>'
            f'<text x="{(_x(low) + _x(hi)) / 2:.1f}" y="{TOP + 12}" font-size="11" '
            f'text-anchor="middle" fill="#64748b">{name} exposure</text>'
        )
        low = hi
    for k in range(0, int(top) + 1, 50_000):
        out.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(k):.1f}" y2="{y(k):.1f}" '
            f'stroke="#e2e8f0"/><text x="{LEFT - 6}" y="{y(k) + 4:.1f}" font-size="11" '
            f'text-anchor="end" fill="#475569">${k // 1000:,}k</text>'
        )
    for e in (0.0, 0.25, 0.5, 0.75, 1.0):
        out.append(
            f'<text x="{_x(e):.1f}" y="{HEIGHT - BOTTOM + 16}" font-size="11" '
            f'text-anchor="middle" fill="#475569">{e:g}</text>'
        )
    out.append(
        f'<text x="{(LEFT + WIDTH - RIGHT) / 2}" y="{HEIGHT - 8}" font-size="12" '
        'text-anchor="middle" fill="#334155">LLM exposure (share of tasks, Eloundou et al. '
        "2023) &#8594;</text>"
    )
    for i in background.tolist():
        out.append(
            f'<circle cx="{_x(exposure[i]):.1f}" cy="{y(wage[i]):.1f}" r="2" fill="#cbd5e1"/>'
        )

    def dot(i: int, r: int, fill: str, kind: str) -> str:
        label = escape(t.role_labels[i])
        text = f"{label}: ${wage[i]:,.0f}, exposure {exposure[i]:.2f}"
        circle = (
            f'<circle cx="{_x(exposure[i]):.1f}" cy="{y(wage[i]):.1f}" r="{r}" fill="{fill}" '
            f'stroke="#1e293b" stroke-width="0.8" data-role="{escape(t.role_uris[i])}" '
            f'data-kind="{kind}"><title>{text}</title></circle>'
        )
        url = (urls or {}).get(i)
        return f'<a href="{escape(url)}">{circle}</a>' if url else circle

    out.extend(dot(i, 5, "#f97316", "highlight") for i in marked)
    if start is not None and known[start]:
        out.append(dot(start, 8, "#2563eb", "start"))
        out.append(
            f'<text x="{_x(exposure[start]) + 10:.1f}" y="{y(wage[start]) - 8:.1f}" '
            f'font-size="12" fill="#1e3a8a">{escape(t.role_labels[start])}</text>'
        )
    out.append("</svg>")
    return Markup("".join(out))
