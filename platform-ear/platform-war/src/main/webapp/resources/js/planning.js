/* Mon planning: a button carrying data-render is sent by Faces AJAX (faces.js) instead of reloading the page.
   data-execute: what the server processes ("@this" by default, "@form", or "@cell"); data-render: client ids to
   re-render; "@cell" is the tapped cell's box (the button's id ending in "cell" instead of "toggle": the component
   that writes the cell and decodes its tap);
   data-focus: the id to move the focus to afterwards (else the re-rendered button keeps it).
   Taps are sent one at a time, in order: one made while another is on its way waits here.
   The surge queue: a tap the server could not serve yet comes back as 503 with a <partial-response> whose extension
   says file_attente (or file_pleine), the position and the seconds to wait (SurgeFilter); nothing was applied, so the
   position is shown in the selection bar's live region (#file-attente, its words in data-waiting / data-full) and the
   same request is sent again once after that delay (the ticket travels in its cookie), the taps made meanwhile after it.
   Without JavaScript (or without faces.js) the buttons post the form as usual.
   The number of finished requests is kept in <html data-pf-ajax> for the browser tests. */
(function () {
  'use strict';
  var busy = false;
  var held = [];
  /* a request sent again, or later, is still a click: Faces runs a button's action only for the partial event "click" */
  var CLICK = { type: 'click' };
  function ids(el, list) {
    return list.split(/\s+/).map(function (id) {
      return id === '@cell' ? el.id.replace(/toggle$/, 'cell') : id;
    }).join(' ');
  }
  function finished() {
    var root = document.documentElement;
    root.setAttribute('data-pf-ajax', String(Number(root.getAttribute('data-pf-ajax') || '0') + 1));
  }
  function restore(focusId, moved) {
    // the target may be gone with what it answered (an emptied selection's "Vider", a summary refused): the selection
    // bar's main button then, never the page's top
    var target = document.getElementById(focusId) || document.getElementById('planning:review')
        || document.getElementById('planning:confirm');
    if (target && document.activeElement !== target) {
      target.focus({ preventScroll: !moved });
      if (moved && target.scrollIntoView) {
        target.scrollIntoView({ block: 'start' });
      }
    }
  }
  function say(text) {
    var region = document.getElementById('file-attente');
    if (region && region.textContent !== text) {
      region.textContent = text;
    }
  }
  /* The queue's answer to a request, or null when the failure is another one. */
  function queued(data) {
    if (data.status !== 'httpError' || data.responseCode !== 503 || !data.responseXML) {
      return null;
    }
    var ext = data.responseXML.getElementsByTagName('extension')[0];
    var code = ext ? ext.getAttribute('code') : null;
    if (code !== 'file_attente' && code !== 'file_pleine') {
      return null;
    }
    return { full: code === 'file_pleine', position: ext.getAttribute('position'),
      seconds: Math.max(1, parseInt(ext.getAttribute('reessayerDans'), 10) || 2) };
  }
  function next() {
    busy = false;
    while (held.length) {
      var el = document.getElementById(held.shift());
      if (el && !el.disabled) {
        send(el, CLICK);
        return;
      }
    }
  }
  /* The "Recopier … jusqu'au" date being typed is not sent with a tap: put back when the tap re-renders its field. */
  function keepTyped(execute) {
    var field = document.getElementById('planning:until');
    var typed = field && execute.indexOf('@form') < 0 ? field.value : '';
    return function () {
      var again = document.getElementById('planning:until');
      if (typed && again && !again.value) {
        again.value = typed;
      }
    };
  }
  function send(el, event) {
    busy = true;
    var id = el.id;
    var focusId = el.getAttribute('data-focus') || id;
    var moved = el.hasAttribute('data-focus');
    var putBack = keepTyped(el.getAttribute('data-execute') || '@this');
    window.faces.ajax.request(el, event, {
      execute: ids(el, el.getAttribute('data-execute') || '@this'),
      render: ids(el, el.getAttribute('data-render')),
      onevent: function (data) {
        if (data.status === 'success') {
          putBack();
          say('');
          restore(focusId, moved);
          finished();
          next();
        }
      },
      onerror: function (data) {
        var wait = queued(data);
        var region = document.getElementById('file-attente');
        if (wait && region) {
          // not applied: the same request goes again, once, after the delay the server gave
          say(wait.full ? region.getAttribute('data-full')
              : region.getAttribute('data-waiting').replace('{0}', wait.position));
          window.setTimeout(function () {
            var again = document.getElementById(id);
            if (again) {
              send(again, CLICK);
            } else {
              next();
            }
          }, wait.seconds * 1000);
          return;
        }
        // the page stays usable: the focus goes back, and the error is kept for the browser tests
        document.documentElement.setAttribute('data-pf-ajax-error', String(data.status) + ': '
            + String(data.errorName || '') + ' ' + String(data.errorMessage || data.description || ''));
        restore(focusId, moved);
        finished();
        next();
      }
    });
  }
  document.addEventListener('click', function (event) {
    var el = event.target.closest ? event.target.closest('[data-render]') : null;
    if (!el || !window.faces || !window.faces.ajax || el.disabled || event.defaultPrevented) {
      return;
    }
    event.preventDefault();
    if (busy) {
      held.push(el.id);
      return;
    }
    send(el, event);
  });
})();

/* Mon planning: the previous and next months, another child or activity are other pages, where the days selected and
   not yet sent are not kept: with a selection, the link or the "Afficher" form first asks (data-leaves-selection: the
   question; the bar's data-selection-size, re-rendered with each tap: how many days are selected). So does any other
   link of the planning's form (the summary's « Porte-monnaie », a day's « Signaler une absence »…: data-leaves-page,
   the form's question), an anchor within the page apart. */
(function () {
  'use strict';
  function leaves(event, question) {
    var count = document.querySelector('[data-selection-size]');
    var size = count ? Number(count.getAttribute('data-selection-size')) : 0;
    if (size > 0 && !window.confirm(question)) {
      event.preventDefault();
    }
  }
  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[href]') : null;
    if (!link) {
      return;
    }
    var question = link.getAttribute('data-leaves-selection');
    if (!question) {
      var page = link.closest('[data-leaves-page]');
      if (!page || link.getAttribute('href').charAt(0) === '#') {
        return;
      }
      question = page.getAttribute('data-leaves-page');
    }
    leaves(event, question);
  });
  document.addEventListener('submit', function (event) {
    if (event.target.matches && event.target.matches('form[data-leaves-selection]')) {
      leaves(event, event.target.getAttribute('data-leaves-selection'));
    }
  });
})();
