"""Charts for the HTML report and scorecard, rendered to inline SVG by pygal.

pygal draws the charts (no SVG is assembled by hand here) and needs no browser, no network and no
JavaScript: its tooltip script is switched off (`js=[]`) and the inline configuration script it still
writes is dropped with its comments (which name its web site); its CSS is inlined in the SVG. So the
report file refers to nothing outside itself and runs no code.
Each chart is an `<svg>` element with a `<title>`, the series as `serie-N` groups and the labels as
text, so that a browser test can check what it shows.
"""
from __future__ import annotations

from typing import Any, Mapping, Sequence

from lxml import etree
from markupsafe import Markup

FONT = "'Noto Sans', 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', Arial, sans-serif"
SEVERITY_COLOURS = {"blocker": "#7f1d1d", "major": "#dc2626", "minor": "#f59e0b", "info": "#0284c7"}
BAND_COLOURS = {"green": "#15803d", "amber": "#d97706", "red": "#b91c1c"}
SERIES_COLOURS = ("#1d4ed8", "#15803d", "#b45309", "#7c3aed", "#be123c", "#0f766e", "#4d7c0f", "#a21caf")


def _style(colours: Sequence[str]) -> Any:
    from pygal.style import Style

    return Style(background="white", plot_background="white", foreground="#1f2937", foreground_strong="#111827",
                 foreground_subtle="#6b7280", opacity="0.85", opacity_hover="1", colors=tuple(colours),
                 font_family=FONT, label_font_family=FONT, major_label_font_family=FONT, value_font_family=FONT,
                 title_font_family=FONT, legend_font_family=FONT, tooltip_font_family=FONT,
                 title_font_size=16, label_font_size=12, major_label_font_size=12, legend_font_size=12)


def _render(chart: Any) -> Markup:
    """The chart as one inline `<svg>` element, without pygal's comments and configuration script."""
    tree = chart.render_tree()
    for node in tree.xpath("//comment() | //*[local-name()='script']"):
        node.getparent().remove(node)
    tree.set("role", "img")
    return Markup(etree.tostring(tree, encoding="unicode"))


def _base(kind: str, title: str, colours: Sequence[str], **config: Any) -> Any:
    import pygal

    chart = getattr(pygal, kind)(js=[], disable_xml_declaration=True, style=_style(colours), title=title,
                                 width=config.pop("width", 480), height=config.pop("height", 360), explicit_size=False,
                                 legend_at_bottom=True, print_values=False, truncate_label=40, truncate_legend=40,
                                 **config)
    return chart


def bars(title: str, labels: Sequence[str], series: Mapping[str, Sequence[float | None]], *,
         colours: Sequence[str] = SERIES_COLOURS, stacked: bool = False, horizontal: bool = True,
         max_value: float | None = None) -> Markup:
    """Bars per label, one series each (stacked or side by side)."""
    kind = ("HorizontalStackedBar" if stacked else "HorizontalBar") if horizontal else ("StackedBar" if stacked else "Bar")
    extra = {"range": (0, max_value)} if max_value is not None else {}
    chart = _base(kind, title, colours, height=max(240, 60 + 28 * len(labels)) if horizontal else 360, **extra)
    chart.x_labels = list(labels)
    for name, values in series.items():
        chart.add(name, list(values))
    return _render(chart)


def scores(title: str, labels: Sequence[str], values: Sequence[float | None], bands: Sequence[str | None],
           series_name: str) -> Markup:
    """One bar per document or project, coloured by its band."""
    chart = _base("HorizontalBar", title, SERIES_COLOURS, range=(0, 100), show_legend=False,
                  height=max(240, 60 + 26 * len(labels)))
    chart.x_labels = list(labels)
    chart.add(series_name, [{"value": v, "color": BAND_COLOURS.get(b or "", "#6b7280"), "label": b or ""}
                            for v, b in zip(values, bands)])
    return _render(chart)


def line(title: str, x_labels: Sequence[str], series: Mapping[str, Sequence[float | None]]) -> Markup:
    """Lines over time (runs), one per series; a missing value leaves a gap."""
    chart = _base("Line", title, SERIES_COLOURS, range=(0, 100), x_label_rotation=0, dots_size=4)
    chart.x_labels = list(x_labels)
    for name, values in series.items():
        chart.add(name, list(values))
    return _render(chart)


def donut(title: str, values: Mapping[str, float], colours: Sequence[str]) -> Markup:
    """Shares of a whole (findings by severity)."""
    chart = _base("Pie", title, colours, inner_radius=0.55, height=300)
    for name, value in values.items():
        chart.add(name, value)
    return _render(chart)


def heat(title: str, x_labels: Sequence[str], rows: Mapping[str, Sequence[float]]) -> Markup:
    """A heat map as a dot matrix: a row per series (document type), a dot per column (rule) sized by
    its value (documents failing the rule); empty cells draw nothing."""
    chart = _base("Dot", title, SERIES_COLOURS, x_label_rotation=60, show_legend=False, width=760,
                  height=max(260, 110 + 34 * len(rows)))
    chart.x_labels = list(x_labels)
    for name, values in rows.items():
        chart.add(name, [v or None for v in values])
    return _render(chart)
