// One member's access view, on its own and printed on its own: who looked at or changed what about
// this person, when, in which role and for which organisation, as NEN 7513 lets a client see it
// (restricted items and the restricted-data routes never appear). Never printed with the plan or with
// another member's view: a family's members, the perpetrator and an ex-partner among them, each get
// only their own.
import { h, replace, formatDate } from './dom.js';
import { t, te, has, language } from './i18n.js';
import * as api from './api.js';

// ui: what an entry is about, in words
const objectText = (type) => (type && has(`object.${type}`) ? t(`object.${type}`) : type || '');

export async function render(main, caseId, personId) {
  const k = await api.get(`/cases/${encodeURIComponent(caseId)}`);
  const member = k.members.find((m) => m.person.id === personId);
  if (!member) {
    replace(main, h('h1', {}, t('error.title')), h('p', { class: 'utrecht-alert utrecht-alert--error' }, t('access.notAMember')));
    return;
  }
  const name = `${member.person.givenName} ${member.person.familyName}`;
  let lines = null;
  try {
    lines = await api.get(`/persons/${encodeURIComponent(personId)}/access-log?limit=50`);
  } catch (e) {
    if (e.status !== 403 && e.status !== 404) throw e;
  }
  replace(main, h('article', { class: 'family-view access-page', id: 'access-view' },
    h('p', { class: 'no-print' }, h('a', { href: `#/cases/${encodeURIComponent(caseId)}/family` }, t('familyView.back')), ' ',
      h('button', { type: 'button', id: 'print', onclick: () => window.print() }, t('familyView.print'))),
    h('h1', {}, t('access.title')),
    h('p', {}, h('strong', {}, name)),
    h('p', {}, t('access.intro')),
    lines === null ? h('p', { class: 'utrecht-alert utrecht-alert--error' }, t('access.notYours'))
      : lines.length ? h('table', {},
        h('thead', {}, h('tr', {}, ['access.when', 'access.who', 'access.role', 'access.organisation', 'access.what']
          .map((x) => h('th', { scope: 'col' }, t(x))))),
        h('tbody', {}, lines.map((l) => h('tr', {}, h('td', {}, formatDate(l.at, language())), h('td', {}, l.otherCase ? t('access.otherCase') : l.userName || ''),
          h('td', {}, te('Role', l.role)), h('td', {}, l.organisation || ''),
          h('td', {}, `${te('AccessAction', l.action)} (${objectText(l.objectType)})`)))))
        : h('p', {}, t('access.none'))));
}
