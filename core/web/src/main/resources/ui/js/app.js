// The shell: navigation, language switch, who is working, and the hash router (#/cases, #/cases/<id>, ...).
import { h, replace, field } from './dom.js';
import { load, preferred, t, language } from './i18n.js';
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
];

// [href, text, role]: an entry with a role shows only to users holding it (the API stays the guard).
const NAV = [['#/cases', 'nav.cases'], ['#/signal', 'nav.signal'], ['#/coordinator', 'nav.coordinator'], ['#/monitor', 'nav.monitor'],
  ['#/users', 'nav.users', 'REGIONAL_ADMINISTRATOR'],
  ['#/monitor/compare', 'nav.compare', 'COORDINATOR']]; // cohorts (issue 15)

/** Shows a message in the live region (read out by screen readers). */
export function say(message, kind = 'ok') {
  replace(document.getElementById('status'), message ? h('div', { class: kind === 'error' ? 'alert' : 'ok' }, message) : null);
}

/** The message of an API error for the user, naming the field when the API did. */
export function problemText(error) {
  if (error instanceof api.ApiError) {
    const p = error.problem || {};
    const where = p.field || p.parameter || p.header;
    return t('error.api', { status: error.status, detail: (where ? `${where}: ` : '') + (p.detail || p.title || '') });
  }
  return t('error.unexpected', { detail: error.message });
}

/** Runs an action for a button/form, reporting success or the problem. */
export async function act(action, success) {
  try {
    const result = await action();
    if (success) say(success);
    return result;
  } catch (e) {
    say(problemText(e), 'error');
    return undefined;
  }
}

function renderChrome() {
  document.title = t('app.title');
  document.getElementById('skip-link').textContent = t('app.skip');
  document.getElementById('language-label').textContent = t('app.language');
  document.getElementById('nav').setAttribute('aria-label', t('nav.label'));
  const current = location.hash.split('/').slice(0, 2).join('/');
  const who = api.user();
  const roles = (who && who.roles) || [];
  replace(document.getElementById('nav'), h('ul', {}, NAV.filter(([, , role]) => !role || roles.includes(role)).map(([href, key]) => h('li', {},
    h('a', { href, 'aria-current': current === href ? 'page' : null }, t(key))))));
  document.getElementById('who').textContent = who ? t('app.signedInAs', { name: who.name }) : '';
  const logout = document.getElementById('logout');
  logout.textContent = t('app.logout');
  logout.hidden = !who;
}

async function loginView(main) {
  const form = h('form', { id: 'login-form', novalidate: true });
  const heading = h('h1', {}, t('login.title'));
  const user = field(t('login.username'), 'input', { name: 'username', autocomplete: 'username', required: true });
  const pass = field(t('login.password'), 'input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  form.append(user.wrap, pass.wrap, h('button', { type: 'submit' }, t('login.submit')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const ok = await act(() => api.login(user.input.value.trim(), pass.input.value));
    if (ok) { say(''); start(); }
  });
  replace(main, heading, form);
}

/** Where a user starts: a regional administrator who is no professional has no cases, but has the users. */
function home() {
  const roles = (api.user() && api.user().roles) || [];
  return roles.includes('REGIONAL_ADMINISTRATOR') && !roles.includes('PROFESSIONAL') ? '#/users' : '#/cases';
}

let rendering = 0;
async function route() {
  const main = document.getElementById('main');
  renderChrome();
  if (!api.user()) {
    await loginView(main);
    main.querySelector('input')?.focus();
    return;
  }
  const hash = location.hash || home();
  const found = routes.find(([re]) => re.test(hash));
  if (!found) { location.hash = home(); return; }
  const [re, loader] = found;
  const params = hash.match(re).slice(1).map(decodeURIComponent);
  const mine = ++rendering;
  try {
    const view = await loader();
    if (mine !== rendering) return;
    await view.render(main, ...params);
  } catch (e) {
    replace(main, h('h1', {}, t('error.title')), h('p', { class: 'alert' }, problemText(e)));
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

async function boot() {
  const select = document.getElementById('language');
  await load(preferred());
  select.value = language();
  select.addEventListener('change', async () => { await load(select.value); route(); });
  document.getElementById('logout').addEventListener('click', () => { api.logout(); say(''); route(); });
  window.addEventListener('hashchange', () => { say(''); route(); });
  route();
}

boot();
