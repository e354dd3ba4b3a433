// plan-build: progressive enhancement only; every page works without it.
(function () {
  'use strict';

  function setupFilters() {
    var form = document.querySelector('form.filters');
    if (!form) { return; }
    var selects = Array.prototype.slice.call(form.querySelectorAll('select[data-filter]'));
    var chips = Array.prototype.slice.call(document.querySelectorAll('.month .chip, .outside .chip, .week-grid .chip'));
    var count = form.querySelector('.filter-count');
    function apply() {
      var wanted = {};
      selects.forEach(function (select) { wanted[select.getAttribute('data-filter')] = select.value; });
      chips.forEach(function (chip) {
        var show = true;
        Object.keys(wanted).forEach(function (name) {
          var value = wanted[name];
          if (!value) { return; }
          if (name === 'segment') {
            var segments = (chip.getAttribute('data-segments') || '').split(' ');
            if (segments.indexOf(value) < 0) { show = false; }
          } else if (chip.getAttribute('data-' + name) !== value) {
            show = false;
          }
        });
        chip.classList.toggle('filtered-out', !show);
      });
      if (count) {
        var filtering = selects.some(function (select) { return select.value !== ''; });
        var shown = chips.filter(function (chip) { return window.getComputedStyle(chip).display !== 'none'; }).length;
        count.textContent = filtering ? (count.getAttribute('data-label') || '') + ' ' + shown + ' / ' + chips.length : '';
      }
    }
    apply();
    selects.forEach(function (select) { select.addEventListener('change', apply); });
    form.addEventListener('submit', function (event) { event.preventDefault(); });
  }

  function setupCopyButtons() {
    Array.prototype.forEach.call(document.querySelectorAll('.copy-button'), function (button) {
      button.addEventListener('click', function () {
        var source = button.parentNode.querySelector('.copy-source, .copy-text');
        if (!source) { return; }
        // A textarea holds the copy in its value; a today page shows it as text.
        var text = source.value !== undefined ? source.value : source.textContent;
        var reveal = function () {
          var details = source.closest ? source.closest('details') : null;
          if (details) { details.open = true; }
          if (source.select) {
            source.select();
          } else if (window.getSelection && document.createRange) {
            var range = document.createRange();
            range.selectNodeContents(source);
            window.getSelection().removeAllRanges();
            window.getSelection().addRange(range);
          }
        };
        var done = function () {
          var label = button.textContent;
          button.textContent = button.getAttribute('data-copied') || label;
          window.setTimeout(function () { button.textContent = label; }, 1500);
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(text).then(done, reveal);
        } else {
          reveal();
          done();
        }
      });
    });
  }

  function setupPrintButtons() {
    Array.prototype.forEach.call(document.querySelectorAll('.print-button'), function (button) {
      button.hidden = false;
      button.addEventListener('click', function () { window.print(); });
    });
  }

  // A month page opened on a phone starts at today's cell (the "today" link
  // does the same on any screen); a link to another day keeps its own place.
  function openAtToday() {
    if (window.location.hash || !window.matchMedia || !window.matchMedia('(max-width: 760px)').matches) { return; }
    var today = document.querySelector('.month .day.today');
    if (today && today.scrollIntoView) { today.scrollIntoView({ block: 'start' }); }
  }

  // The viewer's date in the plan's timezone, YYYY-MM-DD (null where Intl cannot tell).
  function dateIn(timeZone) {
    try {
      var parts = new Intl.DateTimeFormat('en-CA', { timeZone: timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
        .formatToParts(new Date());
      var value = {};
      parts.forEach(function (part) { value[part.type] = part.value; });
      return value.year + '-' + value.month + '-' + value.day;
    } catch (error) {
      return null;
    }
  }

  // A today page holds eight days from the day it was built: show the
  // viewer's today and tomorrow when today is one of them, else keep the
  // built day and say why.
  function setupToday() {
    var page = document.querySelector('.today-page[data-built]');
    if (!page) { return; }
    var note = page.querySelector('.today-note');
    var date = dateIn(page.getAttribute('data-timezone'));
    if (!date) { return; }
    var days = Array.prototype.slice.call(page.querySelectorAll('.today-day'));
    var index = -1;
    days.forEach(function (day, position) { if (day.getAttribute('data-date') === date) { index = position; } });
    if (index < 0) {
      if (note) { note.textContent = (page.getAttribute('data-outside') || '').split('{today}').join(date); }
      return;
    }
    var words = [page.getAttribute('data-today') || '', page.getAttribute('data-tomorrow') || ''];
    days.forEach(function (day, position) {
      var offset = position - index;
      day.hidden = offset < 0 || offset > 1;
      var relative = day.querySelector('.rel');
      if (relative) { relative.textContent = offset === 0 || offset === 1 ? words[offset] : ''; }
    });
    if (note) { note.hidden = true; }
  }

  // One button saves every image of an item, where the browser downloads
  // from a link (`download`); elsewhere the button stays hidden.
  function setupSaveAll() {
    if (!('download' in document.createElement('a'))) { return; }
    Array.prototype.forEach.call(document.querySelectorAll('.save-all'), function (button) {
      var links = Array.prototype.slice.call(button.parentNode.querySelectorAll('a[download]'));
      if (links.length < 2) { return; }
      button.hidden = false;
      button.addEventListener('click', function () {
        links.forEach(function (link, position) {
          window.setTimeout(function () { link.click(); }, position * 400);
        });
      });
    });
  }

  document.documentElement.classList.add('js');
  document.addEventListener('DOMContentLoaded', function () {
    setupFilters();
    setupCopyButtons();
    setupPrintButtons();
    setupToday();
    setupSaveAll();
    openAtToday();
  });
}());
