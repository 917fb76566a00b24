// The municipality's inbox (issue 14 part 4): the maatwerk and care requests addressed to the user's
// municipalities, each with what deciding needs and nothing more of the case (who, what, from whom, why,
// by when), a decision form (granted / refused / partly, with reasons), the alerts for the user, and how
// long the municipality takes to decide. The API decides who sees what; this page only shows it.
import { h, replace, field, formatDate } from './dom.js';
import { t, language } from './i18n.js';
import * as api from './api.js';
import { act } from './app.js';

const OUTCOMES = ['GRANTED', 'PARTLY', 'REFUSED'];

export async function render(main) {
  const all = h('input', { type: 'checkbox', id: 'inbox-all' });
  const list = h('div', { id: 'inbox-list', 'aria-live': 'polite' });
  const alerts = h('div', { id: 'inbox-alerts' });
  const times = h('div', { id: 'inbox-times' });
  async function show() {
    const items = await api.get(`/municipality/inbox${api.query({ all: all.checked ? 'true' : '' })}`);
    replace(list, items.length ? h('ul', { class: 'inbox' }, items.map((i) => item(i, show))) : h('p', {}, t('inbox.empty')));
  }
  all.addEventListener('change', () => show());
  replace(main, h('h1', {}, t('inbox.title')), h('p', {}, t('inbox.intro')),
    h('div', { class: 'field' }, all, h('label', { for: 'inbox-all' }, ` ${t('inbox.showDecided')}`)),
    list, h('h2', {}, t('inbox.alerts')), alerts, h('h2', {}, t('inbox.times')), times);
  await show();
  const mine = await api.get('/municipality/alerts');
  replace(alerts, mine.length ? h('ul', {}, mine.map((a) => h('li', {}, `${formatDate(a.at, language())}: ${a.message}`)))
    : h('p', { class: 'muted' }, t('inbox.noAlerts')));
  const rows = await api.get('/monitor/decision-times');
  replace(times, h('table', { id: 'decision-times' },
    h('thead', {}, h('tr', {}, ['inbox.col.municipality', 'inbox.col.requests', 'inbox.col.decided', 'inbox.col.open', 'inbox.col.overdue',
      'inbox.col.average', 'inbox.col.longest'].map((x) => h('th', { scope: 'col' }, t(x))))),
    h('tbody', {}, rows.map((r) => h('tr', {}, h('th', { scope: 'row' }, r.municipality), h('td', {}, r.requests), h('td', {}, r.decided),
      h('td', {}, r.open), h('td', {}, r.overdue), h('td', {}, days(r.averageDays)), h('td', {}, days(r.longestDays)))))));
}

function days(v) {
  return v === null || v === undefined ? '—' : String(v).replace('.', language() === 'nl' ? ',' : '.');
}

function item(i, refresh) {
  const what = i.kind === 'MAATWERK' ? t('inbox.kind.MAATWERK') : t('inbox.kind.CARE');
  const li = h('li', { class: 'inbox-item', dataset: { request: i.id } },
    h('h3', {}, `${what}: ${i.provider}${i.product ? ` (${i.product})` : ''} — ${i.personName}`),
    h('p', {}, t('inbox.forWhom', { name: i.personName, born: formatDate(i.dateOfBirth, language()), municipality: i.municipality })),
    h('p', {}, t('inbox.asked', { at: formatDate(i.requestedAt, language()), by: i.requestedBy })),
    h('blockquote', {}, i.motivation),
    h('p', {}, i.deadline ? `${t('care.deadline')} ${formatDate(i.deadline, language())}` : t('inbox.noDeadline'),
      i.overdue ? h('strong', { class: 'diff-removed' }, ` (${t('care.overdue')})`) : null));
  if (i.decision) {
    const d = i.decision;
    li.append(h('p', { class: 'utrecht-alert utrecht-alert--ok' }, t('inbox.decided', { outcome: t(`inbox.outcome.${d.outcome}`), by: d.decidedByName,
      at: formatDate(d.decidedAt, language()), until: formatDate(d.objectionUntil, language()) })), h('p', {}, d.reasons));
    return li;
  }
  if (i.state !== 'SUBMITTED' && i.state !== 'FALLBACK') {
    li.append(h('p', { class: 'muted' }, t('inbox.decidedElsewhere', { state: i.state })));
    return li;
  }
  const outcome = field(t('inbox.outcome'), 'select', { name: 'outcome' }, OUTCOMES.map((o) => [o, t(`inbox.outcome.${o}`)]));
  const reasons = field(t('inbox.reasons'), 'textarea', { name: 'reasons', required: true });
  const form = h('form', { class: 'decision-form' }, outcome.wrap, reasons.wrap, h('button', { type: 'submit' }, t('inbox.decide')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const done = await act(() => api.post(`/municipality/inbox/${encodeURIComponent(i.id)}/decision`,
      { outcome: outcome.input.value, reasons: reasons.input.value }), t('inbox.recorded'));
    if (done) await refresh();
  });
  li.append(form);
  return li;
}
