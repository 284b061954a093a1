/*
 * Portail Famille: live checklist of the password rules on the account creation page.
 *
 * The list is rendered by password-rules.ftl (id "pf-password-rules", one <li data-rule data-min> per
 * rule of the realm's password policy). While the parent types, each rule switches between
 * "○ … (non respectée)" and "✓ … (respectée)" — a symbol and a text change, never colour alone — and
 * the changes are announced politely in the "pf-password-rules-status" live region.
 *
 * This script only informs: it never blocks or alters the submission of the form, Keycloak still
 * validates the password on the server. No dependency, no network request.
 *
 * The rule checking is a pure function (checkPasswordRules), exported for Node so it can be unit
 * tested; in the browser the script attaches itself to the page.
 */
(function () {
  'use strict';

  /** Minimums used when the page does not give one (the platform's realm policy). */
  var DEFAULT_MINIMUMS = { length: 8, lowerCase: 1, upperCase: 1, digits: 1 };

  var MET_SYMBOL = '\u2713';   // ✓
  var UNMET_SYMBOL = '\u25CB'; // ○
  var ANNOUNCE_DELAY_MS = 700;

  // Same definitions as Keycloak's policies: String.length() (UTF-16 units), Character.isLowerCase,
  // Character.isUpperCase (Unicode Lowercase / Uppercase properties) and Character.isDigit (Nd).
  var LOWER = /\p{Lowercase}/gu;
  var UPPER = /\p{Uppercase}/gu;
  var DIGIT = /\p{Nd}/gu;

  function count(value, pattern) {
    var matches = value.match(pattern);
    return matches ? matches.length : 0;
  }

  /**
   * Which rules the password satisfies.
   * @param {string} password what the parent typed
   * @param {object} [minimums] e.g. {length: 8, lowerCase: 1, upperCase: 1, digits: 1}
   * @return {{length: boolean, lowerCase: boolean, upperCase: boolean, digits: boolean}}
   */
  function checkPasswordRules(password, minimums) {
    var value = typeof password === 'string' ? password : '';
    var min = {};
    Object.keys(DEFAULT_MINIMUMS).forEach(function (rule) {
      var given = minimums && Number(minimums[rule]);
      min[rule] = given >= 0 ? given : DEFAULT_MINIMUMS[rule];
    });
    return {
      length: value.length >= min.length,
      lowerCase: count(value, LOWER) >= min.lowerCase,
      upperCase: count(value, UPPER) >= min.upperCase,
      digits: count(value, DIGIT) >= min.digits
    };
  }

  /**
   * Connects the checklist of the page to its password field. Returns false when the page has no
   * checklist (then nothing is changed).
   */
  function attach(doc) {
    var list = doc.getElementById('pf-password-rules');
    if (!list) {
      return false;
    }
    var input = doc.getElementById(list.getAttribute('data-for') || 'password');
    if (!input) {
      return false;
    }
    var status = doc.getElementById('pf-password-rules-status');
    var metText = list.getAttribute('data-met-text') || '';
    var unmetText = list.getAttribute('data-unmet-text') || '';
    var allMetText = list.getAttribute('data-all-met-text') || '';

    var items = Array.prototype.slice.call(list.querySelectorAll('[data-rule]'));
    var minimums = {};
    items.forEach(function (item) {
      var min = parseInt(item.getAttribute('data-min'), 10);
      if (!isNaN(min)) {
        minimums[item.getAttribute('data-rule')] = min;
      }
    });

    var previous = null;
    var pending = [];
    var timer = null;

    function part(item, name) {
      return item.querySelector('.pf-password-rule__' + name);
    }

    function announce() {
      timer = null;
      if (!status || pending.length === 0) {
        pending = [];
        return;
      }
      var state = checkPasswordRules(input.value, minimums);
      var allMet = items.every(function (item) { return state[item.getAttribute('data-rule')]; });
      var text = allMet && allMetText ? allMetText : pending.join('. ');
      pending = [];
      // emptied first so that the same sentence twice in a row is still announced
      status.textContent = '';
      setTimeout(function () { status.textContent = text; }, 50);
    }

    function render() {
      var state = checkPasswordRules(input.value, minimums);
      items.forEach(function (item) {
        var rule = item.getAttribute('data-rule');
        var met = !!state[rule];
        item.setAttribute('data-state', met ? 'met' : 'unmet');
        item.classList.toggle('pf-password-rule--met', met);
        var icon = part(item, 'icon');
        var label = part(item, 'text');
        var stateText = part(item, 'state');
        if (icon) {
          icon.textContent = met ? MET_SYMBOL : UNMET_SYMBOL;
        }
        if (stateText) {
          stateText.textContent = ' (' + (met ? metText : unmetText) + ')';
        }
        if (previous !== null && previous[rule] !== met && label) {
          pending = pending.filter(function (line) { return line.indexOf(label.textContent) !== 0; });
          pending.push(label.textContent + ', ' + (met ? metText : unmetText));
        }
      });
      previous = state;
      if (pending.length > 0) {
        if (timer !== null) {
          clearTimeout(timer);
        }
        timer = setTimeout(announce, ANNOUNCE_DELAY_MS);
      }
    }

    input.addEventListener('input', render);
    render();
    return true;
  }

  if (typeof module !== 'undefined' && module.exports) {
    module.exports = {
      checkPasswordRules: checkPasswordRules,
      attach: attach,
      DEFAULT_MINIMUMS: DEFAULT_MINIMUMS
    };
  } else if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', function () { attach(document); });
    } else {
      attach(document);
    }
  }
})();
