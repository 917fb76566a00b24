// ui (issue 18 part 4): the auditor's screens. #/audit searches the access log (GET /audit/log: who,
// which person or case, what, when, outcome; oldest first, 100 at a time with "more") and verifies it
// (GET /audit/verify: the hash chain and MACs, naming the first broken entry). #/break-glass lists the
// break-glass grants (newest first, the unreviewed ones marked) and marks one as reviewed (auditors and
// coordinators; nobody reviews their own).
import { h, replace, field, formatDate, statusTag } from './dom.js';
import { t, te, has, language } from './i18n.js';
import * as api from './api.js';
import { act } from './app.js';

const ACTIONS = ['READ', 'CREATE', 'UPDATE', 'DELETE', 'SEARCH', 'EXPORT', 'PRINT', 'BREAK_GLASS', 'LOGIN', 'LOGOUT',
  'BINDING_CHANGE', 'PERMISSION_CHANGE', 'RECTIFICATION', 'ERASURE', 'PURGE', 'VERIFY'];
const OUTCOMES = ['SUCCESS', 'DENIED', 'FAILURE'];

/** What an entry is about, in words (the API's object type: case, person, household, account or the route's first part). */
export function objectText(type) {
  return type && has(`object.${type}`) ? t(`object.${type}`) : type || '';
}

