// The shell: navigation by role, language switch, who is working, the hash router (#/cases,
// #/cases/<id>, ...), and feedback where the eye is: act() shows a refusal as an error summary at
// the top of the form that was sent (with the field's message next to it), in the user's language
// (a text per API rule and reason), keeps the button busy while the request runs, offers a reload on
// 412, and signs the user in again on 401 without losing what was typed.
import { h, replace, field, busy, showErrors, clearErrors, controlFor, labelOf, labelTables, houseStyle } from './dom.js';
import { load, preferred, t, has, language } from './i18n.js';
import * as api from './api.js';

const routes = [
  [/^#\/cases\/([^/]+)\/family$/, () => import('./family.js')],
  [/^#\/cases\/([^/]+)\/access\/([^/]+)$/, () => import('./access.js')],
  [/^#\/cases\/([^/]+)$/, () => import('./casepage.js')],
  [/^#\/signal$/, () => import('./signal.js')],
  [/^#\/coordinator$/, () => import('./coordinator.js')],
  [/^#\/monitor$/, () => import('./monitor.js')],
  [/^#\/monitor\/compare$/, () => import('./compare.js')], // cohorts (issue 15)
  [/^#\/cases$/, () => import('./cases.js')],
  [/^#\/users\/(account)\/([^/]+)$/, () => import('./users.js')],
  [/^#\/users\/(new)$/, () => import('./users.js')],
  [/^#\/users$/, () => import('./users.js')],
  // --- muni (issue 14 part 4)
  [/^#\/inbox$/, () => import('./inbox.js')],
  [/^#\/waits$/, () => import('./waits.js')],
  // --- ui (issue 18 part 4): the reviewer, the joint triage's assessors, the auditor, the privacy officer
  [/^#\/reviews\/([^/]+)$/, () => import('./reviews.js')],
  [/^#\/reviews$/, () => import('./reviews.js')],
  [/^#\/assessments$/, () => import('./assessments.js')],
  [/^#\/audit$/, () => import('./audit.js')],
  [/^#\/(break-glass)$/, () => import('./audit.js')],
  [/^#\/privacy$/, () => import('./privacy.js')],
  [/^#\/cases\/([^/]+)\/living$/, () => import('./living.js')], // living (issue 14, decision 0038)
  [/^#\/notices$/, () => import('./notices.js')], // living: regie and professionals-around notices
  [/^#\/triage\/pending$/, () => import('./pending.js')], // lead (issue 18 part 4): the professional's pending triages
];

/** Pages anyone may read, signed in or not. */
const PUBLIC = [
  [/^#\/toegankelijkheid$/, () => import('./statement.js')],
];

// [href, text, role or roles]: an entry shows only to users holding one of its roles (the API stays
// the guard); the first entry a user may open is where they start.
const NAV = [['#/cases', 'nav.cases', 'PROFESSIONAL'], ['#/signal', 'nav.signal', 'PROFESSIONAL'],
  ['#/coordinator', 'nav.coordinator', 'COORDINATOR'], ['#/monitor', 'nav.monitor', 'COORDINATOR'],
  ['#/users', 'nav.users', 'REGIONAL_ADMINISTRATOR'],
  ['#/inbox', 'nav.inbox', 'MUNICIPALITY'], // muni: the municipality's inbox
  ['#/waits', 'nav.waits', ['COORDINATOR', 'MUNICIPALITY']], // muni: the waiting list
  ['#/monitor/compare', 'nav.compare', 'COORDINATOR'], // cohorts (issue 15)
  // --- ui (issue 18 part 4)
  ['#/reviews', 'nav.reviews', 'INDEPENDENT_REVIEWER'],
  ['#/assessments', 'nav.assessments', ['SAFETY_DIRECTOR', 'PROCESS_DIRECTOR']],
  ['#/audit', 'nav.audit', 'AUDITOR'],
  ['#/break-glass', 'nav.breakGlass', 'AUDITOR'],
  ['#/privacy', 'nav.privacy', 'REGIONAL_ADMINISTRATOR'],
  ['#/notices', 'nav.notices', 'PROFESSIONAL'], // living
  ['#/triage/pending', 'nav.pendingTriage', 'PROFESSIONAL']]; // lead (issue 18 part 4) (issue 14): regie and professionals-around notices

function roles() {
  return (api.user() && api.user().roles) || [];
}

function mayOpen(role) {
  return !role || [].concat(role).some((r) => roles().includes(r));
}

/** Shows a message in the live region (read out by screen readers), with optional action buttons. */
export function say(message, kind = 'ok', actions = []) {
  replace(document.getElementById('status'), message
    ? h('div', { class: kind === 'error' ? 'utrecht-alert utrecht-alert--error' : 'utrecht-alert utrecht-alert--ok' }, message, actions.length ? [' ', actions] : null) : null);
}

/** The field a problem names (problem+json's field, parameter or header). */
export function problemField(problem) {
  const p = problem || {};
  return p.field || p.parameter || p.header || null;
}

const REASONS = [
  [/^is required$|^must not be (null|empty)$/, 'invalid.required'],
  [/^is longer than (\d+) characters$/, 'invalid.tooLong', 'max'],
  [/^is in the future$/, 'invalid.future'],
  [/^is before the start date$/, 'invalid.beforeStart'],
  [/^must be nine digits$/, 'invalid.bsnDigits'],
  [/^is not a valid BSN/, 'invalid.bsn'],
  [/^must be a date/, 'invalid.date'],
  [/^must not be only white space$/, 'invalid.blank'],
  [/^is not a plausible date of birth$/, 'invalid.plausibleBirth'],
];

/** A 400's reason in the user's words where the UI knows it, else the field named and the API's words. */
function invalidText(p) {
  const reason = String(p.reason || '');
  for (const [re, key, param] of REASONS) {
    const m = reason.match(re);
    if (m) return t(key, param ? { [param]: m[1] } : {});
  }
  const detail = p.detail || p.title || reason;
  return `${t(problemField(p) ? 'error.invalidField' : 'error.invalid')}${detail ? ` ${t('error.details', { detail })}` : ''}`;
}

/** The message of an error for the user, in their language: a text per API rule, reason and status. */
export function problemText(error) {
  if (error instanceof api.ApiError) {
    const p = error.problem || {};
    if (p.rule) return has(`rule.${p.rule}`) ? t(`rule.${p.rule}`) : `${t('rule.unknown')} ${t('error.details', { detail: p.detail || p.rule })}`;
    switch (error.status) {
      case 400: case 422: return invalidText(p);
      case 401: return t('error.sessionEnded');
      case 403: return p.reason && has(`reason.${p.reason}`) ? t(`reason.${p.reason}`) : t('error.forbidden');
      case 404: return t('error.notFound');
      case 409: return `${t('rule.unknown')} ${t('error.details', { detail: p.detail || '' })}`;
      case 412: return t('error.stale');
      case 413: return t('error.tooLarge');
      case 428: return t('error.versionRequired');
      case 429: return t('error.rateLimited');
      case 503: return p.reason && has(`reason.${p.reason}`) ? t(`reason.${p.reason}`) : t('error.unavailable');
      default: return error.status >= 500 ? t('error.server') : t('error.api', { status: error.status, detail: p.detail || p.title || '' });
    }
  }
  if (error instanceof TypeError) return t('error.network');
  return t('error.unexpected', { detail: error && error.message });
}

/** The form (and its button) being sent right now: act() shows its feedback there. */
let sending = null;
document.addEventListener('submit', (ev) => {
  sending = { form: ev.target, button: ev.submitter || ev.target.querySelector('button[type=submit], button:not([type])') };
  setTimeout(() => { sending = null; }, 0);
}, true);

function context() {
  if (sending) return sending;
  const active = document.activeElement;
  if (active && active.tagName === 'BUTTON') return { form: active.closest('form'), button: active };
  return {};
}

/**
 * Shows an error where the eye is: in the form that was sent (summary on top, message at the
 * field), else in the status line; a 412 gets a reload button.
 */
export function report(error, form) {
  const text = problemText(error);
  const actions = error instanceof api.ApiError && (error.status === 412 || error.status === 428)
    ? [h('button', { type: 'button', class: 'utrecht-button utrecht-button--secondary-action reload', onclick: () => { say(''); route(); } }, t('ui.reload'))] : [];
  if (form && form.isConnected) {
    const control = error instanceof api.ApiError ? controlFor(form, problemField(error.problem)) : null;
    showErrors(form, [{ text, control }], actions);
    // also in the live region and the status line (which stays in view), naming the field
    say(control && labelOf(control) ? t('ui.fieldError', { field: labelOf(control), message: text }) : text, 'error');
  } else {
    say(text, 'error', actions);
  }
}

/**
 * Runs an action for a button/form, reporting success or the problem. The form and button are the
 * ones being submitted (or options.form/options.button): the button is busy while the action runs.
 */
export async function act(action, success, options = {}) {
  const { form, button } = options.form || options.button ? options : context();
  if (form) clearErrors(form);
  say(''); // the last action's message is not this one's
  try {
    const result = await busy(button, action);
    if (success) say(success);
    return result;
  } catch (e) {
    report(e, form);
    return undefined;
  }
}

function renderChrome() {
  document.title = t('app.title');
  document.getElementById('skip-link').textContent = t('app.skip');
  document.getElementById('language-label').textContent = t('app.language');
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', t('nav.label'));
  const current = location.hash.split('/').slice(0, 2).join('/');
  const who = api.user();
  // the menu exists only for a signed-in user, and holds only what their roles may open
  nav.hidden = !who;
  replace(nav, who ? h('ul', {}, NAV.filter(([, , role]) => mayOpen(role)).map(([href, key]) => h('li', {},
    h('a', { href, 'aria-current': current === href ? 'page' : null,
      // the page shown already: no new page, but the focus goes to its content as after a navigation
      onclick: (ev) => { if (location.hash === href) { ev.preventDefault(); document.getElementById('main').focus(); } } }, t(key))))) : null);
  document.getElementById('who').textContent = who ? t('app.signedInAs', { name: who.name }) : '';
  const logout = document.getElementById('logout');
  logout.textContent = t('app.logout');
  logout.hidden = !who;
  const footer = document.getElementById('footer-links');
  if (footer) {
    replace(footer, h('li', {}, h('a', { href: '#/toegankelijkheid', id: 'statement-link' }, t('a11y.title'))));
    document.getElementById('footer-title').textContent = t('ui.footer');
  }
  const loading = document.getElementById('loading');
  if (loading) loading.textContent = t('ui.loading');
}

async function loginView(main) {
  const form = h('form', { id: 'login-form', novalidate: true });
  const heading = h('h1', {}, t('login.title'));
  const user = field(t('login.username'), 'input', { name: 'username', autocomplete: 'username', required: true });
  const pass = field(t('login.password'), 'input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  form.append(user.wrap, pass.wrap, h('button', { type: 'submit' }, t('login.submit')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    try {
      await busy(ev.submitter, () => api.login(user.input.value.trim(), pass.input.value));
      say('');
      navigated = true; // focus moves to the page the user signed in for
      // a page the user's roles do not open (a link kept from someone else's work) becomes their start page
      const entry = NAV.find(([href]) => href === location.hash.split('/').slice(0, 2).join('/'));
      if (entry && !mayOpen(entry[2])) location.hash = home(); else start();
    } catch (e) {
      pass.input.value = '';
      if (e instanceof api.ApiError && e.status === 401) showErrors(form, [{ text: t('relogin.failed'), control: user.input }]);
      else report(e, form);
    }
  });
  replace(main, heading, form);
}

/**
 * The session ended while the user worked (401): a dialog signs the same user in again; the page
 * and everything typed on it stay. Resolves true once signed in, false when cancelled.
 */
function relogin() {
  return new Promise((resolve) => {
    const who = api.user() || {};
    const back = document.activeElement;
    const dialog = h('dialog', { class: 'confirm', id: 'relogin', 'aria-labelledby': 'relogin-title' });
    const user = field(t('login.username'), 'input', { name: 'username', autocomplete: 'username', required: true, readonly: true, value: who.id || '' });
    const pass = field(t('login.password'), 'input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
    const finish = (ok) => {
      dialog.close(); dialog.remove();
      renderChrome();
      if (back && back.isConnected && back.focus) back.focus();
      resolve(ok);
    };
    const form = h('form', { id: 'relogin-form', novalidate: true }, h('p', {}, t('relogin.intro')), user.wrap, pass.wrap,
      h('p', { class: 'row' }, h('button', { type: 'submit', id: 'relogin-submit' }, t('relogin.submit')),
        h('button', { type: 'button', class: 'utrecht-button utrecht-button--secondary-action', onclick: () => finish(false) }, t('ui.cancel'))));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      ev.stopPropagation();
      try {
        await busy(ev.submitter, () => api.login(user.input.value, pass.input.value));
        finish(true);
      } catch (e) {
        pass.input.value = '';
        showErrors(form, [{ text: t('relogin.failed'), control: pass.input }]);
      }
    });
    dialog.addEventListener('cancel', (ev) => { ev.preventDefault(); finish(false); });
    dialog.append(h('h2', { id: 'relogin-title' }, t('relogin.title')), form);
    document.body.append(dialog);
    dialog.showModal();
    pass.input.focus();
  });
}

/** Where a user starts: the first menu entry their roles may open (a coordinator on coordination). */
function home() {
  const first = NAV.find(([, , role]) => mayOpen(role));
  return first ? first[0] : '#/toegankelijkheid';
}

let rendering = 0;
async function route() {
  const main = document.getElementById('main');
  if (!location.hash && api.user()) history.replaceState(null, '', home()); // the address names the page shown
  renderChrome();
  const hash = location.hash;
  const open = PUBLIC.find(([re]) => re.test(hash));
  if (!api.user() && !open) {
    await loginView(main);
    main.querySelector('input')?.focus();
    return;
  }
  const found = open || routes.find(([re]) => re.test(hash));
  if (!found) { location.hash = home(); return; }
  const [re, loader] = found;
  const params = hash.match(re).slice(1).map(decodeURIComponent);
  const mine = ++rendering;
  main.setAttribute('aria-busy', 'true');
  try {
    const view = await loader();
    if (mine !== rendering) return;
    await view.render(main, ...params);
  } catch (e) {
    replace(main, h('h1', {}, t('error.title')), h('p', { class: 'utrecht-alert utrecht-alert--error', id: 'page-error' }, problemText(e)));
  } finally {
    if (mine === rendering) main.removeAttribute('aria-busy');
  }
  // After a navigation, focus moves to the new content (screen readers announce it); on the first
  // load it stays at the top, so the first Tab reaches the skip link.
  if (navigated) main.focus({ preventScroll: false });
  navigated = true;
}

let navigated = false;

function start() {
  route();
}

/** Shows the loading indicator when a request takes longer than a moment. */
function loadingIndicator() {
  const el = document.getElementById('loading');
  if (!el) return;
  let timer = null;
  api.watchRequests((count) => {
    if (count > 0 && !timer && el.hidden) timer = setTimeout(() => { el.hidden = false; timer = null; }, 300);
    if (count === 0) { clearTimeout(timer); timer = null; el.hidden = true; }
  });
}

async function boot() {
  const select = document.getElementById('language');
  await load(preferred());
  select.value = language();
  select.addEventListener('change', async () => { await load(select.value); route(); });
  document.getElementById('logout').addEventListener('click', () => { api.logout(); say(''); route(); });
  window.addEventListener('hashchange', () => { say(''); route(); });
  api.onUnauthorized(relogin);
  loadingIndicator();
  // the NL Design System's component classes on whatever a screen added (houseStyle), before it is
  // painted (a mutation observer runs before the next frame); tables become cards on a phone: each
  // cell carries its column's name
  const main = document.getElementById('main');
  houseStyle(document.body);
  new MutationObserver(() => {
    houseStyle(document.body);
    labelTables(main);
  }).observe(document.body, { childList: true, subtree: true });
  route();
}

boot();

/** Renders the current page again (after a 412, or when a view wants fresh data). */
export function reload() {
  say('');
  return route();
}
