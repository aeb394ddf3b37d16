"""Charts: PNGs drawn with a CJK font, reproducible, with illustrative points flagged."""

from __future__ import annotations

from planwatch.reports.charts import render_png
from planwatch.reports.fonts import SANS_FAMILIES, chart_font_family
from planwatch.reports.model import ChartSpec, SeriesPoint

SPEC = ChartSpec("地区生产总值", "亿元",
                 (SeriesPoint(2020.0, 300.0, "2020"), SeriesPoint(2021.0, 330.0, "2021"),
                  SeriesPoint(2022.5, 350.0, "2023H1", illustrative=True)),
                 path=((2020.0, 300.0), (2025.0, 500.0)), target=(2025.0, 500.0),
                 projection=(2025.0, 480.0), band=(440.0, 520.0))
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_chart_font_is_an_installed_cjk_family():
    assert chart_font_family() in SANS_FAMILIES


def test_chart_is_a_png_without_software_or_time_metadata():
    png = render_png(SPEC)
    assert png.startswith(PNG_SIGNATURE)
    assert b"matplotlib" not in png.lower()
    assert b"Creation Time" not in png


def test_same_spec_gives_the_same_bytes():
    assert render_png(SPEC) == render_png(SPEC)


def test_illustrative_points_change_the_picture():
    official = ChartSpec(SPEC.title, SPEC.unit,
                         tuple(SeriesPoint(p.t, p.value, p.label) for p in SPEC.observed),
                         path=SPEC.path, target=SPEC.target, projection=SPEC.projection,
                         band=SPEC.band)
    assert render_png(official) != render_png(SPEC)


def test_an_empty_chart_still_draws():
    assert render_png(ChartSpec("登记失业率", "%", ())).startswith(PNG_SIGNATURE)


def test_every_label_has_its_glyphs_in_the_font():
    import warnings

    # A title of its own keeps the cache from answering for the renderer.
    spec = ChartSpec("城镇新增就业（字形检查）", "万人", SPEC.observed,
                     benchmark=SPEC.observed, benchmark_label="长春市城镇新增就业增速",
                     path=SPEC.path, target=SPEC.target, projection=SPEC.projection,
                     band=SPEC.band)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        render_png(spec)
    assert not [w for w in caught if "missing from font" in str(w.message)]
