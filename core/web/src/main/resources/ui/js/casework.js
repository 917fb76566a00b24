// ui (issue 18 part 4): the case's work that needs a screen of its own: independent reviews (asked of a
// named reviewer, who signs them with their own login: reviews.js), evaluations of the plan, court
// requests (resting on a signed review), closing the case with its structured outcome (issue 15) and
// the family's experience, the family's members over time (issue 14), care requests, and break-glass
// access for a professional who is not on the case. Each part reads first and opens its form behind
// a summary; the API is the guard and its refusals are shown in words (act()).
import { h, replace, field, formatDate, today, statusTag, confirmDialog } from './dom.js';
import { t, te, language } from './i18n.js';
import * as api from './api.js';
import { act } from './app.js';

const MEASURES = ['OTS', 'OUT_OF_HOME_PLACEMENT', 'GUARDIANSHIP'];
const OUTCOMES = ['GOALS_REACHED', 'TRANSFERRED', 'OUT_OF_HOME_PREVENTED', 'OUT_OF_HOME_PLACED', 'COURT_MEASURE',
  'FAMILY_MOVED', 'OTHER', 'UNKNOWN'];
const when = (d) => (d ? formatDate(d, language()) : '');

function name(k, id) {
  const m = k.members.find((x) => x.person.id === id);
  return m ? `${m.person.givenName} ${m.person.familyName}` : id || '';
}

function actor(k, id) {
  const a = (k.team || []).find((x) => x.professionalId === id);
  return a ? a.name : id || '';
}

/** Independent reviews: who was asked, what they answered (signed with their own login), and asking one. */
export async function reviews(k, path, reload) {
  const [requests, done] = await Promise.all([api.get(`${path}/review-requests`), api.get(`${path}/reviews`)]);
  const reviewer = field(t('review.reviewerId'), 'input', { name: 'reviewerId', required: true, hint: t('review.reviewerIdHint'), autocomplete: 'off' });
  import('./colleagues.js').then((m) => m.pickColleague(reviewer.input, 'INDEPENDENT_REVIEWER'));
  const question = field(t('review.question'), 'textarea', { name: 'question', required: true });
  const form = h('form', { id: 'review-request-form', novalidate: true }, reviewer.wrap, question.wrap,
    h('button', { type: 'submit' }, t('review.ask')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (await act(() => api.post(`${path}/review-requests`, { reviewerId: reviewer.input.value.trim(), question: question.input.value }),
      t('review.asked'))) reload();
  });
  const byId = new Map(done.map((r) => [r.id, r]));
  return h('div', {},
    h('p', { class: 'muted' }, t('review.intro')),
    h('h3', {}, t('review.requests')),
    requests.length ? h('ul', { id: 'review-requests' }, requests.map((r) => h('li', {},
      statusTag(r.reviewId ? t('review.answered') : t('review.open'), r.reviewId ? 'ok' : 'warning'), ' ',
      t('review.requestLine', { reviewer: r.reviewerId, version: r.planVersion, at: when(r.requestedAt), by: actor(k, r.requestedBy) }),
      h('br'), h('q', {}, r.question),
      r.reviewId && byId.get(r.reviewId) ? h('span', { class: 'muted' }, ` — ${byId.get(r.reviewId).conclusion}`) : null)))
      : h('p', { class: 'muted' }, t('review.noRequests')),
    h('h3', {}, t('review.done')),
    done.length ? h('table', { id: 'reviews' },
      h('thead', {}, h('tr', {}, ['review.reviewer', 'review.conclusion', 'review.supports', 'review.planVersion', 'common.when']
        .map((x) => h('th', { scope: 'col' }, t(x))))),
      h('tbody', {}, done.map((r) => h('tr', {}, h('td', {}, `${r.reviewerName} (${r.organisation})`), h('td', {}, r.conclusion),
        h('td', {}, r.supportsCourtRequest ? t('consent.yes') : t('consent.no')), h('td', {}, String(r.planVersion)),
        h('td', {}, `${when(r.recordedAt)} (${t('review.signedBy', { id: r.recordedBy })})`)))))
      : h('p', { class: 'muted' }, t('review.none')),
    k.status === 'CLOSED' ? null : h('details', { class: 'no-print' }, h('summary', {}, t('review.ask')), form));
}

