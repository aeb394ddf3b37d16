"""Draw a ChartSpec as a PNG with matplotlib: observed series, target path, projection band.

The PNG bytes depend on the spec alone (no timestamps, no software version in the metadata),
so reports that embed them are reproducible byte for byte.
"""

from __future__ import annotations

import io
from functools import lru_cache

from .fonts import chart_font_family
from .model import ChartSpec

OBSERVED_COLOUR = "#1f4e8c"
ILLUSTRATIVE_COLOUR = "#c07a00"
BENCHMARK_COLOUR = "#6b6b6b"
PATH_COLOUR = "#2e8b57"
PROJECTION_COLOUR = "#b22222"
DPI = 150


@lru_cache(maxsize=256)
def render_png(spec: ChartSpec) -> bytes:
    """The chart as PNG bytes; cached, as a preview and its download draw the same charts."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    family = chart_font_family()
    with matplotlib.rc_context({"font.family": family, "axes.unicode_minus": False,
                                "svg.hashsalt": "planwatch"}):
        figure = Figure(figsize=(6.4, 3.8), dpi=DPI)
        axes = figure.add_subplot()
        _draw(axes, spec)
        axes.set_title(spec.title, fontsize=11)
        axes.set_ylabel(spec.unit, fontsize=9)
        axes.grid(True, color="#dddddd", linewidth=0.6)
        axes.tick_params(labelsize=8)
        axes.xaxis.get_major_locator().set_params(integer=True)
        handles, _labels = axes.get_legend_handles_labels()
        if handles:
            # Below the plot, where it never hides a line.
            axes.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=4,
                        frameon=False)
        # Fixed margins: tight_layout would measure every label again, for a third of the time.
        figure.subplots_adjust(left=0.1, right=0.98, top=0.91, bottom=0.27)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def _draw(axes, spec: ChartSpec) -> None:
    if spec.path:
        axes.plot([t for t, _ in spec.path], [v for _, v in spec.path], color=PATH_COLOUR,
                  linestyle="--", linewidth=1.2, label="目标路径（序时进度）")
    if spec.target is not None:
        axes.plot([spec.target[0]], [spec.target[1]], marker="*", markersize=11,
                  color=PATH_COLOUR, linestyle="none", label="目标值")
    if spec.benchmark:
        axes.plot([p.t for p in spec.benchmark], [p.value for p in spec.benchmark],
                  color=BENCHMARK_COLOUR, marker="s", markersize=4, linewidth=1.0,
                  label=spec.benchmark_label)
    if spec.observed:
        axes.plot([p.t for p in spec.observed], [p.value for p in spec.observed],
                  color=OBSERVED_COLOUR, marker="o", markersize=4, linewidth=1.6,
                  label=spec.observed_label)
        illustrative = [p for p in spec.observed if p.illustrative]
        if illustrative:
            # Generated demonstration figures must never pass for statistics.
            axes.plot([p.t for p in illustrative], [p.value for p in illustrative],
                      color=ILLUSTRATIVE_COLOUR, marker="o", markersize=7, fillstyle="none",
                      linestyle="none", label="示意数据（非官方）")
        if spec.projection is not None:
            last = spec.observed[-1]
            axes.plot([last.t, spec.projection[0]], [last.value, spec.projection[1]],
                      color=PROJECTION_COLOUR, linestyle=":", linewidth=1.4, label="趋势外推")
            if spec.band is not None:
                axes.fill_between([last.t, spec.projection[0]], [last.value, spec.band[0]],
                                  [last.value, spec.band[1]], color=PROJECTION_COLOUR,
                                  alpha=0.12, linewidth=0, label="80%预测区间")
    if not (spec.observed or spec.path or spec.benchmark):
        axes.text(0.5, 0.5, "暂无数据", transform=axes.transAxes, ha="center", va="center",
                  fontsize=12, color=BENCHMARK_COLOUR)
