// Small DOM helpers: build elements without innerHTML, so no text from the API is ever parsed as HTML.
// Also the UI's building blocks, made of the NL Design System's components (the Utrecht component
// library, vendored in ui/vendor, decision 0041): form fields with a required mark, the error summary
// (an alert) with links to the fields, messages next to fields, a busy button, status badges,
// notification banners (alerts), a confirmation dialog, summary cards with a data list, and tables
// that become cards on a phone. houseStyle() gives plain elements (buttons, controls, tables) their
// component classes, so every screen, also one another branch adds, looks the same.
import { t } from './i18n.js';

/**
 * h('button', {type: 'button', onclick: fn, class: 'x'}, 'text', child, ...)
 * Attributes starting with "on" become event listeners; null/false attributes are left out.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.substring(2), value);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes and children (strings become text nodes). */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined) el.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

let ids = 0;
/** A unique id for label/for pairs. */
export function uid(prefix = 'f') {
  ids += 1;
  return `${prefix}-${ids}`;
}

/**
 * A labelled form control: returns {wrap, input}. kind: input|select|textarea. A required control
 * gets a visible mark in its label and aria-required; attrs.hint adds a hint under the label;
 * attrs.field names the API's field (problem.field) when it differs from the control's name.
 */
export function field(label, kind = 'input', attrs = {}, options = []) {
  const { hint, field: apiField, ...rest } = attrs || {};
  const id = rest.id || uid();
  const hintId = hint ? `${id}-hint` : null;
  const required = rest.required && rest.type !== 'checkbox';
  const own = { ...rest, id, 'aria-required': required ? 'true' : null, 'aria-describedby': hintId, 'data-field': apiField || null };
  const input = kind === 'select'
    ? h('select', own, options.map(([value, text]) => h('option', { value }, text)))
    : h(kind, own);
  styleControl(input);
  input.classList.add('utrecht-form-field__input');
  const checkbox = rest.type === 'checkbox';
  const wrap = h('div', { class: `field utrecht-form-field utrecht-form-field--${checkbox ? 'checkbox' : 'text'}` },
    h('label', { for: id, class: `utrecht-form-label utrecht-form-field__label${checkbox ? ' utrecht-form-label--checkbox' : ''}` },
      label, required ? [' ', h('span', { class: 'required' }, t('ui.required'))] : null),
    hint ? h('p', { class: 'hint utrecht-form-field-description utrecht-form-field__description', id: hintId }, hint) : null, input);
  return { wrap, input };
}

/** Removes a form's error summary and field messages. */
export function clearErrors(form) {
  if (!form) return;
  form.querySelectorAll(':scope .error-summary[data-owned]').forEach((el) => el.remove());
  form.querySelectorAll('.field-error[data-owned]').forEach((el) => el.remove());
  form.querySelectorAll('.utrecht-form-field--invalid').forEach((el) => el.classList.remove('utrecht-form-field--invalid'));
  form.querySelectorAll('[aria-invalid="true"]').forEach((el) => {
    el.removeAttribute('aria-invalid');
    const describedBy = (el.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && !x.endsWith('-error')).join(' ');
    if (describedBy) el.setAttribute('aria-describedby', describedBy); else el.removeAttribute('aria-describedby');
  });
}

