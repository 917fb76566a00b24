// ui (issue 18 part 4): the independent reviewer's own screens. #/reviews lists the reviews asked of
// them (GET /reviews/requested); #/reviews/<caseId> shows what the review needs (the case's family,
// phase and framework, the latest plan and the question asked) and the review they sign with their
// own login (POST /cases/{caseId}/reviews). The reviewer never joins the team; once signed, the
// invitation ends and the case closes to them (the API decides).
import { h, replace, field, formatDate, statusTag } from './dom.js';
import { t, te, language } from './i18n.js';
import * as api from './api.js';
import { act, say } from './app.js';

let flash = null;

export async function render(main, caseId) {
  if (caseId) return reviewPage(main, caseId);
  const open = await api.get('/reviews/requested');
  replace(main, h('h1', {}, t('reviewer.title')), h('p', {}, t('reviewer.intro')),
    open.length ? h('ul', { id: 'review-inbox', class: 'inbox' }, open.map((r) => h('li', { class: 'inbox-item' },
      h('h2', {}, h('a', { href: `#/reviews/${encodeURIComponent(r.caseId)}` }, t('reviewer.caseLink', { at: formatDate(r.requestedAt, language()) }))),
      h('p', {}, h('q', {}, r.question)),
      h('p', { class: 'muted' }, t('reviewer.planVersion', { version: r.planVersion })))))
      : h('p', { id: 'review-inbox-empty' }, t('reviewer.none')));
  if (flash) { say(flash); flash = null; }
  return undefined;
}

async function reviewPage(main, caseId) {
  const path = `/cases/${encodeURIComponent(caseId)}`;
  const [k, open] = await Promise.all([api.get(path), api.get('/reviews/requested')]);
  let plan = null;
  try { plan = await api.get(`${path}/plan`); } catch (e) { if (e.status !== 404) throw e; }
  const request = open.find((r) => r.caseId === k.id);
  const me = api.user() || {};
  const reviewerName = field(t('review.reviewerName'), 'input', { name: 'reviewerName', required: true, value: me.name || '', autocomplete: 'name' });
  const organisation = field(t('review.organisation'), 'input', { name: 'organisation', required: true, autocomplete: 'organization' });
  const conclusion = field(t('review.conclusion'), 'textarea', { name: 'conclusion', required: true });
  const supports = field(t('review.supportsLong'), 'input', { type: 'checkbox', name: 'supportsCourtRequest' });
  supports.wrap.classList.add('inline');
  const form = h('form', { id: 'review-form', novalidate: true }, h('p', {}, t('reviewer.signHelp', { name: me.name || me.id || '' })),
    h('div', { class: 'row' }, reviewerName.wrap, organisation.wrap), conclusion.wrap, supports.wrap,
    h('button', { type: 'submit' }, t('reviewer.sign')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const done = await act(() => api.post(`${path}/reviews`, { reviewerName: reviewerName.input.value, organisation: organisation.input.value,
      conclusion: conclusion.input.value, supportsCourtRequest: supports.input.checked }));
    if (done) { flash = t('reviewer.signed'); location.hash = '#/reviews'; }
  });
  const names = k.members.map((m) => `${m.person.givenName} ${m.person.familyName}`
    + ((m.roles || []).length ? ` (${[...m.roles].map((r) => te('FamilyRole', r)).join(', ')})` : '')).join('; ');
  const list = (title, items, text) => (items && items.length ? [h('h3', {}, title), h('ul', {}, items.map((i) => h('li', {}, text(i))))] : null);
  replace(main, h('h1', {}, t('reviewer.caseTitle', { municipality: k.municipality })),
    h('p', {}, h('a', { href: '#/reviews' }, t('reviewer.back'))),
    h('section', { class: 'card', 'aria-labelledby': 'review-case-title' }, h('h2', { class: 'card-title', id: 'review-case-title' }, t('reviewer.case')),
      h('dl', { class: 'facts utrecht-data-list' },
        h('dt', {}, t('glance.family')), h('dd', {}, names),
        h('dt', {}, t('glance.phase')), h('dd', {}, statusTag(te('Phase', k.phase), 'info')),
        h('dt', {}, t('glance.framework')), h('dd', {}, statusTag(te('Framework', k.framework), k.framework === 'VOLUNTARY' ? 'ok' : 'warning')),
        h('dt', {}, t('case.signal')), h('dd', {}, k.signal ? k.signal.description : ''),
        h('dt', {}, t('review.question')), h('dd', { id: 'review-question' }, request ? request.question : t('reviewer.noOpenRequest')))),
    h('section', { 'aria-labelledby': 'review-plan-title' }, h('h2', { id: 'review-plan-title' }, plan ? t('reviewer.plan', { version: plan.version }) : t('reviewer.noPlan')),
      plan ? [list(t('plan.goals'), plan.goals, (g) => g.description), list(t('plan.agreements'), plan.agreements, (a) => `${a.description} — ${a.who}`),
        list(t('plan.conditions'), plan.conditions, (c) => `${c.description} ${t('reviewer.otherwise')} ${c.consequence}`),
        plan.familyView ? [h('h3', {}, t('reviewer.familyView')), h('p', {}, plan.familyView)] : null] : null),
    h('section', { 'aria-labelledby': 'review-sign-title' }, h('h2', { id: 'review-sign-title' }, t('reviewer.sign')), form));
  return undefined;
}
