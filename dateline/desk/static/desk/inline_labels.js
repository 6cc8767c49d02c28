/* An inline row's heading names what it holds (desk_tags.inline_child_label): when an editor
   picks an author or a story in a new row, the heading takes its name at once instead of
   staying "Authors 3". */
(function () {
  'use strict';

  function rename(title) {
    var child = title.closest('[data-inline-panel-child]');
    var text = title.textContent.trim();
    if (!child || !text || child.querySelector('[data-chooser-title]') !== title) return;
    var heading = child.querySelector('[data-panel-heading-text]');
    if (!heading) return;
    var name = heading.querySelector('[data-desk-inline-label]');
    if (!name) {
      heading.textContent = '';
      name = document.createElement('span');
      name.setAttribute('data-desk-inline-label', '');
      heading.appendChild(name);
    }
    name.textContent = text;
  }

  var observer = new MutationObserver(function (mutations) {
    mutations.forEach(function (mutation) {
      var node = mutation.target.nodeType === Node.TEXT_NODE ? mutation.target.parentElement : mutation.target;
      var title = node && node.closest && node.closest('[data-chooser-title]');
      if (title) rename(title);
    });
  });
  observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
}());
