/* Mon planning: a button carrying data-render is sent by Faces AJAX (faces.js) instead of reloading the page.
   data-execute: what the server processes ("@this" by default, or "@form"); data-render: client ids to
   re-render, "@cell" being the tapped cell (the button's id ending in "cell" instead of "toggle");
   data-focus: the id to move the focus to afterwards (else the re-rendered button keeps it).
   Without JavaScript (or without faces.js) the buttons post the form as usual.
   The number of finished requests is kept in <html data-pf-ajax> for the browser tests. */
(function () {
  'use strict';
  function ids(el) {
    return el.getAttribute('data-render').split(/\s+/).map(function (id) {
      return id === '@cell' ? el.id.replace(/toggle$/, 'cell') : id;
    }).join(' ');
  }
  function finished() {
    var root = document.documentElement;
    root.setAttribute('data-pf-ajax', String(Number(root.getAttribute('data-pf-ajax') || '0') + 1));
  }
  function restore(focusId, moved) {
    var target = document.getElementById(focusId);
    if (target && document.activeElement !== target) {
      target.focus({ preventScroll: !moved });
      if (moved && target.scrollIntoView) {
        target.scrollIntoView({ block: 'start' });
      }
    }
  }
  document.addEventListener('click', function (event) {
    var el = event.target.closest ? event.target.closest('[data-render]') : null;
    if (!el || !window.faces || !window.faces.ajax || el.disabled || event.defaultPrevented) {
      return;
    }
    event.preventDefault();
    var focusId = el.getAttribute('data-focus') || el.id;
    var moved = el.hasAttribute('data-focus');
    window.faces.ajax.request(el, event, {
      execute: el.getAttribute('data-execute') || '@this',
      render: ids(el),
      onevent: function (data) {
        if (data.status === 'success') {
          restore(focusId, moved);
          finished();
        }
      },
      onerror: function (data) {
        // the page stays usable: the focus goes back, and the error is kept for the browser tests
        document.documentElement.setAttribute('data-pf-ajax-error', String(data.status) + ': '
            + String(data.errorName || '') + ' ' + String(data.errorMessage || data.description || ''));
        restore(focusId, moved);
        finished();
      }
    });
  });
})();
