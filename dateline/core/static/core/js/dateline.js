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

  // A <details data-open-wide> is folded on a phone and unfolded where there is room.
  function openWhereWide() {
    if (window.matchMedia("(min-width: 48em)").matches) {
      document.querySelectorAll("details[data-open-wide]").forEach(function (details) {
        details.open = true;
      });
    }
  }

  // A podcast chapter link (a[data-seek], the file at that time without this script) moves
  // the page's own player to the chapter instead of leaving the page for the bare file.
  function seekOnPage(event) {
    var link = event.target.closest && event.target.closest("a[data-seek]");
    var player = link && document.querySelector("audio.player__audio");
    if (!player) {
      return;
    }
    event.preventDefault();
    var start = Number(link.getAttribute("data-seek")) || 0;
    player.currentTime = start;
    if (Math.abs(player.currentTime - start) > 0.5) {
      // Not loaded far enough to seek yet: seek once the browser can.
      player.addEventListener("canplaythrough", function () {
        player.currentTime = start;
      }, { once: true });
    }
    var playing = player.play();
    if (playing && playing.catch) {
      playing.catch(function () {});
    }
    player.focus();
  }

  function init() {
    openWhereWide();
    document.addEventListener("click", seekOnPage);
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
