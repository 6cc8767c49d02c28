// Progressive enhancement for the header panels: the keyword box that narrows a panel's
// list as the reader types, and one open panel at a time. Without this file the panels are
// plain <details> link lists.
(function () {
  "use strict";

  function normalise(text) {
    return text.toLocaleLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function enableFilter(panel) {
    var box = panel.querySelector("[data-menu-filter]");
    var input = panel.querySelector("[data-menu-filter-input]");
    var empty = panel.querySelector("[data-menu-empty]");
    if (!box || !input) {
      return;
    }
    box.hidden = false;
    var groups = panel.querySelectorAll(".menu-panel__group");
    input.addEventListener("input", function () {
      var words = normalise(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      groups.forEach(function (group) {
        var groupLink = group.querySelector(".menu-panel__term");
        var groupMatch = matches(groupLink.textContent, words);
        var childMatches = 0;
        group.querySelectorAll(".menu-panel__children li").forEach(function (child) {
          var visible = groupMatch || matches(child.textContent, words);
          child.hidden = !visible;
          if (visible) {
            childMatches += 1;
          }
        });
        group.hidden = !(groupMatch || childMatches);
        if (!group.hidden) {
          shown += 1;
        }
      });
      if (empty) {
        empty.hidden = shown > 0;
      }
    });
  }

  function matches(text, words) {
    var haystack = normalise(text);
    return words.every(function (word) {
      return haystack.indexOf(word) !== -1;
    });
  }

  function init() {
    var panels = document.querySelectorAll("[data-menu-panel]");
    panels.forEach(function (panel) {
      enableFilter(panel);
      panel.addEventListener("toggle", function () {
        if (!panel.open) {
          return;
        }
        panels.forEach(function (other) {
          if (other !== panel) {
            other.open = false;
          }
        });
        var input = panel.querySelector("[data-menu-filter-input]");
        if (input && window.matchMedia("(hover: hover)").matches) {
          input.focus();
        }
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") {
        return;
      }
      panels.forEach(function (panel) {
        if (panel.open) {
          panel.open = false;
          panel.querySelector("summary").focus();
        }
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
