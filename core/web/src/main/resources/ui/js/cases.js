// My cases: the open cases, searchable by name, municipality, status and phase.
import { h, replace, field, formatDate } from './dom.js';
import { t, te, language } from './i18n.js';
import * as api from './api.js';

const PHASES = ['ACUTE_SAFETY', 'STABILISATION', 'RECOVERY'];

export async function render(main) {
  const name = field(t('cases.filter.name'), 'input', { name: 'name', type: 'search' });
  const municipality = field(t('cases.filter.municipality'), 'input', { name: 'municipality' });
  const status = field(t('cases.filter.status'), 'select', { name: 'status' },
    [['OPEN', te('CaseStatus', 'OPEN')], ['CLOSED', te('CaseStatus', 'CLOSED')], ['', t('common.all')]]);
  const phase = field(t('cases.filter.phase'), 'select', { name: 'phase' },
    [['', t('common.all')], ...PHASES.map((p) => [p, te('Phase', p)])]);
  const results = h('div', { id: 'case-results', 'aria-live': 'polite' });
  const form = h('form', { class: 'row', role: 'search' }, name.wrap, municipality.wrap, status.wrap, phase.wrap,
    h('div', { class: 'field' }, h('button', { type: 'submit' }, t('cases.search'))));
  let page = 0;
  async function search() {
    const q = api.query({ name: name.input.value.trim(), municipality: municipality.input.value.trim(),
      status: status.input.value, phase: phase.input.value, page, size: 20 });
    const found = await api.get(`/cases${q}`);
    replace(results, table(found), pager(found));
  }
  function pager(found) {
    const pages = Math.max(1, Math.ceil(found.total / found.size));
    return h('p', {}, t('cases.page', { page: found.page + 1, pages, total: found.total }), ' ',
      found.page > 0 ? h('button', { type: 'button', class: 'utrecht-button utrecht-button--secondary-action', onclick: () => { page -= 1; search(); } }, t('common.previous')) : null, ' ',
      found.page + 1 < pages ? h('button', { type: 'button', class: 'utrecht-button utrecht-button--secondary-action', onclick: () => { page += 1; search(); } }, t('common.next')) : null);
  }
  form.addEventListener('submit', (ev) => { ev.preventDefault(); page = 0; search().catch(show); });
  function show(e) { replace(results, h('p', { class: 'utrecht-alert utrecht-alert--error' }, e.message)); }
  replace(main, h('h1', {}, t('cases.title')),
    h('p', {}, h('a', { href: '#/signal', class: 'button', id: 'new-signal' }, t('cases.new'))), form, results);
  await search().catch(show);
}

function table(found) {
  if (!found.items.length) return h('p', {}, t('cases.none'));
  return h('table', {},
    h('caption', { class: 'visually-hidden' }, t('cases.title')),
    h('thead', {}, h('tr', {}, ['cases.col.family', 'cases.col.municipality', 'cases.col.phase', 'cases.col.framework',
      'cases.col.professionals', 'cases.col.opened'].map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, found.items.map((c) => h('tr', {},
      h('td', {}, h('a', { href: `#/cases/${encodeURIComponent(c.id)}`, class: 'case-link' }, c.memberNames.join(', ') || c.id)),
      h('td', {}, c.municipality), h('td', {}, te('Phase', c.phase)), h('td', {}, te('Framework', c.framework)),
      h('td', {}, String(c.activeProfessionals)), h('td', {}, formatDate(c.openedAt, language()))))));
}
