// Draw every chart on the page from the ECharts option the server wrote next to it
// (<div data-chart="ID"> reads the JSON in <script id="ID">). Animation is off in the option.
(function () {
  "use strict";

  // The 80% band: one item (t, y, T, low, high), drawn as the fan from the latest figure
  // to the interval at the deadline.
  function band(params, api) {
    var corners = [[api.value(0), api.value(1)], [api.value(2), api.value(3)],
                   [api.value(2), api.value(4)]].map(function (point) { return api.coord(point); });
    return { type: "polygon", shape: { points: corners }, style: api.style() };
  }

  function draw() {
    document.querySelectorAll("[data-chart]").forEach(function (element) {
      var source = document.getElementById(element.dataset.chart);
      if (!source || element.dataset.drawn) { return; }
      var option = JSON.parse(source.textContent);
      option.series.forEach(function (series) {
        if (series.planwatchBand) { series.renderItem = band; }
      });
      // Years as whole numbers; on a narrow screen the ones that would overlap are left out.
      option.xAxis.axisLabel = { hideOverlap: true,
                                 formatter: function (value) { return String(Math.round(value)); } };
      var chart = echarts.init(element, null, { renderer: "canvas" });
      chart.setOption(option);
      element.dataset.drawn = "true";
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
