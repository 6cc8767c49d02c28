// A live story picks up new updates without a reload. Every few seconds it asks the
// updates feed for what is newer than the newest update on the page; when there is
// something, it offers a button ("2 new updates") instead of moving the text the reader is
// reading. Without this file the page is a plain article, current as of its loading.
(function () {
  "use strict";

  var list = document.querySelector("[data-live-updates][data-live-url]");
  var notice = document.querySelector("[data-live-notice]");
  if (!list || !notice || !window.fetch) {
    return;
  }
  var button = notice.querySelector("[data-live-show]");
  var interval = Math.max(parseInt(list.getAttribute("data-live-interval"), 10) || 30, 2) * 1000;
  var pending = [];

  function newestId() {
    var newest = 0;
    list.querySelectorAll("[data-update-id]").forEach(function (item) {
      newest = Math.max(newest, parseInt(item.getAttribute("data-update-id"), 10) || 0);
    });
    return newest;
  }

  function poll() {
    var url = list.getAttribute("data-live-url") + "?after=" + newestId();
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (data && data.updates && data.updates.length) {
          pending = data.updates;
          button.textContent = data.notice;
          notice.hidden = false;
        }
        if (!data || data.live !== false) {
          schedule();
        }
      })
      .catch(schedule);
  }

  function schedule() {
    window.setTimeout(poll, interval);
  }

  button.addEventListener("click", function () {
    var first = null;
    pending
      .slice()
      .reverse()
      .forEach(function (update) {
        if (document.getElementById("update-" + update.id)) {
          return;
        }
        var holder = document.createElement("div");
        holder.innerHTML = update.html;
        var item = holder.firstElementChild;
        list.insertBefore(item, list.firstElementChild);
        first = item;
      });
    pending = [];
    notice.hidden = true;
    if (first) {
      first.setAttribute("tabindex", "-1");
      first.focus();
    }
  });

  schedule();
})();