/** Evaluations of the plan: the list and a new one. */
export async function evaluations(k, path, reload) {
  const list = await api.get(`${path}/evaluations`);
  const date = field(t('evaluation.date'), 'input', { name: 'evaluationDate', type: 'date', required: true, value: today(), field: 'date' });
  const summary = field(t('evaluation.summary'), 'textarea', { name: 'summary', required: true });
  const opinion = field(t('evaluation.familyOpinion'), 'textarea', { name: 'familyOpinion', hint: t('evaluation.familyOpinionHint') });
  const form = h('form', { id: 'evaluation-form', novalidate: true }, date.wrap, summary.wrap, opinion.wrap,
    h('button', { type: 'submit' }, t('evaluation.add')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (await act(() => api.post(`${path}/evaluations`, { date: date.input.value || null, summary: summary.input.value,
      familyOpinion: opinion.input.value }), t('common.saved'))) reload();
  });
  return h('div', {},
    list.length ? h('ul', { id: 'evaluations' }, list.map((e) => h('li', { class: 'plan-item' },
      h('strong', {}, `${when(e.date)} — ${t('evaluation.ofVersion', { version: e.planVersion })}`), h('p', {}, e.summary),
      e.familyOpinion ? h('p', {}, h('em', {}, t('evaluation.familySays')), ' ', e.familyOpinion) : null,
      h('p', { class: 'muted' }, t('history.by', { name: actor(k, e.recordedBy) })))))
      : h('p', { class: 'muted' }, t('evaluation.none')),
    k.status === 'CLOSED' ? null : h('details', { class: 'no-print' }, h('summary', {}, t('evaluation.add')), form));
}

/** Court requests: each names the signed independent review it rests on. */
export async function court(k, path, reload) {
  const [list, done] = await Promise.all([api.get(`${path}/court-requests`), api.get(`${path}/reviews`)]);
  const measure = field(t('court.measure'), 'select', { name: 'courtMeasure', field: 'measure', required: true }, MEASURES.map((m) => [m, te('MeasureType', m)]));
  const grounds = field(t('court.grounds'), 'textarea', { name: 'grounds', required: true });
  const form = h('form', { id: 'court-form', novalidate: true }, h('p', { class: 'muted' }, t('court.help')), measure.wrap, grounds.wrap,
    h('button', { type: 'submit' }, t('court.request')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (await act(() => api.post(`${path}/court-requests`, { measure: measure.input.value, grounds: grounds.input.value }),
      t('court.requested'))) reload();
  });
  const review = (id) => done.find((r) => r.id === id);
  return h('div', {},
    list.length ? h('ul', { id: 'court-requests' }, list.map((c) => h('li', { class: 'plan-item' },
      h('strong', {}, te('MeasureType', c.measure)), ` — ${when(c.requestedAt)} (${t('history.by', { name: actor(k, c.requestedBy) })})`,
      h('p', {}, c.grounds),
      h('p', { class: 'muted' }, review(c.reviewId) ? t('court.restsOn', { reviewer: review(c.reviewId).reviewerName, version: c.planVersion })
        : t('court.restsOnId', { id: c.reviewId || '' })))))
      : h('p', { class: 'muted' }, t('court.none')),
    k.status === 'CLOSED' ? null : h('details', { class: 'no-print' }, h('summary', {}, t('court.request')), form));
}

