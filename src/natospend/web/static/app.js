// Draws every chart on the page from the Vega-Lite spec the API serves.
// The expression interpreter lets Vega run under a Content-Security-Policy without 'unsafe-eval'.
"use strict";

function drawCharts() {
  document.querySelectorAll("figure.chart[data-spec]").forEach(function (figure) {
    var target = figure.querySelector(".chart-body");
    fetch(figure.dataset.spec, { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          return response.json().then(function (body) { throw new Error(body.error || response.statusText); });
        }
        return response.json();
      })
      .then(function (spec) {
        return vegaEmbed(target, spec, {
          renderer: "svg", actions: false, ast: true,
          expr: vega.expressionInterpreter, defaultStyle: false,
        });
      })
      .then(function () { figure.dataset.drawn = "true"; })
      .catch(function (error) {
        figure.dataset.drawn = "error";
        target.textContent = "Chart unavailable: " + error.message;
      });
  });
}

function linkUploads() {
  var file = document.querySelector("input[type=file][name=file]");
  if (!file) { return; }
  file.addEventListener("change", function () {
    var note = document.querySelector("#file-note");
    if (note && file.files.length) { note.textContent = file.files[0].name; }
  });
}

document.addEventListener("DOMContentLoaded", function () { drawCharts(); linkUploads(); });
