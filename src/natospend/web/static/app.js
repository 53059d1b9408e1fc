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

// The check result and the News page: hide the claims whose type the learned layer was less
// sure of than the chosen minimum (and, as every filter on it does, those it gave no
// confidence), in the list and in the article if there is one; all shows without JavaScript.
function filterClaims() {
  var select = document.querySelector("#min-confidence");
  if (!select) { return; }
  function apply() {
    var min = parseFloat(select.value) || 0;
    var items = document.querySelectorAll("#claims li[data-claim]");
    var shown = 0;
    items.forEach(function (item) {
      var sure = item.dataset.confidence === undefined ? NaN : parseFloat(item.dataset.confidence);
      var hide = min > 0 && !(sure >= min);
      item.hidden = hide;
      var mark = document.getElementById("claim-" + item.dataset.claim);
      if (mark) { mark.classList.toggle("filtered", hide); }
      if (!hide) { shown += 1; }
    });
    document.querySelector("#shown-count").textContent =
      min > 0 ? shown + " of " + items.length + " shown" : "";
  }
  select.addEventListener("change", apply);
  apply();
}

document.addEventListener("DOMContentLoaded", function () {
  drawCharts(); linkUploads(); filterClaims();
});
