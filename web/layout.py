"""Where the nodes of a concept's neighbourhood go: each relation a block of columns,
headed by its name, blocks to the left and right of the concept, each label's space
estimated from its length so that no two labels overlap (no physics, nothing moves)."""

from __future__ import annotations

import math

__all__ = ["COLUMN_HEIGHT", "LABEL_WIDTH", "Block", "column_height", "label_box", "place"]

#: Wrapped labels are at most this wide (vis ``widthConstraint``), in canvas pixels.
LABEL_WIDTH = 200
#: Font size of the neighbours' labels.
FONT = 14
#: A column holds items up to this height before the next column starts.
COLUMN_HEIGHT = 520
#: Gaps between columns and between the items of a column.
GAP_X, GAP_Y = 44, 12
#: Generous width of a character (system fonts average about 0.5 em): an overestimate
#: only leaves more room.
CHAR = 0.62 * FONT
LINE = 1.25 * FONT


def label_box(label: str, kind: str) -> tuple[float, float]:
    """The width and height a neighbour's node takes, its label wrapped at
    ``LABEL_WIDTH``.

    >>> label_box("SQL", "skill")
    (44.0, 39.5)
    >>> w, h = label_box("a" * 80, "role"); w, h > 2 * LINE
    (218.0, True)
    """
    text = max(len(label), 2) * CHAR
    lines = math.ceil(text / LABEL_WIDTH)
    width = min(text, float(LABEL_WIDTH)) + 18
    height = lines * LINE + 22
    if kind in ("field", "concept"):  # the label sits below a small shape
        height += 40
        width = max(width, 40)
    return round(width, 1), round(height, 1)


class Block:
    """One relation's items in columns under a heading."""

    def __init__(
        self, heading: str, items: list[tuple[str, str, str]], column_height: float = COLUMN_HEIGHT
    ):
        self.heading = heading
        #: (node id, label, kind)
        self.items = items
        self.columns: list[list[tuple[str, float, float]]] = [[]]
        used = 0.0
        for node_id, label, kind in items:
            w, h = label_box(label, kind)
            if self.columns[-1] and used + h > column_height:
                self.columns.append([])
                used = 0.0
            self.columns[-1].append((node_id, w, h))
            used += h + GAP_Y
        self.widths = [max([w for _, w, _ in col] or [0.0]) for col in self.columns]
        heading_width = len(heading) * CHAR + 10
        self.width = max(sum(self.widths) + GAP_X * (len(self.widths) - 1), heading_width)


def column_height(items: list[tuple[str, str, str]], aspect: float = 1.7) -> float:
    """A column height that gives the whole drawing about ``aspect`` (width / height),
    the shape of the canvas: a few items stay in one short column, many spread out.

    >>> column_height([("a", "SQL", "skill")])
    300.0
    """
    area = sum((w + GAP_X) * (h + GAP_Y) for w, h in (label_box(t, k) for _, t, k in items))
    return float(min(max(math.sqrt(area / aspect) * 1.15, 300.0), 1400.0))


def place(centre_width: float, blocks: list[Block]) -> dict[str, tuple[float, float]]:
    """Positions (centre of each node) of the concept at (0, 0), and of the blocks to
    its right and left (the wider side gets the next block last), each block's heading
    (id ``"heading|" + heading``) above its first column.

    >>> b1 = Block("skills", [("s1", "SQL", "skill"), ("s2", "Python", "skill")])
    >>> b2 = Block("roles", [("r1", "data analyst", "role")])
    >>> pos = place(120, [b1, b2])
    >>> pos["s1"][0] > 0 > pos["r1"][0], pos["s1"][1] < pos["s2"][1]
    (True, True)
    """
    positions: dict[str, tuple[float, float]] = {"centre": (0.0, 0.0)}
    right = left = centre_width / 2 + 3 * GAP_X
    tallest = max((sum(h + GAP_Y for *_, h in col) for b in blocks for col in b.columns), default=0)
    top = -tallest / 2
    for block in blocks:
        to_right = right <= left
        start = right if to_right else left
        x = start
        for col, width in zip(block.columns, block.widths, strict=True):
            y = top
            for node_id, _w, h in col:
                cx = x + width / 2
                positions[node_id] = (cx if to_right else -cx, y + h / 2)
                y += h + GAP_Y
            x += width + GAP_X
        heading_x = start + block.width / 2
        positions["heading|" + block.heading] = (
            heading_x if to_right else -heading_x,
            top - 2.2 * LINE,
        )
        if to_right:
            right = start + block.width + 2 * GAP_X
        else:
            left = start + block.width + 2 * GAP_X
    return positions
