/* Portail Famille: the little behaviour pages need, in a file (the Content-Security-Policy allows no inline script).
   data-confirm="question" on a button or link asks before acting. */
document.addEventListener('click', function (event) {
  var target = event.target.closest ? event.target.closest('[data-confirm]') : null;
  if (target && !window.confirm(target.getAttribute('data-confirm'))) {
    event.preventDefault();
  }
});

/* A PrimeFaces progress bar in ajax mode (ajax="true": a background run, e.g. the invoicing run) polls its value
   only once started: start every such bar on the page after the load and after each AJAX update. PrimeFaces creates
   its widgets in jQuery ready callbacks, which run later (asynchronously), hence the zero-delay timeout; a bar replaced
   by an update stops the polling of the one it replaces. */
(function () {
  var polling = [];
  function startProgressBars() {
    if (!window.PrimeFaces || !PrimeFaces.widgets || !PrimeFaces.widget || !PrimeFaces.widget.ProgressBar) {
      return;
    }
    polling = polling.filter(function (w) {
      if (document.body.contains(w.jq[0])) {
        return true;
      }
      clearInterval(w.progressPoll);
      return false;
    });
    Object.keys(PrimeFaces.widgets).forEach(function (name) {
      var w = PrimeFaces.widgets[name];
      if (w instanceof PrimeFaces.widget.ProgressBar && w.cfg.ajax && !w.progressPoll && document.body.contains(w.jq[0])) {
        w.start();
        polling.push(w);
      }
    });
  }
  function later() {
    window.setTimeout(startProgressBars, 0);
  }
  document.addEventListener('DOMContentLoaded', function () {
    if (window.jQuery) {
      jQuery(later);
      jQuery(document).on('pfAjaxComplete', later);
    }
  });
  window.addEventListener('load', later);
})();

/* A <details data-fold-below="60rem"> open in the page (the staff menu) is folded when the screen is narrower: on a
   tablet or a phone the page comes first, its menu one tap away. Opened again when the screen widens (a tablet turned
   to landscape), where its toggle is not shown. Without JavaScript it stays open. */
document.addEventListener('DOMContentLoaded', function () {
  if (!window.matchMedia) {
    return;
  }
  document.querySelectorAll('details[data-fold-below]').forEach(function (d) {
    var narrow = window.matchMedia('(max-width: ' + d.getAttribute('data-fold-below') + ')');
    d.open = !narrow.matches;
    narrow.addEventListener('change', function (e) {
      d.open = !e.matches;
    });
  });
});

/* A page that comes back with an error next to a field (a form posted and refused): the first field in error is
   focused, so that the page opens on what to correct rather than at its top, where a parent on a phone would not see
   it below the fold. The field is the one whose aria-describedby names the message; else the message is shown. */
document.addEventListener('DOMContentLoaded', function () {
  var messages = document.querySelectorAll('.pf-error[id]');
  for (var i = 0; i < messages.length; i++) {
    var m = messages[i];
    if (!m.textContent.trim() || !m.getClientRects().length) {
      continue;
    }
    var field = document.querySelector('[aria-describedby~="' + (window.CSS && CSS.escape ? CSS.escape(m.id) : m.id) + '"]');
    if (field && !field.disabled && field.getClientRects().length) {
      field.focus();
    } else {
      m.scrollIntoView({block: 'center'});
    }
    return;
  }
  /* No error: a form's action that added or removed a part of it (a child, a contact, the second parent; a period, a
     school, a tariff) names the field to go on with, relative to its form (family-form.xhtml) or by its id
     (NextFocus); the page opens there instead of at its top. */
  var next = document.querySelector('.pf-focus-next[data-field]');
  var form = next && next.closest('form');
  var target = form && document.getElementById(form.id + ':' + next.getAttribute('data-field'));
  /* or named by its whole id (NextFocus: the configuration sections' lists) */
  var byId = document.querySelector('.pf-focus-next[data-id]');
  target = target || (byId && document.getElementById(byId.getAttribute('data-id')));
  if (target && !target.disabled && target.getClientRects().length) {
    target.focus();
    target.scrollIntoView({block: 'center'});
  }
});

/* The family's sections (family-nav.xhtml): on a phone the row scrolls sideways; the current section is brought into
   its view, centred, without moving the page itself. */
document.addEventListener('DOMContentLoaded', function () {
  var nav = document.getElementById('family-nav');
  var current = nav && nav.querySelector('a[aria-current="page"]');
  if (current && nav.scrollWidth > nav.clientWidth) {
    nav.scrollLeft = Math.max(0, current.offsetLeft - (nav.clientWidth - current.offsetWidth) / 2);
  }
});
