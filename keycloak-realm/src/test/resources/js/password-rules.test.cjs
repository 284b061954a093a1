// Checks resources/js/password-rules.js of the login theme (run by LoginThemeTest with Node).
// Usage: node password-rules.test.cjs <path of password-rules.js>
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const vm = require('node:vm');

const file = process.argv[2];
const code = fs.readFileSync(file, 'utf8');

// Loaded the way a CommonJS module is, without a DOM: loading must not touch the page.
const sandbox = { module: { exports: {} } };
vm.runInNewContext(code, sandbox, { filename: file });
const { checkPasswordRules, attach, DEFAULT_MINIMUMS } = sandbox.module.exports;
assert.equal(typeof checkPasswordRules, 'function');
assert.equal(typeof attach, 'function');
assert.deepEqual({ ...DEFAULT_MINIMUMS }, { length: 8, lowerCase: 1, upperCase: 1, digits: 1 });

const rules = (password, minimums) => ({ ...checkPasswordRules(password, minimums) });
const none = { length: false, lowerCase: false, upperCase: false, digits: false };

// the pure rule checking
assert.deepEqual(rules(''), none);
assert.deepEqual(rules(undefined), none);
assert.deepEqual(rules('abc'), { ...none, lowerCase: true });
assert.deepEqual(rules('ABC'), { ...none, upperCase: true });
assert.deepEqual(rules('123'), { ...none, digits: true });
assert.deepEqual(rules('abcdefgh'), { ...none, length: true, lowerCase: true });
assert.deepEqual(rules('Abcdefg'), { ...none, lowerCase: true, upperCase: true });
assert.deepEqual(rules('Abcdefg1'), { length: true, lowerCase: true, upperCase: true, digits: true });
assert.deepEqual(rules('        '), { ...none, length: true });
assert.deepEqual(rules('Élodie2026'), { length: true, lowerCase: true, upperCase: true, digits: true });
assert.deepEqual(rules('ÉCOLE-été'), { ...none, length: true, lowerCase: true, upperCase: true });
// minimums given by the page (the realm's policy)
assert.deepEqual(rules('Abcdefg1', { length: 10 }), { length: false, lowerCase: true, upperCase: true, digits: true });
assert.deepEqual(rules('Abcdefg1', { digits: 2 }), { length: true, lowerCase: true, upperCase: true, digits: false });
assert.deepEqual(rules('Abcdefg12', { digits: '2' }), { length: true, lowerCase: true, upperCase: true, digits: true });

// the page: a minimal fake DOM, enough for attach()
function element(attributes = {}, children = []) {
  const classes = new Set();
  const listeners = {};
  return {
    attributes: { ...attributes },
    textContent: '',
    value: '',
    children,
    classList: {
      toggle(name, on) { if (on) classes.add(name); else classes.delete(name); },
      contains(name) { return classes.has(name); }
    },
    getAttribute(name) { return name in this.attributes ? this.attributes[name] : null; },
    setAttribute(name, value) { this.attributes[name] = String(value); },
    addEventListener(type, listener) { (listeners[type] = listeners[type] || []).push(listener); },
    dispatch(type) { (listeners[type] || []).forEach((listener) => listener({ type, target: this })); },
    listenerTypes() { return Object.keys(listeners); },
    querySelector(selector) {
      return this.children.find((child) => child.attributes.class === selector.slice(1)) || null;
    },
    querySelectorAll(selector) {
      assert.equal(selector, '[data-rule]');
      return this.children.filter((child) => 'data-rule' in child.attributes);
    }
  };
}
function item(rule, min, text) {
  const label = element({ class: 'pf-password-rule__text' });
  label.textContent = text;
  return element({ 'data-rule': rule, 'data-min': String(min) }, [
    element({ class: 'pf-password-rule__icon' }), label, element({ class: 'pf-password-rule__state' })
  ]);
}
const items = [
  item('length', 8, '8 caractères minimum'), item('lowerCase', 1, '1 lettre minuscule'),
  item('upperCase', 1, '1 lettre majuscule'), item('digits', 1, '1 chiffre')
];
const list = element({ id: 'pf-password-rules', 'data-for': 'password', 'data-met-text': 'respectée',
  'data-unmet-text': 'non respectée', 'data-all-met-text': 'Toutes les règles sont respectées.' }, items);
const input = element({ id: 'password' });
const status = element({ id: 'pf-password-rules-status' });
const byId = { 'pf-password-rules': list, password: input, 'pf-password-rules-status': status };
const page = { getElementById: (id) => byId[id] || null };

assert.equal(attach({ getElementById: () => null }), false, 'a page without checklist is left alone');

const timers = [];
const browser = { module: undefined, document: page, setTimeout: (fn) => { timers.push(fn); return timers.length; },
  clearTimeout: () => {} };
vm.runInNewContext(code, browser, { filename: file }); // attaches itself, as in the browser
const flush = () => { while (timers.length) timers.shift()(); };
const state = (i) => ({
  state: items[i].getAttribute('data-state'),
  icon: items[i].children[0].textContent,
  hidden: items[i].children[2].textContent,
  met: items[i].classList.contains('pf-password-rule--met')
});

assert.deepEqual(input.listenerTypes(), ['input'], 'listens to typing only, never to submit');
assert.deepEqual(state(0), { state: 'unmet', icon: '○', hidden: ' (non respectée)', met: false });
flush();
assert.equal(status.textContent, '', 'nothing announced before the parent types');

input.value = 'abc';
input.dispatch('input');
assert.deepEqual(state(1), { state: 'met', icon: '✓', hidden: ' (respectée)', met: true });
assert.deepEqual(state(0), { state: 'unmet', icon: '○', hidden: ' (non respectée)', met: false });
flush();
assert.equal(status.textContent, '1 lettre minuscule, respectée');

input.value = 'Abcdefg1';
input.dispatch('input');
for (let i = 0; i < 4; i++) {
  assert.deepEqual(state(i), { state: 'met', icon: '✓', hidden: ' (respectée)', met: true });
}
flush();
assert.equal(status.textContent, 'Toutes les règles sont respectées.');

input.value = 'Abcdefg';
input.dispatch('input');
flush();
assert.equal(state(3).state, 'unmet');
assert.equal(status.textContent, '8 caractères minimum, non respectée. 1 chiffre, non respectée');

console.log('password-rules.js: all checks passed');
