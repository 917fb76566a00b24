// The family view: the plan in plain Dutch as the family reads it (written by the platform from the
// latest plan version), who is involved, and what happens if a condition is not met. Printable: the
// print stylesheet leaves only this text.
import { h, replace, formatDate } from './dom.js';
import { t, te, language } from './i18n.js';
import * as api from './api.js';

export async function render(main, caseId) {
  const path = `/cases/${encodeURIComponent(caseId)}`;
  const k = await api.get(path);
  let view = null;
  try {
    view = await api.get(`${path}/plan/family-view`);
  } catch (e) {
    if (e.status !== 404) throw e;
  }
  const team = k.team.filter((a) => !a.until);
  replace(main, h('article', { class: 'family-view', id: 'family-view' },
    h('p', { class: 'no-print' }, h('a', { href: `#/cases/${encodeURIComponent(caseId)}` }, t('familyView.back')), ' ',
      h('button', { type: 'button', id: 'print', onclick: () => window.print() }, t('familyView.print'))),
    h('h1', {}, view ? view.title : t('familyView.title')),
    view ? h('p', {}, view.intro) : h('p', {}, t('familyView.noPlan')),
    view ? view.sections.map((s) => h('section', {}, h('h2', {}, s.heading), h('ul', {}, s.items.map((i) => h('li', {}, i))))) : null,
    // the platform's family view names who is involved; without a plan yet, the UI lists the team
    view ? null : h('section', {}, h('h2', {}, t('familyView.involved')),
      h('ul', {}, team.map((a) => h('li', {}, `${a.name} (${te('ProfessionalRole', a.role)}, ${a.organisation})`,
        a.role === 'FIXED_PROFESSIONAL' ? ` — ${t('familyView.fixed')}` : '', a.casusregie ? ` — ${t('familyView.regie')}` : '')))),
    h('p', { class: 'muted' }, t('familyView.questions')),
    await access(k)));
}

/**
 * Who looked at or changed what about each member, as NEN 7513 lets a client see it: when, who, in
 * which role and organisation, what (restricted items never appear here). Printed with the plan.
 */
async function access(k) {
  const parts = [];
  for (const m of k.members) {
    let lines = [];
    try {
      lines = await api.get(`/persons/${encodeURIComponent(m.person.id)}/access-log?limit=50`);
    } catch (e) {
      if (e.status === 403 || e.status === 404) continue; // not this user's to show
      throw e;
    }
    parts.push(h('section', { class: 'access-view' },
      h('h3', {}, `${m.person.givenName} ${m.person.familyName}`),
      lines.length ? h('table', {},
        h('thead', {}, h('tr', {}, ['access.when', 'access.who', 'access.role', 'access.organisation', 'access.what']
          .map((x) => h('th', { scope: 'col' }, t(x))))),
        h('tbody', {}, lines.map((l) => h('tr', {}, h('td', {}, formatDate(l.at, language())), h('td', {}, l.userName || ''),
          h('td', {}, te('Role', l.role)), h('td', {}, l.organisation || ''),
          h('td', {}, `${te('AccessAction', l.action)} (${l.objectType || ''})`))))) : h('p', {}, t('access.none'))));
  }
  return parts.length ? h('section', { id: 'access' }, h('h2', {}, t('access.title')), h('p', {}, t('access.intro')), parts) : null;
}