/** The control in a form that an API field name (e.g. "members[0].roles", "reason") is about. */
export function controlFor(form, apiField) {
  if (!form || !apiField) return null;
  const name = String(apiField).split(/[.[]/)[0];
  const esc = (v) => (window.CSS && CSS.escape ? CSS.escape(v) : v);
  return form.querySelector(`[data-field="${esc(apiField)}"]`) || form.querySelector(`[data-field="${esc(name)}"]`)
    || form.querySelector(`[name="${esc(name)}"]`);
}

/** The visible name of a control: its label's text without the required mark. */
export function labelOf(control) {
  if (!control) return '';
  const label = control.id && document.querySelector(`label[for="${control.id}"]`);
  if (!label) return control.getAttribute('aria-label') || control.name || '';
  const copy = label.cloneNode(true);
  copy.querySelectorAll('.required').forEach((r) => r.remove());
  return copy.textContent.trim();
}

/**
 * Shows errors where the eye is: a summary at the top of the form (focused, with a link to each
 * field) and a message next to each field. items: [{text, control?}]; actions: extra buttons in the summary.
 */
export function showErrors(form, items, actions = []) {
  clearErrors(form);
  const list = h('ul', {}, items.map(({ text, control }) => {
    if (!control) return h('li', {}, text);
    if (!control.id) control.id = uid('ctl');
    const messageId = `${control.id}-error`;
    const message = h('p', { class: 'field-error utrecht-form-field-error-message utrecht-form-field__error-message', id: messageId, 'data-owned': true }, text);
    const wrap = control.closest('.field') || control.closest('fieldset') || control.parentElement;
    if (wrap.classList.contains('utrecht-form-field')) wrap.classList.add('utrecht-form-field--invalid');
    const after = wrap.querySelector(':scope > label, :scope > legend, :scope > .hint:last-of-type');
    if (after && after.nextSibling) wrap.insertBefore(message, after.nextSibling); else wrap.prepend(message);
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), messageId].filter(Boolean).join(' '));
    const name = labelOf(control);
    return h('li', {}, h('a', { href: `#${control.id}`, onclick: (ev) => { ev.preventDefault(); control.focus(); } },
      name ? t('ui.fieldError', { field: name, message: text }) : text));
  }));
  // no role=alert: the focus reads it out, and the status line (a live region) carries the message too
  const summary = h('div', { class: 'error-summary utrecht-alert utrecht-alert--error', tabindex: '-1', 'data-owned': true },
    h('div', { class: 'utrecht-alert__content' }, h('div', { class: 'utrecht-alert__message' },
      h('h2', {}, t('ui.errorSummary')), list, actions.length ? h('p', { class: 'actions' }, actions) : null)));
  form.prepend(summary);
  summary.focus();
  return summary;
}

/**
 * Runs work while a button shows it is busy: aria-disabled, aria-busy and a second click ignored
 * (the button keeps its focus, so keyboard users do not lose their place).
 */
export async function busy(button, work) {
  if (!button) return work();
  if (button.getAttribute('aria-disabled') === 'true') return undefined;
  button.setAttribute('aria-disabled', 'true');
  button.setAttribute('aria-busy', 'true');
  button.classList.add('is-busy', 'utrecht-button--busy');
  try {
    return await work();
  } finally {
    button.removeAttribute('aria-disabled');
    button.removeAttribute('aria-busy');
    button.classList.remove('is-busy', 'utrecht-button--busy');
  }
}

/** Our kinds of status as the status badge's modifiers. */
const BADGE = { neutral: 'neutral', ok: 'success', warning: 'warning', error: 'danger', info: 'active' };

/** A status badge (NL Design System utrecht-status-badge): kind is neutral|ok|warning|error|info. */
export function statusTag(text, kind = 'neutral', attrs = {}) {
  return h('span', { ...attrs, class: `utrecht-status-badge utrecht-status-badge--${BADGE[kind] || 'neutral'}${attrs.class ? ` ${attrs.class}` : ''}` }, text);
}

/** A notification banner (NL Design System utrecht-alert): kind info|ok|warning|error. */
export function banner(kind, ...children) {
  return h('div', { class: `utrecht-alert utrecht-alert--${kind}`, role: kind === 'error' ? 'alert' : null },
    h('div', { class: 'utrecht-alert__content' }, h('div', { class: 'utrecht-alert__message' }, children)));
}

/** A summary card: a heading and a data list (utrecht-data-list) of [term, value] pairs. */
export function summaryCard(title, rows, attrs = {}) {
  return h('section', { ...attrs, class: `card${attrs.class ? ` ${attrs.class}` : ''}` }, h('h2', { class: 'card-title' }, title),
    h('dl', { class: 'facts utrecht-data-list' }, rows.filter(Boolean).map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])));
}

/**
 * Asks for a confirmation in a modal dialog; resolves true for yes. Focus starts on cancel and
 * returns to where it was.
 */
export function confirmDialog(title, text, yes) {
  return new Promise((resolve) => {
    const back = document.activeElement;
    const titleId = uid('confirm-title');
    const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': titleId });
    const done = (answer) => { dialog.close(); dialog.remove(); if (back && back.focus) back.focus(); resolve(answer); };
    dialog.append(h('h2', { id: titleId }, title), h('p', {}, text), h('p', { class: 'row' },
      h('button', { type: 'button', class: 'utrecht-button utrecht-button--secondary-action', id: 'confirm-no', onclick: () => done(false) }, t('ui.cancel')),
      h('button', { type: 'button', class: 'utrecht-button utrecht-button--primary-action', id: 'confirm-yes', onclick: () => done(true) }, yes || t('ui.confirm'))));
    dialog.addEventListener('cancel', (ev) => { ev.preventDefault(); done(false); });
    document.body.append(dialog);
    dialog.showModal();
    dialog.querySelector('#confirm-no').focus();
  });
}

