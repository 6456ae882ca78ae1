"""The report's colours: the web interface's blue accent, dark ink, muted greys, light rules,
and one colour per chart series. Shared by the PDF's styles and the charts."""

from reportlab.lib import colors

ACCENT = colors.HexColor("#0b3d91")
ACCENT_LIGHT = colors.HexColor("#e8eef8")
INK = colors.HexColor("#1f2430")
MUTED = colors.HexColor("#5b6270")
RULE = colors.HexColor("#c9cfd9")
WARNING = colors.HexColor("#b3261e")
SERIES_COLOURS = {"self": ACCENT, "validated": colors.HexColor("#d9822b"),
                  "previous": colors.HexColor("#7a8394")}
