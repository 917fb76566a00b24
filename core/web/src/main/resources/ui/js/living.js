// The living case's moves, ends and cycles (issue 14, decision 0038), minimal screens: a page per case
// (#/cases/<id>/living) with the move to another municipality, each measure's evaluation before its end,
// the Raad's investigations and the reporters' feedback; and the professional's notices (#/notices).
import { h, replace, field, formatDate, today } from './dom.js';
import { t, language } from './i18n.js';
import * as api from './api.js';
import { act } from './app.js';

const date = (d) => (d ? formatDate(d, language()) : '—');

function form(id, fields, label, send, reload) {
  const f = h('form', { id }, h('div', { class: 'row' }, fields.map((x) => x.wrap)), h('button', { type: 'submit' }, label));
  f.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (await act(send, t('common.saved'))) reload();
  });
  return f;
}

export async function render(main, caseId) {
  const path = `/cases/${encodeURIComponent(caseId)}`;
  const reload = () => render(main, caseId);
  const k = await api.get(path);
  const [moves, cycles, raad, reporters] = await Promise.all([api.get(`${path}/municipality/moves`),
    api.get(`${path}/measures/cycle`), api.get(`${path}/raad-investigations`), api.get(`${path}/reporters`)]);
  const names = Object.fromEntries((k.members || []).map((m) => [m.person.id, `${m.person.givenName} ${m.person.familyName}`]));
  const children = (k.members || []).filter((m) => (m.roles || []).includes('CHILD'));

  const to = field(t('living.move.to'), 'input', { name: 'municipality' });
  const movedOn = field(t('living.move.on'), 'input', { name: 'movedOn', type: 'date', value: today() });
  const why = field(t('common.reason'), 'input', { name: 'reason' });
  const moveSection = h('section', { 'aria-labelledby': 'living-move' }, h('h2', { id: 'living-move' }, t('living.move.title')),
    h('p', {}, t('living.move.now', { municipality: k.municipality })),
    moves.length ? h('ul', {}, moves.map((m) => h('li', {}, t('living.move.item', { from: m.fromMunicipality, to: m.toMunicipality,
      on: date(m.movedOn), by: m.recordedBy, reason: m.reason })))) : null,
    form('move-form', [to, movedOn, why], t('living.move.do'), () => api.post(`${path}/municipality`,
      { municipality: to.input.value, movedOn: movedOn.input.value || null, reason: why.input.value }, { ifMatch: k.etag }), reload));

  const cycleItems = cycles.map((c) => {
    const li = h('li', {}, h('strong', {}, `${t(`living.measure.${c.type}`)} — ${names[c.personId] || ''}`),
      ` ${t('living.cycle.due', { end: date(c.endDate), due: date(c.evaluationDue) })}`,
      c.overdue ? h('strong', { class: 'diff-removed' }, ` (${t('living.cycle.overdue')})`) : null,
      c.choice ? h('span', {}, ` ${t(`living.choice.${c.choice}`)}: ${c.reasons} (${date(c.evaluatedOn)})`) : null);
    if (!c.choice && c.evaluationDue) {
      const choice = field(t('living.cycle.choice'), 'select', { name: 'choice' },
        ['REQUEST_EXTENSION', 'END'].map((x) => [x, t(`living.choice.${x}`)]));
      const reasons = field(t('living.cycle.reasons'), 'input', { name: 'reasons' });
      const on = field(t('living.cycle.on'), 'input', { name: 'evaluatedOn', type: 'date', value: today() });
      li.append(form(`evaluate-${c.measureId}`, [choice, reasons, on], t('living.cycle.do'),
        () => api.post(`${path}/measures/${encodeURIComponent(c.measureId)}/evaluation`,
          { choice: choice.input.value, reasons: reasons.input.value, evaluatedOn: on.input.value || null }), reload));
    }
    return li;
  });
  const cycleSection = h('section', { 'aria-labelledby': 'living-cycle' }, h('h2', { id: 'living-cycle' }, t('living.cycle.title')),
    cycleItems.length ? h('ul', {}, cycleItems) : h('p', { class: 'muted' }, t('living.cycle.none')));

  const child = field(t('living.raad.child'), 'select', { name: 'personId' }, children.map((m) => [m.person.id, names[m.person.id]]));
  const question = field(t('living.raad.question'), 'input', { name: 'question' });
  const requestedOn = field(t('living.raad.on'), 'input', { name: 'requestedOn', type: 'date', value: today() });
  const raadSection = h('section', { 'aria-labelledby': 'living-raad' }, h('h2', { id: 'living-raad' }, t('living.raad.title')),
    raad.length ? h('ul', {}, raad.map((r) => {
      const li = h('li', {}, h('strong', {}, names[r.personId] || ''), ` ${r.question} — ${t('living.raad.due', { due: date(r.reportDue) })}`,
        r.overdue ? h('strong', { class: 'diff-removed' }, ` (${t('living.cycle.overdue')})`) : null,
        r.reportedOn ? ` ${t(`living.raad.${r.conclusion}`)}: ${r.summary} (${date(r.reportedOn)})` : null);
      if (!r.reportedOn) {
        const conclusion = field(t('living.raad.conclusion'), 'select', { name: 'conclusion' },
          ['MEASURE_REQUESTED', 'NO_MEASURE'].map((x) => [x, t(`living.raad.${x}`)]));
        const summary = field(t('living.raad.summary'), 'input', { name: 'summary' });
        const on = field(t('living.raad.reportedOn'), 'input', { name: 'reportedOn', type: 'date', value: today() });
        li.append(form(`report-${r.id}`, [conclusion, summary, on], t('living.raad.report'), () => api.post(
          `${path}/raad-investigations/${encodeURIComponent(r.id)}/report`,
          { conclusion: conclusion.input.value, summary: summary.input.value, reportedOn: on.input.value || null }), reload));
      }
      return li;
    })) : h('p', { class: 'muted' }, t('living.raad.none')),
    h('details', {}, h('summary', {}, t('living.raad.request')), form('raad-form', [child, question, requestedOn],
      t('living.raad.request'), () => api.post(`${path}/raad-investigations`, { personId: child.input.value,
        question: question.input.value, requestedOn: requestedOn.input.value || null }), reload)));

  const organisation = field(t('living.reporter.organisation'), 'input', { name: 'organisation' });
  const contact = field(t('living.reporter.contact'), 'input', { name: 'contact' });
  const reporterSection = h('section', { 'aria-labelledby': 'living-reporters' },
    h('h2', { id: 'living-reporters' }, t('living.reporter.title')),
    reporters.length ? h('ul', {}, reporters.map((r) => {
      const li = h('li', {}, h('strong', {}, r.organisation), ` (${r.contact}) — ${t('living.reporter.due', { due: date(r.feedbackDue) })}`,
        r.overdue ? h('strong', { class: 'diff-removed' }, ` (${t('living.cycle.overdue')})`) : null,
        r.toldOn ? h('span', {}, ` ${t('living.reporter.told', { on: date(r.toldOn) })} “${r.message}”`) : null);
      if (!r.toldOn) {
        const outcome = field(t('living.reporter.outcome'), 'select', { name: 'outcome' },
          ['FOLLOW_UP_STARTED', 'REFERRED_ELSEWHERE', 'NO_FOLLOW_UP'].map((x) => [x, t(`living.outcome.${x}`)]));
        const channel = field(t('living.reporter.channel'), 'select', { name: 'channel' },
          ['PHONE', 'EMAIL', 'LETTER', 'IN_PERSON'].map((x) => [x, t(`living.channel.${x}`)]));
        const on = field(t('living.reporter.on'), 'input', { name: 'toldOn', type: 'date', value: today() });
        li.append(form(`feedback-${r.id}`, [outcome, channel, on], t('living.reporter.tell'), () => api.post(
          `${path}/reporters/${encodeURIComponent(r.id)}/feedback`,
          { outcome: outcome.input.value, channel: channel.input.value, toldOn: on.input.value || null }), reload));
      }
      return li;
    })) : h('p', { class: 'muted' }, t('living.reporter.none')),
    h('details', {}, h('summary', {}, t('living.reporter.add')), form('reporter-form', [organisation, contact],
      t('living.reporter.add'), () => api.post(`${path}/reporters`, { organisation: organisation.input.value,
        contact: contact.input.value }), reload)));

  replace(main, h('h1', {}, t('living.title')), h('p', {}, h('a', { href: `#${path}` }, t('living.back'))),
    moveSection, cycleSection, raadSection, reporterSection);
}

