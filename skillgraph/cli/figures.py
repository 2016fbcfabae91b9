"""The figures (US pay, LLM exposure) in the career tables: a cell, and the note on what
they do not mean."""

from __future__ import annotations

from ..careers.outlook import FIGURES_NOTE, Figures

__all__ = ["figures_cell", "print_figures_note"]


def figures_cell(figures: Figures | None) -> str:
    """A table cell: "$50,000 (+11%), high exposure 0.62", or what is unknown."""
    return "-" if figures is None else figures.summary()


def print_figures_note(items: list[Figures | None]) -> None:
    """Say what the figures do not mean, when any is shown."""
    if any(f is not None and f.known for f in items):
        print(f"US pay, LLM exposure: {FIGURES_NOTE}")