/** Gives each table cell the name of its column (data-label), so a table becomes cards on a phone. */
export function labelTables(root) {
  for (const table of root.querySelectorAll('table')) {
    const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
    if (!heads.length) continue;
    for (const row of table.querySelectorAll('tbody tr')) {
      [...row.children].forEach((cell, i) => { if (heads[i] && !cell.dataset.label) cell.dataset.label = heads[i]; });
    }
    table.classList.add('cards');
  }
}

const TEXTBOX = 'input:not([type]), input[type=text], input[type=search], input[type=email], input[type=password], '
  + 'input[type=number], input[type=date], input[type=datetime-local], input[type=month], input[type=tel], input[type=url]';

/** Gives one form control its NL Design System component class (textbox, select, textarea, checkbox, radio). */
export function styleControl(el) {
  if (!el || !el.matches) return;
  if (el.matches(TEXTBOX)) el.classList.add('utrecht-textbox', 'utrecht-textbox--html-input');
  else if (el.matches('select')) el.classList.add('utrecht-select', 'utrecht-select--html-select');
  else if (el.matches('textarea')) el.classList.add('utrecht-textarea', 'utrecht-textarea--html-textarea');
  else if (el.matches('input[type=checkbox]')) el.classList.add('utrecht-checkbox', 'utrecht-checkbox--html-input');
  else if (el.matches('input[type=radio]')) el.classList.add('utrecht-radio-button', 'utrecht-radio-button--html-input');
}

/**
 * The house style for screens built with plain elements: a button without a component class becomes a
 * primary-action button; controls, tables and data lists get their component classes, a label its
 * form-label class. Runs on every change of the page (app.js), before it is painted.
 */
export function houseStyle(root) {
  for (const b of root.querySelectorAll('button:not(.utrecht-button)')) b.classList.add('utrecht-button', 'utrecht-button--primary-action');
  for (const c of root.querySelectorAll('input:not(.utrecht-textbox, .utrecht-checkbox, .utrecht-radio-button), select:not(.utrecht-select), textarea:not(.utrecht-textarea)')) styleControl(c);
  for (const table of root.querySelectorAll('table:not(.utrecht-table)')) table.classList.add('utrecht-table', 'utrecht-table--html-table');
  for (const dl of root.querySelectorAll(`dl.facts`)) {
    dl.classList.add('utrecht-data-list');
    dl.querySelectorAll(':scope > dt:not(.utrecht-data-list__item-key)').forEach((dt) => dt.classList.add('utrecht-data-list__item-key'));
    dl.querySelectorAll(':scope > dd:not(.utrecht-data-list__item-value)').forEach((dd) => dd.classList.add('utrecht-data-list__item-value', 'utrecht-data-list__item-value--html-dd'));
  }
  for (const label of root.querySelectorAll('label:not(.utrecht-form-label)')) {
    const control = label.htmlFor ? document.getElementById(label.htmlFor) : label.querySelector('input, select, textarea');
    label.classList.add('utrecht-form-label');
    if (control && control.matches('input[type=checkbox], input[type=radio]')) label.classList.add(`utrecht-form-label--${control.type === 'radio' ? 'radio' : 'checkbox'}`);
  }
  for (const hint of root.querySelectorAll('.hint:not(.utrecht-form-field-description)')) hint.classList.add('utrecht-form-field-description');
}

/** Replaces the children of an element. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A date as the user reads it, in the UI's language. */
export function formatDate(value, lang) {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const locale = lang === 'en' ? 'en-GB' : 'nl-NL';
  return value.length > 10 ? d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })
    : d.toLocaleDateString(locale, { dateStyle: 'medium' });
}

/**
 * Today as a Dutch calendar day (YYYY-MM-DD). The platform counts every date in Europe/Amsterdam (a
 * signal's day, a triage's day in a replay's period), so a browser in another time zone, or a Dutch one
 * set to UTC, must not default a form to yesterday or tomorrow.
 */
export function today() {
  const parts = {};
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date()).forEach((p) => { parts[p.type] = p.value; });
  return `${parts.year}-${parts.month}-${parts.day}`;
}
