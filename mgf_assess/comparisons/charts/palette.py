"""Colours of the comparison charts: a light-to-dark ramp for the bands (the higher the band,
the darker), the text colour that reads best on each, and the two cycles of a dumbbell."""

from __future__ import annotations

LIGHT, DARK = (0xE3, 0xEA, 0xF5), (0x0B, 0x3D, 0x91)
INK, WHITE, MUTED, RULE = "#1f2430", "#ffffff", "#5b6270", "#c9cfd9"
EMPTY = "#f2f3f5"  # a cell without a score
BASELINE, CURRENT = "#7a8394", "#0b3d91"


def band_colours(count: int) -> list[str]:
    """``count`` colours from light to dark, as ``#rrggbb``."""
    steps = max(count - 1, 1)
    return ["#" + "".join(f"{round(a + (b - a) * i / steps):02x}" for a, b in zip(LIGHT, DARK, strict=True))
            for i in range(count)]


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two colours."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_on(background: str) -> str:
    """Ink or white, whichever contrasts more with ``background``."""
    return INK if contrast(INK, background) >= contrast(WHITE, background) else WHITE
