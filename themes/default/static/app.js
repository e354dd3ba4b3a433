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
        var source = button.parentNode.querySelector('.copy-source');
        if (!source) { return; }
        var reveal = function () {
          var details = source.closest ? source.closest('details') : null;
          if (details) { details.open = true; }
          source.select();
        };
        var done = function () {
          var label = button.textContent;
          button.textContent = button.getAttribute('data-copied') || label;
          window.setTimeout(function () { button.textContent = label; }, 1500);
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(source.value).then(done, reveal);
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

  document.documentElement.classList.add('js');
  document.addEventListener('DOMContentLoaded', function () {
    setupFilters();
    setupCopyButtons();
    setupPrintButtons();
    openAtToday();
  });
}());
