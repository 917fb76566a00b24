// The family view: the plan in plain Dutch as the family reads it (written by the platform from the
// latest plan version), who is involved, and what happens if a condition is not met. Printable: the
// print stylesheet leaves only this text. Nobody's access view is part of it (see access.js).
import { h, replace } from './dom.js';
import { t, te } from './i18n.js';
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
    accessLinks(k)));
}

/**
 * The plan (and its print) carries nobody's access view: the view of who looked at a member's data
 * is that member's own, on its own page and print (access.js), never one document for the whole
 * family, the perpetrator and the ex-partner included. Here only links for the professional, not printed.
 */
function accessLinks(k) {
  return h('nav', { class: 'no-print', id: 'access-links', 'aria-label': t('access.perMember') },
    h('h2', {}, t('access.perMember')), h('p', {}, t('access.perMemberIntro')),
    h('ul', {}, k.members.map((m) => h('li', {}, h('a', {
      href: `#/cases/${encodeURIComponent(k.id)}/access/${encodeURIComponent(m.person.id)}`,
    }, `${m.person.givenName} ${m.person.familyName}`)))));
}
