// ui (issue 18 part 4): the joint triage's assessors (SAFETY_DIRECTOR, PROCESS_DIRECTOR, issue 14 part 7):
// the triages of their municipalities waiting for their assessment (GET /triage/assessments/pending),
// oldest first, and an assessment per case in the role they hold (POST /cases/{id}/triage/assessments),
// without joining the family's team. The API refuses an assessment in a role the user does not hold
// (assessor-role-required) or a second one in another role (joint-triage-different-assessors).
import { h, replace, field, formatDate, statusTag } from './dom.js';
import { t, te, language, words, rationale } from './i18n.js';
import * as api from './api.js';
import { act } from './app.js';

const ROUTES = ['LOCAL_TEAM', 'REGIONAL_SAFETY_TEAM', 'VEILIGHEIDSHUIS_TABLE', 'MDA_PLUS_PLUS', 'MANUAL_TRIAGE'];
const ASSESSORS = ['SAFETY_DIRECTOR', 'PROCESS_DIRECTOR'];

export async function render(main) {
  const body = h('div', { id: 'assessments', 'aria-live': 'polite' });
  const mine = ((api.user() && api.user().roles) || []).filter((r) => ASSESSORS.includes(r));
  async function show() {
    const pending = await api.get('/triage/assessments/pending');
    replace(body, pending.length ? h('ul', { class: 'inbox' }, pending.map((o) => item(o, mine, show)))
      : h('p', { id: 'assessments-empty' }, t('assess.none')));
  }
  replace(main, h('h1', {}, t('assess.title')), h('p', {}, t('assess.intro')), body);
  await show();
}

function item(o, mine, refresh) {
  const d = o.decision || {};
  const role = field(t('assess.role'), 'select', { name: 'assessorRole', required: true }, mine.map((r) => [r, te('Role', r)]));
  const recommendation = field(t('assess.recommendation'), 'select', { name: 'recommendation', required: true }, ROUTES.map((r) => [r, te('Route', r)]));
  const note = field(t('assess.note'), 'textarea', { name: 'note', required: true });
  const form = h('form', { class: 'assessment-form', novalidate: true, dataset: { caseId: o.caseId } },
    h('div', { class: 'row' }, role.wrap, recommendation.wrap), note.wrap, h('button', { type: 'submit' }, t('assess.submit')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const done = await act(() => api.post(`/cases/${encodeURIComponent(o.caseId)}/triage/assessments`,
      { assessorRole: role.input.value, recommendation: recommendation.input.value, note: note.input.value }), t('assess.recorded'));
    if (done) await refresh();
  });
  return h('li', { class: 'inbox-item' },
    h('h2', {}, t('assess.item', { at: formatDate(o.at, language()) }), ' ', statusTag(t('triage.pending'), 'warning')),
    h('p', {}, d.route ? h('strong', {}, te('Route', d.route)) : null, d.classification ? ` — ${words(d.classification)}` : ''),
    d.rationale ? h('p', { class: 'rationale' }, rationale(d)) : null,
    form);
}
