// The professional's triages still pending (GET /triage/pending: the latest outcome of each case whose
// triage waits, oldest first, need to know applied by the API), each with a link to its case: where a
// joint triage waits for the second assessor or a plugin asked for a manual decision (issue 18 part 4).
import { h, replace, formatDate, statusTag } from './dom.js';
import { t, te, language, words, rationale } from './i18n.js';
import * as api from './api.js';

export async function render(main) {
  const pending = await api.get('/triage/pending');
  replace(main, h('h1', {}, t('pending.title')), h('p', {}, t('pending.intro')),
    pending.length ? h('ul', { class: 'inbox', id: 'pending-triage' }, pending.map(item))
      : h('p', { id: 'pending-empty' }, t('pending.none')));
}

function item(o) {
  const d = o.decision || {};
  return h('li', { class: 'inbox-item' },
    h('h2', {}, h('a', { href: `#/cases/${encodeURIComponent(o.caseId)}` }, t('pending.item', { at: formatDate(o.at, language()) })),
      ' ', statusTag(t('triage.pending'), 'warning')),
    h('p', {}, d.route ? h('strong', {}, te('Route', d.route)) : null, d.classification ? ` — ${words(d.classification)}` : ''),
    d.rationale ? h('p', { class: 'rationale' }, rationale(d)) : null);
}
