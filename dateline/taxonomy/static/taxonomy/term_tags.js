/* A story's places and topics in one field (taxonomy/tagging.py): chips in the editor's
   order, a type-ahead over every edition's names and other names, and the terms the text
   mentions offered with one click (asked of the desk's suggestion view as the editor
   writes). The chosen ids live in a hidden input, as "12,7,31". */
(function () {
  'use strict';

  function normalise(text) {
    return text
      .toLowerCase()
      .replace(/ё/g, 'е')
      .replace(/[-‐‑–—_'’.,]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  }

  function TermTags(root) {
    this.root = root;
    this.value = root.querySelector('[data-term-tags-value]');
    this.chosenList = root.querySelector('[data-term-tags-chosen]');
    this.input = root.querySelector('[data-term-tags-input]');
    this.listbox = root.querySelector('[data-term-tags-options]');
    this.suggestionBox = root.querySelector('[data-term-tags-suggestions]');
    this.suggestionList = root.querySelector('[data-term-tags-suggestion-list]');
    this.labels = root.dataset;
    var options = JSON.parse(document.getElementById(root.dataset.options).textContent);
    this.byPk = {};
    this.options = [];
    var locale = root.dataset.locale;
    options.forEach(function (option) {
      option.search = option.names.map(normalise);
      this.byPk[option.pk] = option;
      if (String(option.locale_id) === locale) this.options.push(option);
    }, this);
    this.chosen = this.value.value
      .split(',')
      .filter(Boolean)
      .map(Number)
      .filter(function (pk) { return this.byPk[pk]; }, this);
    this.suggested = [];
    this.matches = [];
    this.active = -1;
    this.bind();
    this.render();
    this.askForSuggestions();
  }

  TermTags.prototype.bind = function () {
    var self = this;
    this.input.addEventListener('input', function () { self.search(); });
    this.input.addEventListener('keydown', function (event) { self.key(event); });
    this.input.addEventListener('blur', function () {
      window.setTimeout(function () { self.close(); }, 150);
    });
    this.listbox.addEventListener('mousedown', function (event) {
      var item = event.target.closest('[data-pk]');
      if (item) {
        event.preventDefault();
        self.add(Number(item.dataset.pk));
      }
    });
    var form = this.root.closest('form');
    if (form && this.root.dataset.suggestUrl) {
      var timer = null;
      var ask = function (event) {
        if (self.root.contains(event.target)) return;
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { self.askForSuggestions(); }, 700);
      };
      form.addEventListener('input', ask);
      form.addEventListener('change', ask);
      form.addEventListener('keyup', ask);
    }
  };

  TermTags.prototype.save = function () {
    this.value.value = this.chosen.join(',');
    this.value.dispatchEvent(new Event('change', { bubbles: true }));
    this.render();
  };

  TermTags.prototype.add = function (pk) {
    if (this.chosen.indexOf(pk) === -1) this.chosen.push(pk);
    this.input.value = '';
    this.close();
    this.save();
    this.input.focus();
  };

  TermTags.prototype.remove = function (pk) {
    this.chosen = this.chosen.filter(function (other) { return other !== pk; });
    this.save();
    this.input.focus();
  };

  TermTags.prototype.earlier = function (pk) {
    var at = this.chosen.indexOf(pk);
    if (at > 0) {
      this.chosen.splice(at, 1);
      this.chosen.splice(at - 1, 0, pk);
      this.save();
    }
  };

  TermTags.prototype.describe = function (option) {
    return option.parent ? option.title + ' · ' + option.parent : option.title;
  };

  TermTags.prototype.button = function (text, label, onClick, className) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = className;
    button.textContent = text;
    if (label) button.setAttribute('aria-label', label);
    button.addEventListener('click', onClick);
    return button;
  };

  TermTags.prototype.render = function () {
    var self = this;
    var firstPlace = this.chosen.find(function (pk) { return self.byPk[pk].is_place; });
    this.chosenList.textContent = '';
    this.chosen.forEach(function (pk, index) {
      var option = self.byPk[pk];
      var chip = document.createElement('li');
      chip.className = 'term-tags__chip' + (option.is_place ? ' term-tags__chip--place' : '');
      chip.dataset.pk = pk;
      var name = document.createElement('span');
      name.textContent = option.title;
      chip.appendChild(name);
      var kind = document.createElement('span');
      kind.className = 'term-tags__parent';
      kind.textContent = pk === firstPlace ? ' · ' + self.labels.labelDateline : (option.parent ? ' · ' + option.parent : '');
      chip.appendChild(kind);
      if (index > 0) {
        chip.appendChild(self.button('↑', self.labels.labelEarlier + ': ' + option.title,
          function () { self.earlier(pk); }, 'term-tags__earlier'));
      }
      chip.appendChild(self.button('×', self.labels.labelRemove + ': ' + option.title,
        function () { self.remove(pk); }, 'term-tags__remove'));
      self.chosenList.appendChild(chip);
    });
    this.renderSuggestions();
  };

  TermTags.prototype.renderSuggestions = function () {
    var self = this;
    var open = this.suggested.filter(function (pk) {
      return self.byPk[pk] && self.chosen.indexOf(pk) === -1;
    });
    this.suggestionList.textContent = '';
    open.forEach(function (pk) {
      var option = self.byPk[pk];
      self.suggestionList.appendChild(self.button('+ ' + option.title,
        self.labels.labelAdd + ': ' + self.describe(option),
        function () { self.add(pk); }, 'button button-small button-secondary term-tags__suggestion'));
    });
    this.suggestionBox.hidden = open.length === 0;
  };

  TermTags.prototype.search = function () {
    var words = normalise(this.input.value).split(' ').filter(Boolean);
    var self = this;
    if (!words.length) {
      this.close();
      return;
    }
    var scored = [];
    this.options.forEach(function (option) {
      if (self.chosen.indexOf(option.pk) !== -1) return;
      var best = -1;
      option.search.forEach(function (name) {
        var all = words.every(function (word) { return name.indexOf(word) !== -1; });
        if (all) best = Math.max(best, name.indexOf(words[0]) === 0 ? 2 : 1);
      });
      if (best > 0) scored.push([best, option]);
    });
    scored.sort(function (a, b) {
      return b[0] - a[0] || a[1].title.localeCompare(b[1].title);
    });
    this.matches = scored.slice(0, 10).map(function (pair) { return pair[1]; });
    this.active = this.matches.length ? 0 : -1;
    this.showMatches();
  };

  TermTags.prototype.showMatches = function () {
    var self = this;
    this.listbox.textContent = '';
    if (!this.matches.length) {
      var none = document.createElement('li');
      none.className = 'term-tags__none';
      none.textContent = this.labels.labelNone;
      this.listbox.appendChild(none);
    }
    this.matches.forEach(function (option, index) {
      var item = document.createElement('li');
      item.id = self.listbox.id + '-' + option.pk;
      item.setAttribute('role', 'option');
      item.dataset.pk = option.pk;
      item.setAttribute('aria-selected', index === self.active ? 'true' : 'false');
      item.textContent = option.title;
      var kind = document.createElement('span');
      kind.className = 'term-tags__parent';
      kind.textContent = ' · ' + (option.parent || option.kind);
      item.appendChild(kind);
      self.listbox.appendChild(item);
    });
    this.listbox.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    if (this.active >= 0) {
      this.input.setAttribute('aria-activedescendant', this.listbox.id + '-' + this.matches[this.active].pk);
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  };

  TermTags.prototype.close = function () {
    this.listbox.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  };

  TermTags.prototype.key = function (event) {
    var open = !this.listbox.hidden && this.matches.length;
    if (event.key === 'ArrowDown' && open) {
      this.active = (this.active + 1) % this.matches.length;
      this.showMatches();
      event.preventDefault();
    } else if (event.key === 'ArrowUp' && open) {
      this.active = (this.active - 1 + this.matches.length) % this.matches.length;
      this.showMatches();
      event.preventDefault();
    } else if (event.key === 'Enter') {
      event.preventDefault(); // never submits the page form
      if (open && this.active >= 0) this.add(this.matches[this.active].pk);
    } else if (event.key === 'Escape') {
      this.close();
    }
  };

  /* The text the story is written in: headline, standfirst and body as the editor sees
     them (the body's rich text editors and its plain inputs). */
  TermTags.prototype.storyText = function () {
    var form = this.root.closest('form');
    var parts = [];
    ['title', 'standfirst'].forEach(function (name) {
      var field = form.querySelector('[name="' + name + '"]');
      if (field) parts.push(field.value);
    });
    var body = form.querySelector('[data-contentpath="body"]') || form.querySelector('#panel-child-content-body-content');
    if (body) {
      parts.push(body.innerText || '');
      body.querySelectorAll('input[type="text"], textarea').forEach(function (field) {
        parts.push(field.value);
      });
    }
    return parts.join('\n');
  };

  TermTags.prototype.askForSuggestions = function () {
    var self = this;
    var url = this.root.dataset.suggestUrl;
    var form = this.root.closest('form');
    if (!url || !form) return;
    var token = form.querySelector('[name="csrfmiddlewaretoken"]');
    var data = new FormData();
    data.append('locale', this.root.dataset.locale);
    data.append('text', this.storyText());
    fetch(url, {
      method: 'POST',
      body: data,
      credentials: 'same-origin',
      headers: token ? { 'X-CSRFToken': token.value } : {},
    })
      .then(function (response) { return response.ok ? response.json() : { terms: [] }; })
      .then(function (found) {
        self.suggested = found.terms;
        self.renderSuggestions();
      })
      .catch(function () {});
  };

  function start() {
    document.querySelectorAll('[data-term-tags]').forEach(function (root) {
      if (!root.termTags) root.termTags = new TermTags(root);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