/** Closing the case with its structured outcome (issue 15), and the family's experience (also after closing). */
export async function closing(k, path, reload) {
  const out = h('div', {});
  let outcome = null;
  try {
    outcome = await api.get(`${path}/outcome`);
  } catch (e) {
    if (e.status !== 404) throw e;
  }
  if (k.status === 'CLOSED' || (outcome && outcome.outcome)) {
    out.append(h('dl', { class: 'facts utrecht-data-list', id: 'case-outcome' },
      h('dt', {}, t('close.outcome')), h('dd', {}, statusTag(te('ClosingOutcome', outcome && outcome.outcome), 'neutral')),
      h('dt', {}, t('close.closedOn')), h('dd', {}, when(outcome && outcome.closedOn)),
      h('dt', {}, t('common.reason')), h('dd', {}, (outcome && outcome.reasons) || '')));
  } else {
    const what = field(t('close.outcome'), 'select', { name: 'outcome', required: true },
      [['', t('close.choose')], ...OUTCOMES.map((o) => [o, te('ClosingOutcome', o)])]);
    const reason = field(t('close.reason'), 'textarea', { name: 'closeReason', field: 'reason', required: true });
    const form = h('form', { id: 'close-form', novalidate: true }, h('p', { class: 'muted' }, t('close.help')), what.wrap, reason.wrap,
      h('button', { type: 'submit' }, t('close.submit')));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const button = ev.submitter;
      if (!(await confirmDialog(t('close.confirmTitle'), t('close.confirmText'), t('close.submit')))) return;
      if (await act(() => api.post(`${path}/close`, { reason: reason.input.value, outcome: what.input.value || null }, { ifMatch: k.version }),
        t('close.closed'), { form, button })) reload();
    });
    out.append(h('details', { class: 'no-print' }, h('summary', {}, t('close.submit')), form));
  }
  // the family's experience, per member, by the family or on their behalf
  const experiences = (outcome && outcome.experiences) || [];
  const who = field(t('experience.person'), 'select', { name: 'experiencePerson', field: 'personId' },
    k.members.map((m) => [m.person.id, `${m.person.givenName} ${m.person.familyName}`]));
  const score = field(t('experience.score'), 'select', { name: 'score', required: true }, [1, 2, 3, 4, 5].map((n) => [String(n), t(`experience.score${n}`)]));
  score.input.value = '4';
  const as = field(t('experience.recordedAs'), 'select', { name: 'recordedAs' }, [['FAMILY', t('experience.asFamily')], ['PROFESSIONAL', t('experience.asProfessional')]]);
  const remark = field(t('experience.remark'), 'input', { name: 'remark' });
  const form = h('form', { id: 'experience-form', novalidate: true }, h('div', { class: 'row' }, who.wrap, score.wrap, as.wrap), remark.wrap,
    h('button', { type: 'submit' }, t('experience.add')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (await act(() => api.post(`${path}/experiences`, { personId: who.input.value, score: Number(score.input.value), recordedAs: as.input.value,
      remark: remark.input.value || null }), t('common.saved'))) reload();
  });
  out.append(h('h3', {}, t('experience.title')),
    experiences.length ? h('ul', { id: 'experiences' }, experiences.map((x) => h('li', {},
      `${name(k, x.personId)}: ${t(`experience.score${x.score}`)}${x.remark ? ` — ${x.remark}` : ''} `,
      h('span', { class: 'muted' }, `(${x.recordedAs === 'FAMILY' ? t('experience.asFamily') : t('experience.asProfessional')}, ${when(x.recordedAt)})`))))
      : h('p', { class: 'muted' }, t('experience.none')),
    h('details', { class: 'no-print' }, h('summary', {}, t('experience.add')), form));
  return out;
}

/** The family over time (issue 14): who joined, whose roles changed, who left, when and why. */
/** The reason the platform itself gives the members a case opened with (TransactionalLivingService). */
const OPENED_WITH_THE_CASE = 'opened with the case';

