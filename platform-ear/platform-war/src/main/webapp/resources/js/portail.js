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

/* What was typed is never lost to an expired page. A form posted after its page's state was gone on the server (the
   session ended, or the page was one of more than a session keeps) is not taken into account: the server opens the
   page again with ?expiree=1 and says so (ExpiredViews, #page-expiree). So that the family's long forms (Mon foyer,
   a registration, a message) do not have to be typed again, each posted form's fields are kept in this tab's
   sessionStorage as they are typed (gone when the tab is closed; never passwords, files or hidden fields), put back
   into the same form when the page comes back expired or with the browser's Back button (after an error page), and
   forgotten whenever the page is opened afresh, where the server's values count. A form marked data-keep="no" is left
   alone. */
(function () {
  var store;
  try {
    store = window.sessionStorage;
    store.setItem('pf-typed-probe', '1');
    store.removeItem('pf-typed-probe');
  } catch (e) {
    return;
  }
  function keeps(form) {
    return form && form.id && (form.getAttribute('method') || '').toLowerCase() === 'post'
        && form.getAttribute('data-keep') !== 'no';
  }
  function kept(el) {
    if (!el.name || el.disabled) {
      return false;
    }
    if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') {
      return true;
    }
    return el.tagName === 'INPUT' && !/^(hidden|password|file|submit|button|reset|image)$/i.test(el.type);
  }
  function key(form) {
    return 'pf-typed:' + location.pathname + '#' + form.id;
  }
  function save(form) {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!kept(el)) {
        return;
      }
      if (el.type === 'checkbox' || el.type === 'radio') {
        values[el.name + '\u0000' + el.value] = el.checked;
      } else if (el.tagName === 'SELECT' && el.multiple) {
        Array.prototype.forEach.call(el.options, function (o) {
          values[el.name + '\u0000' + o.value] = o.selected;
        });
      } else {
        values[el.name] = el.value;
      }
    });
    try {
      store.setItem(key(form), JSON.stringify(values));
    } catch (e) {
      /* storage full: nothing kept, nothing broken */
    }
  }
  function restore(form, values) {
    var any = false;
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!kept(el)) {
        return;
      }
      if (el.type === 'checkbox' || el.type === 'radio') {
        var checked = values[el.name + '\u0000' + el.value];
        if (typeof checked === 'boolean' && el.checked !== checked) {
          el.checked = checked;
          any = true;
        }
      } else if (el.tagName === 'SELECT' && el.multiple) {
        Array.prototype.forEach.call(el.options, function (o) {
          var selected = values[el.name + '\u0000' + o.value];
          if (typeof selected === 'boolean' && o.selected !== selected) {
            o.selected = selected;
            any = true;
          }
        });
      } else if (typeof values[el.name] === 'string' && el.value !== values[el.name]) {
        if (el.tagName === 'SELECT' && !Array.prototype.some.call(el.options, function (o) {
          return o.value === values[el.name];
        })) {
          return;
        }
        el.value = values[el.name];
        any = true;
      }
    });
    return any;
  }
  /* come back with the browser's Back button (from an error page: an upload too big, the service unavailable…): the
     page is fetched again (pages are not cached), what was typed is put back as for an expired page */
  function cameBack() {
    try {
      var nav = window.performance && window.performance.getEntriesByType
          ? window.performance.getEntriesByType('navigation')[0] : null;
      if (nav) {
        return nav.type === 'back_forward';
      }
      return !!(window.performance && window.performance.navigation && window.performance.navigation.type === 2);
    } catch (e) {
      return false;
    }
  }
  document.addEventListener('DOMContentLoaded', function () {
    var notice = document.getElementById('page-expiree');
    var back = cameBack();
    var restored = false;
    Array.prototype.forEach.call(document.forms, function (form) {
      if (!keeps(form)) {
        return;
      }
      var raw = store.getItem(key(form));
      store.removeItem(key(form));
      if ((notice || back) && raw) {
        try {
          restored = restore(form, JSON.parse(raw)) || restored;
        } catch (e) {
          /* a value this script did not write: ignored */
        }
        save(form);
      }
    });
    if (restored && notice && notice.getAttribute('data-restored')) {
      var said = document.createElement('span');
      said.id = 'typed-restored';
      said.textContent = ' ' + notice.getAttribute('data-restored');
      notice.appendChild(said);
    }
  });
  function onEdit(event) {
    var form = event.target && event.target.form;
    if (keeps(form) && kept(event.target)) {
      save(form);
    }
  }
  document.addEventListener('input', onEdit);
  document.addEventListener('change', onEdit);
})();

/* A page of two forms whose second one posts what the first holds (data-carries="form:field>hidden"): the agent's
   reply being typed goes with "Me l'attribuer", "Clore"…, so that the page comes back with it instead of empty (the
   other form's post redraws the whole page). Without JavaScript the hidden field holds what the page was drawn with. */
document.addEventListener('submit', function (event) {
  var form = event.target;
  var carries = form && form.getAttribute && form.getAttribute('data-carries');
  if (!carries) {
    return;
  }
  var ends = carries.split('>');
  var from = document.getElementById(ends[0]);
  var to = document.getElementById(ends[1]);
  if (from && to) {
    to.value = from.value;
  }
}, true);