/** #/notices: who else works around the families of the professional's cases (names, never content). */
export async function renderNotices(main) {
  const [regie, crowded] = await Promise.all([api.get('/notices/regie'), api.get('/notices/professionals')]);
  replace(main, h('h1', {}, t('living.notices.title')),
    h('h2', {}, t('living.notices.regie')),
    regie.length ? h('ul', { id: 'regie-notices' }, regie.map((n) => h('li', {}, h('a', { href: `#/cases/${encodeURIComponent(n.caseId)}` },
      t('living.notices.yourCase')), ` ${t('living.notices.other', { name: n.otherUserName, organisation: n.otherOrganisation || '—',
      caseId: n.otherCaseId })}`))) : h('p', { class: 'muted' }, t('living.notices.none')),
    h('h2', {}, t('living.notices.crowded')),
    crowded.length ? h('ul', { id: 'crowd-notices' }, crowded.map((n) => h('li', {}, h('a', { href: `#/cases/${encodeURIComponent(n.caseId)}` },
      t('living.notices.yourCase')), ` ${t('living.notices.count', { count: n.count, threshold: n.threshold })}`,
      h('ul', {}, n.professionals.map((p) => h('li', {}, `${p.name} (${p.organisation})`)))))) : h('p', { class: 'muted' }, t('living.notices.none')));
}