export async function memberHistory(k, path) {
  let changes;
  try {
    changes = await api.get(`${path}/members/history`);
  } catch (e) {
    if (e.status === 404 || e.status === 405) return null;
    throw e;
  }
  const roles = (c) => [...(c.roles || [])].map((r) => te('FamilyRole', r)).join(', ');
  return h('section', { 'aria-labelledby': 'members-history-title' },
    h('h3', { id: 'members-history-title' }, t('members.history')),
    changes.length ? h('table', { id: 'members-history' },
      h('thead', {}, h('tr', {}, ['members.on', 'members.person', 'members.change', 'members.roles', 'common.reason'].map((x) => h('th', { scope: 'col' }, t(x))))),
      h('tbody', {}, changes.map((c) => h('tr', {}, h('td', {}, when(c.on || c.recordedAt)), h('td', {}, name(k, c.personId)),
        h('td', {}, t(`members.kind.${c.kind}`) === `members.kind.${c.kind}` ? c.kind : t(`members.kind.${c.kind}`)),
        h('td', {}, roles(c)), h('td', {}, c.reason === OPENED_WITH_THE_CASE ? t('members.openedWithCase') : c.reason || '')))))
      : h('p', { class: 'muted' }, t('members.noHistory')));
}

/** Care requests (iJw allocation through the bound connector): the list and a new one. */
export async function careRequests(k, path) {
  let list;
  try {
    list = await api.get(`${path}/care-requests`);
  } catch (e) {
    if (e.status === 404 || e.status === 405) return null;
    throw e;
  }
  const box = h('section', { 'aria-labelledby': 'care-requests-title', id: 'care-requests-section' });
  const person = field(t('care.person'), 'select', { name: 'crPerson', field: 'personId' },
    k.members.map((m) => [m.person.id, `${m.person.givenName} ${m.person.familyName}`]));
  const provider = field(t('care.provider'), 'input', { name: 'crProvider', field: 'provider', required: true });
  const category = field(t('careRequest.category'), 'input', { name: 'productCategory', required: true, hint: t('careRequest.categoryHint') });
  const code = field(t('careRequest.code'), 'input', { name: 'productCode' });
  const start = field(t('careRequest.start'), 'input', { name: 'crStart', field: 'start', type: 'date', value: today() });
  const motivation = field(t('care.motivation'), 'textarea', { name: 'crMotivation', field: 'motivation' });
  const form = h('form', { id: 'care-request-form', novalidate: true }, h('div', { class: 'row' }, person.wrap, provider.wrap, category.wrap, code.wrap, start.wrap),
    motivation.wrap, h('button', { type: 'submit' }, t('careRequest.send')));
  const state = (s) => statusTag(t(`careRequest.state.${s}`) === `careRequest.state.${s}` ? s : t(`careRequest.state.${s}`),
    s === 'ALLOCATED' ? 'ok' : s === 'REFUSED' || s === 'FAILED' ? 'error' : 'warning');
  const render = (items) => replace(box, h('h3', { id: 'care-requests-title' }, t('careRequest.title')),
    items.length ? h('table', { id: 'care-requests' }, h('thead', {}, h('tr', {}, ['care.person', 'care.provider', 'careRequest.category', 'careRequest.start', 'careRequest.stateLabel']
      .map((x) => h('th', { scope: 'col' }, t(x))))),
    h('tbody', {}, items.map((r) => h('tr', {}, h('td', {}, name(k, r.personId)), h('td', {}, r.provider), h('td', {}, `${r.productCategory}${r.productCode ? ` (${r.productCode})` : ''}`),
      h('td', {}, when(r.start)), h('td', {}, state(r.state), r.detail ? h('span', { class: 'muted' }, ` ${r.detail}`) : null)))))
      : h('p', { class: 'muted' }, t('careRequest.none')),
    k.status === 'CLOSED' ? null : h('details', { class: 'no-print' }, h('summary', {}, t('careRequest.send')), form));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const made = await act(() => api.post(`${path}/care-requests`, { personId: person.input.value, provider: provider.input.value,
      productCategory: category.input.value, productCode: code.input.value || null, start: start.input.value || null,
      motivation: motivation.input.value || null }), t('careRequest.sent'));
    if (made) render(await api.get(`${path}/care-requests`));
  });
  render(list);
  return box;
}

