// Tells Dateline that a story was read, after the page has loaded: pages may come from a
// cache or a CDN that never reaches Dateline. Only the page id is sent: no cookie (not even
// the site's own), no identifier.
(function () {
  "use strict";

  var beacon = document.querySelector("[data-view-beacon]");
  if (!beacon || !window.fetch) {
    return;
  }
  function send() {
    var data = new URLSearchParams();
    data.append("page", beacon.getAttribute("data-page"));
    fetch(beacon.getAttribute("data-view-beacon"), {
      method: "POST",
      body: data,
      credentials: "omit",
      keepalive: true,
    }).catch(function () {});
  }
  if (document.readyState === "complete") {
    send();
  } else {
    window.addEventListener("load", send, { once: true });
  }
})();
