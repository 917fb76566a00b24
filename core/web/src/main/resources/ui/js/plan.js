// The family plan editor: versions (each save is a new version), the diff between two versions,
// goals per person and life domain, actions, safety agreements, conditions with their consequence,
// and the text the family reads. A save names the version it edits (If-Match), so two people
// editing at once cannot overwrite each other.
import { h, replace, field, formatDate } from './dom.js';
import { t, te, language } from './i18n.js';
import * as api from './api.js';
import { act } from './app.js';

const DOMAINS = ['SAFETY', 'PARENTING', 'DEVELOPMENT_AND_SCHOOL', 'INCOME_AND_DEBT', 'HOUSING', 'HEALTH', 'ADDICTION',
  'SOCIAL_NETWORK', 'WORK_AND_DAYTIME'];

export async function planSection(k, path, reload) {
  let latest = null;
  let versions = [];
  try {
    latest = await api.get(`${path}/plan`);
    versions = await api.get(`${path}/plan/versions`);
  } catch (e) {
    if (e.status !== 404) throw e;
  }
  const persons = [['', t('plan.wholeFamily')], ...k.members.map((m) => [m.person.id, `${m.person.givenName} ${m.person.familyName}`])];
  const name = (id) => (persons.find(([p]) => p === id) || [id, id])[1];
  const view = h('div', { id: 'plan-current' });
  if (latest) {
    view.append(h('div', {}, h('p', { id: 'plan-version' }, t('plan.version', { n: latest.version, at: formatDate(latest.createdAt, language()), by: ((k.team || []).find((a) => a.professionalId === latest.createdBy) || {}).name || latest.createdBy })),
      h('h3', {}, t('plan.goals')),
      h('ul', {}, latest.goals.map((g) => h('li', {}, h('strong', {}, `${te('LifeDomain', g.domain)} · ${name(g.personId || '')}: `), g.description))),
      latest.actions.length ? h('h3', {}, t('plan.actions')) : null,
      h('ul', {}, latest.actions.map((a) => h('li', {}, `${a.description} — ${a.who}`))),
      h('h3', {}, t('plan.agreements')),
      h('ul', {}, latest.agreements.map((a) => h('li', {}, `${a.description} — ${a.who}`))),
      h('h3', {}, t('plan.conditions')),
      h('ul', {}, latest.conditions.map((c) => h('li', {}, c.description, h('br'), h('em', {}, `${t('plan.ifNot')}: ${c.consequence}`),
        c.deadline ? ` (${t('plan.deadline')} ${formatDate(c.deadline, language())})` : '')))));
  } else {
    view.append(h('p', {}, t('plan.none')));
  }
  const author = (id) => ((k.team || []).find((a) => a.professionalId === id) || {}).name || id;
  return h('div', {}, view, versionsAndDiff(path, versions, author), editor(k, path, latest, persons, reload));
}

function versionsAndDiff(path, versions, author = (id) => id) {
  if (versions.length < 2) return null;
  const options = versions.map((v) => [String(v.version), t('plan.versionShort', { n: v.version, note: v.note || '' })]);
  const from = field(t('plan.diffFrom'), 'select', { name: 'diffFrom' }, options);
  const to = field(t('plan.diffTo'), 'select', { name: 'diffTo' }, options);
  from.input.value = String(versions[versions.length - 2].version);
  to.input.value = String(versions[versions.length - 1].version);
  const out = h('div', { id: 'plan-diff', 'aria-live': 'polite' });
  const form = h('form', { class: 'row', id: 'diff-form' }, from.wrap, to.wrap, h('div', { class: 'field' }, h('button', { type: 'submit' }, t('plan.compare'))));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const diff = await act(() => api.get(`${path}/plan/diff${api.query({ from: from.input.value, to: to.input.value })}`));
    if (!diff) return;
    replace(out, diff.changes.length ? h('ul', {}, diff.changes.map((c) => h('li', { class: `diff-${c.change.toLowerCase()}` },
      `${t(`plan.change.${c.change.toLowerCase()}`)} — ${t(`plan.section.${c.section}`)}: `, describe(c.before), c.before && c.after ? ' → ' : '', describe(c.after))))
      : h('p', {}, t('plan.noChanges')));
  });
  return h('div', {}, h('h3', {}, t('plan.versions')),
    h('ol', {}, versions.map((v) => h('li', {}, `${formatDate(v.createdAt, language())} — ${author(v.createdBy)}${v.note ? `: ${v.note}` : ''}`))),
    form, out);
}

function describe(value) {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  return value.description || value.text || JSON.stringify(value);
}