/**
 * Break-glass: a professional who is not on the case (403 not_assigned) may open it for a limited time,
 * for a stated reason; the grant and every access through it are logged and reviewed (#/break-glass).
 */
export function breakGlass(main, caseId, problem, retry) {
  const reason = field(t('breakGlass.reason'), 'textarea', { name: 'breakGlassReason', field: 'reason', required: true, hint: t('breakGlass.reasonHint') });
  const form = h('form', { id: 'break-glass-form', novalidate: true }, reason.wrap,
    h('button', { type: 'submit', class: 'utrecht-button utrecht-button--primary-action utrecht-button--danger' }, t('breakGlass.open')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const button = ev.submitter;
    if (!(await confirmDialog(t('breakGlass.confirmTitle'), t('breakGlass.confirmText'), t('breakGlass.open')))) return;
    if (await act(() => api.post(`/cases/${encodeURIComponent(caseId)}/break-glass`, { reason: reason.input.value }), t('breakGlass.opened'),
      { form, button })) retry();
  });
  replace(main, h('h1', {}, t('breakGlass.title')),
    h('p', { class: 'utrecht-alert utrecht-alert--error', id: 'page-error' }, problem),
    h('p', {}, t('breakGlass.intro')), form);
}

/**
 * GDPR work on the case (the professional's part): correct a member's name or date of birth (the old
 * value is kept) and ask erasure of a member's data (decided by a second person, the privacy officer,
 * in #/privacy). The person's id is shown for that request.
 */
export function personPrivacy(k, reload) {
  const who = field(t('care.person'), 'select', { name: 'privacyPerson' }, k.members.map((m) => [m.person.id, `${m.person.givenName} ${m.person.familyName}`]));
  const what = field(t('rectify.field'), 'select', { name: 'field', required: true },
    ['givenName', 'familyName', 'dateOfBirth'].map((f) => [f, t(`rectify.field.${f}`)]));
  const value = field(t('rectify.newValue'), 'input', { name: 'newValue', required: true, hint: t('rectify.newValueHint') });
  const why = field(t('common.reason'), 'input', { name: 'rectifyReason', field: 'reason', required: true });
  const rectify = h('form', { id: 'rectify-form', novalidate: true }, h('div', { class: 'row' }, what.wrap, value.wrap, why.wrap),
    h('button', { type: 'submit' }, t('rectify.submit')));
  rectify.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (await act(() => api.post(`/persons/${encodeURIComponent(who.input.value)}/rectifications`,
      { field: what.input.value, newValue: value.input.value, reason: why.input.value }), t('rectify.done'))) reload();
  });
  const erasureWhy = field(t('erasure.reason'), 'input', { name: 'erasureReason', field: 'reason', required: true });
  const erase = h('form', { id: 'erasure-form', novalidate: true, class: 'row' }, erasureWhy.wrap,
    h('div', { class: 'field' }, h('button', { type: 'submit', class: 'utrecht-button utrecht-button--secondary-action' }, t('erasure.request'))));
  erase.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const r = await act(() => api.post(`/persons/${encodeURIComponent(who.input.value)}/erasure-requests`, { reason: erasureWhy.input.value }));
    if (r) replace(erasureOut, h('p', { class: 'utrecht-alert utrecht-alert--ok' }, t('erasure.requested', { id: who.input.value })));
  });
  const erasureOut = h('div', { 'aria-live': 'polite' });
  return h('details', { class: 'no-print', id: 'person-privacy' }, h('summary', {}, t('rectify.title')),
    who.wrap, h('h4', {}, t('rectify.heading')), rectify, h('h4', {}, t('erasure.heading')), h('p', { class: 'muted' }, t('erasure.help')), erase, erasureOut);
}