/** A date input's day as the start (or the end, the next day's start) of that day in UTC. */
function day(value, next) {
  if (!value) return '';
  const d = new Date(`${value}T00:00:00Z`);
  if (next) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

export async function render(main, page) {
  if (page === 'break-glass') return breakGlassPage(main);
  const user = field(t('audit.user'), 'input', { name: 'userId', autocomplete: 'off' });
  const person = field(t('audit.person'), 'input', { name: 'personId', autocomplete: 'off' });
  const kase = field(t('audit.case'), 'input', { name: 'caseId', autocomplete: 'off' });
  const action = field(t('audit.action'), 'select', { name: 'action' }, [['', t('audit.any')], ...ACTIONS.map((a) => [a, te('AccessAction', a)])]);
  const outcome = field(t('audit.outcome'), 'select', { name: 'outcome' }, [['', t('audit.any')], ...OUTCOMES.map((o) => [o, t(`audit.outcome.${o}`)])]);
  const from = field(t('audit.from'), 'input', { name: 'from', type: 'date' });
  const to = field(t('audit.to'), 'input', { name: 'to', type: 'date' });
  const results = h('div', { id: 'audit-results', 'aria-live': 'polite' });
  const verified = h('div', { id: 'audit-verified', 'aria-live': 'polite' });
  const form = h('form', { id: 'audit-form', novalidate: true }, h('div', { class: 'row' }, user.wrap, person.wrap, kase.wrap),
    h('div', { class: 'row' }, action.wrap, outcome.wrap, from.wrap, to.wrap), h('button', { type: 'submit' }, t('audit.search')));
  let last = 0;
  let rows = [];
  const query = (after) => api.query({ userId: user.input.value.trim(), personId: person.input.value.trim(), caseId: kase.input.value.trim(),
    action: action.input.value, outcome: outcome.input.value, from: day(from.input.value), to: day(to.input.value, true), after, limit: 100 });
  const show = (more) => {
    replace(results, rows.length ? [h('p', { id: 'audit-count' }, t('audit.count', { n: rows.length })),
      h('table', { id: 'audit-log' }, h('thead', {}, h('tr', {}, ['audit.col.seq', 'common.when', 'audit.col.who', 'audit.action', 'audit.col.what', 'audit.outcome']
        .map((x) => h('th', { scope: 'col' }, t(x))))),
      h('tbody', {}, rows.map((e) => h('tr', { class: e.action === 'BREAK_GLASS' ? 'flagged' : null }, h('td', {}, String(e.seqNo)), h('td', {}, formatDate(e.at, language())),
        h('td', {}, `${e.userName || e.userId || ''}`, e.role ? h('span', { class: 'muted' }, ` (${te('Role', e.role)}${e.organisation ? `, ${e.organisation}` : ''})`) : null),
        h('td', {}, te('AccessAction', e.action), e.action === 'BREAK_GLASS' ? [' ', statusTag(t('audit.breakGlass'), 'error')] : null),
        h('td', {}, [e.objectType === 'case' && e.caseId ? null : objectText(e.objectType), e.caseId ? t('audit.inCase', { id: e.caseId }) : null, (e.personIds || []).length ? t('audit.persons', { n: e.personIds.length }) : null,
          purposeText(e.purpose)].filter(Boolean).join(' · ')),
        h('td', {}, statusTag(t(`audit.outcome.${e.outcome}`), e.outcome === 'SUCCESS' ? 'ok' : 'error')))))),
      more ? h('button', { type: 'button', class: 'utrecht-button utrecht-button--secondary-action', id: 'audit-more', onclick: () => search(last) }, t('audit.more')) : null]
      : h('p', { id: 'audit-empty' }, t('audit.none')));
  };
  async function search(after) {
    const page2 = await act(() => api.get(`/audit/log${query(after)}`), null, { form, button: form.querySelector('button[type=submit]') });
    if (!page2) return;
    rows = after ? rows.concat(page2) : page2;
    if (page2.length) last = page2[page2.length - 1].seqNo;
    show(page2.length === 100);
  }
  form.addEventListener('submit', (ev) => { ev.preventDefault(); search(0); });
  const verify = h('button', { type: 'button', id: 'audit-verify', onclick: async (ev) => {
    const v = await act(() => api.get('/audit/verify'), null, { button: ev.currentTarget });
    if (v) replace(verified, v.intact ? h('div', { class: 'utrecht-alert utrecht-alert--ok', id: 'audit-intact' }, t('audit.intact', { n: v.entriesChecked }))
      : h('div', { class: 'utrecht-alert utrecht-alert--error', role: 'alert', id: 'audit-broken' }, t('audit.broken', { seq: v.firstBrokenSeq, reason: v.reason || '' })));
  } }, t('audit.verify'));
  replace(main, h('h1', {}, t('audit.title')), h('p', {}, t('audit.intro')),
    h('p', {}, h('a', { href: '#/break-glass' }, t('nav.breakGlass'))),
    h('section', { 'aria-labelledby': 'audit-verify-title' }, h('h2', { id: 'audit-verify-title' }, t('audit.verifyTitle')), h('p', { class: 'muted' }, t('audit.verifyHelp')), verify, verified),
    h('section', { 'aria-labelledby': 'audit-search-title' }, h('h2', { id: 'audit-search-title' }, t('audit.searchTitle')), form, results));
  return undefined;
}

async function breakGlassPage(main) {
  const all = h('input', { type: 'checkbox', id: 'break-glass-all' });
  const body = h('div', { id: 'break-glass-list', 'aria-live': 'polite' });
  async function show() {
    const grants = await api.get(`/break-glass${api.query({ unreviewed: all.checked ? '' : 'true' })}`);
    replace(body, grants.length ? h('table', { id: 'break-glass-grants' }, h('thead', {}, h('tr', {}, ['breakGlass.col.who', 'breakGlass.col.case', 'breakGlass.reason',
      'breakGlass.col.granted', 'breakGlass.col.review'].map((x) => h('th', { scope: 'col' }, t(x))))),
    h('tbody', {}, grants.map((g) => h('tr', { dataset: { grant: g.id } }, h('td', {}, g.userName || g.userId), h('td', {}, g.caseId), h('td', {}, g.reason),
      h('td', {}, `${formatDate(g.grantedAt, language())} — ${t('breakGlass.until', { at: formatDate(g.expiresAt, language()) })}`),
      h('td', {}, g.reviewedAt ? [statusTag(t('breakGlass.reviewed'), 'ok'), ` ${formatDate(g.reviewedAt, language())} (${g.reviewedBy})`]
        : h('button', { type: 'button', class: 'review-grant', 'aria-label': t('breakGlass.reviewOne', { who: g.userName || g.userId }), onclick: async (ev) => {
          if (await act(() => api.post(`/break-glass/${encodeURIComponent(g.id)}/review`, undefined), t('breakGlass.reviewDone'), { button: ev.currentTarget })) await show();
        } }, t('breakGlass.review')))))))
      : h('p', { id: 'break-glass-none' }, t('breakGlass.none')));
  }
  all.addEventListener('change', () => show());
  replace(main, h('h1', {}, t('breakGlass.reviewTitle')), h('p', {}, t('breakGlass.reviewIntro')),
    h('div', { class: 'field inline' }, all, h('label', { for: 'break-glass-all' }, t('breakGlass.showAll'))), body);
  await show();
  return undefined;
}

/** The purpose the platform writes itself for a break-glass read (Guard: "break-glass: <route>") in words; others as written. */
const BREAK_GLASS_PURPOSE = 'break-glass: ';
function purposeText(purpose) {
  if (purpose && purpose.startsWith(BREAK_GLASS_PURPOSE)) return t('audit.purpose.breakGlass', { route: purpose.substring(BREAK_GLASS_PURPOSE.length) });
  return purpose;
}