function editor(k, path, latest, persons, reload) {
  const lists = {
    goals: h('div', { id: 'goals' }),
    actions: h('div', { id: 'actions' }),
    agreements: h('div', { id: 'agreements' }),
    conditions: h('div', { id: 'conditions' }),
  };
  const removeButton = (el) => h('button', { type: 'button', class: 'utrecht-button utrecht-button--secondary-action', onclick: () => el.remove() }, t('plan.remove'));
  const makers = {
    goals: (g = {}) => {
      const el = h('div', { class: 'plan-item goal', dataset: { id: g.id || '' } });
      const who = field(t('plan.goal.person'), 'select', { name: 'personId' }, persons);
      who.input.value = g.personId || '';
      const domain = field(t('plan.goal.domain'), 'select', { name: 'domain' }, DOMAINS.map((d) => [d, te('LifeDomain', d)]));
      domain.input.value = g.domain || 'SAFETY';
      const text = field(t('plan.goal.description'), 'textarea', { name: 'description' });
      text.input.value = g.description || '';
      el.append(h('div', { class: 'row' }, who.wrap, domain.wrap), text.wrap, removeButton(el));
      return el;
    },
    actions: (a = {}) => {
      const el = h('div', { class: 'plan-item action', dataset: { id: a.id || '' } });
      const text = field(t('plan.action.description'), 'input', { name: 'description', value: a.description || '' });
      const who = field(t('plan.who'), 'input', { name: 'who', value: a.who || '' });
      el.append(h('div', { class: 'row' }, text.wrap, who.wrap), removeButton(el));
      el.dataset.goalId = a.goalId || '';
      return el;
    },
    agreements: (a = {}) => {
      const el = h('div', { class: 'plan-item agreement', dataset: { id: a.id || '' } });
      const text = field(t('plan.agreement.description'), 'input', { name: 'description', value: a.description || '' });
      const who = field(t('plan.who'), 'input', { name: 'who', value: a.who || '' });
      el.append(h('div', { class: 'row' }, text.wrap, who.wrap), removeButton(el));
      return el;
    },
    conditions: (c = {}) => {
      const el = h('div', { class: 'plan-item condition', dataset: { id: c.id || '' } });
      const text = field(t('plan.condition.description'), 'input', { name: 'description', value: c.description || '' });
      const consequence = field(t('plan.condition.consequence'), 'input', { name: 'consequence', value: c.consequence || '' });
      const deadline = field(t('plan.deadline'), 'input', { name: 'deadline', type: 'date', value: c.deadline || '' });
      el.append(h('div', { class: 'row' }, text.wrap, consequence.wrap, deadline.wrap), removeButton(el));
      return el;
    },
  };
  for (const key of Object.keys(lists)) {
    (latest ? latest[key] : []).forEach((item) => lists[key].append(makers[key](item)));
  }
  if (!latest) lists.goals.append(makers.goals());
  const familyText = field(t('plan.familyView'), 'textarea', { name: 'familyView' });
  familyText.input.value = latest?.familyView || '';
  const note = field(t('plan.note'), 'input', { name: 'note' });
  const group = (key) => h('fieldset', {}, h('legend', {}, t(`plan.${key}`)), lists[key],
    h('button', { type: 'button', class: 'utrecht-button utrecht-button--secondary-action', id: `add-${key}`, onclick: () => { const el = makers[key](); lists[key].append(el); el.querySelector('select, input, textarea').focus(); } },
      t(`plan.add.${key}`)));
  const form = h('form', { id: 'plan-form' }, group('goals'), group('actions'), group('agreements'), group('conditions'), familyText.wrap, note.wrap,
    h('button', { type: 'submit', id: 'save-plan' }, latest ? t('plan.saveNew') : t('plan.saveFirst')));
  const val = (el, n) => { const x = el.querySelector(`[name="${n}"]`); return x ? x.value.trim() : ''; };
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = {
      goals: [...lists.goals.children].map((el) => ({ id: el.dataset.id || null, personId: val(el, 'personId') || null, domain: val(el, 'domain'), description: val(el, 'description') })),
      actions: [...lists.actions.children].map((el) => ({ id: el.dataset.id || null, goalId: el.dataset.goalId || null, description: val(el, 'description'), who: val(el, 'who'), start: null, end: null })),
      agreements: [...lists.agreements.children].map((el) => ({ id: el.dataset.id || null, description: val(el, 'description'), who: val(el, 'who') })),
      conditions: [...lists.conditions.children].map((el) => ({ id: el.dataset.id || null, description: val(el, 'description'), consequence: val(el, 'consequence'), deadline: val(el, 'deadline') || null })),
      familyView: familyText.input.value.trim() || null,
      note: note.input.value.trim() || null,
    };
    const saved = await act(() => api.post(`${path}/plan`, body, { ifMatch: latest ? latest.version : null }), t('plan.saved'));
    if (saved) reload();
  });
  return h('details', { class: 'no-print', open: !latest, id: 'plan-editor' }, h('summary', {}, latest ? t('plan.edit') : t('plan.write')), form);
}
