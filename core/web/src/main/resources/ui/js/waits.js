// Waiting is explicit (issue 14 part 5): on the case, what it waits for, on whom, since when, its age, the
// expected date and who is responsible meanwhile (an active team member); as a page (#/waits), the waiting
// list per organisation and municipality with the count and age, without anything of the family.
import { h, replace, field, formatDate } from './dom.js';
import { t, language } from './i18n.js';
import * as api from './api.js';
import { act } from './app.js';

const KINDS = ['GI_WORKER', 'CARE', 'RAAD_INVESTIGATION'];

/** The case page's section: the waits and a form to record one. */
export async function section(k, path, reload) {
  const waits = await api.get(`${path}/waits`);
  const active = (k.team || []).filter((a) => !a.until);
  const list = waits.length ? h('ul', { id: 'waits' }, waits.map((w) => waitItem(w, path, reload)))
    : h('p', { class: 'muted' }, t('waits.none'));
  const kind = field(t('waits.for'), 'select', { name: 'waitFor' }, KINDS.map((x) => [x, t(`waits.kind.${x}`)]));
  const on = field(t('waits.on'), 'input', { name: 'waitingOn' });
  let requests = [];
  try {
    requests = (await api.get(`${path}/care-requests`)).filter((r) => r.state === 'SUBMITTED' || r.state === 'ALLOCATED');
  } catch (e) { /* no care finder: no care requests to wait on */ }
  const request = field(t('waits.careRequest'), 'select', { name: 'careRequestId' },
    [['', t('common.none')], ...requests.map((r) => [r.id, `${r.productCategory} — ${r.provider}`])]);
  const responsible = field(t('waits.responsible'), 'select', { name: 'responsibleId' },
    active.map((a) => [a.professionalId, `${a.name} (${a.organisation})`]));
  const since = field(t('common.since'), 'input', { name: 'waitSince', type: 'date' });
  const expected = field(t('waits.expected'), 'input', { name: 'waitExpected', type: 'date' });
  const note = field(t('waits.note'), 'input', { name: 'waitNote' });
  const form = h('form', { id: 'wait-form' }, h('div', { class: 'row' }, kind.wrap, on.wrap, request.wrap),
    h('div', { class: 'row' }, responsible.wrap, since.wrap, expected.wrap), note.wrap, h('button', { type: 'submit' }, t('waits.start')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const done = await act(() => api.post(`${path}/waits`, { waitFor: kind.input.value, waitingOn: on.input.value,
      careRequestId: request.input.value || null, responsibleId: responsible.input.value, since: since.input.value || null,
      expected: expected.input.value || null, note: note.input.value || null }), t('common.saved'));
    if (done) reload();
  });
  return h('div', {}, list, h('details', { class: 'no-print' }, h('summary', {}, t('waits.start')), form));
}

function waitItem(w, path, reload) {
  const li = h('li', { dataset: { wait: w.id } },
    h('strong', {}, `${t(`waits.kind.${w.waitFor}`)} — ${w.waitingOn}`),
    ` ${t('waits.since', { since: formatDate(w.since, language()), days: w.ageDays })}`,
    w.expected ? ` ${t('waits.expectedOn', { on: formatDate(w.expected, language()) })}` : '',
    w.pastExpected ? h('strong', { class: 'diff-removed' }, ` (${t('waits.late')})`) : null,
    h('br'), t('waits.responsibleIs', { name: w.responsibleName, organisation: w.responsibleOrg }),
    w.responsibleActive || w.endedOn ? null : h('strong', { class: 'diff-removed' }, ` ${t('waits.responsibleLeft')}`));
  if (w.endedOn) {
    li.append(h('br'), t('waits.ended', { on: formatDate(w.endedOn, language()), reason: w.endReason }));
    return li;
  }
  const reason = field(t('common.reason'), 'input', { name: 'endReason' });
  const form = h('form', { class: 'row' }, reason.wrap, h('div', { class: 'field' }, h('button', { type: 'submit', class: 'utrecht-button utrecht-button--secondary-action' }, t('waits.end'))));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (await act(() => api.post(`${path}/waits/${encodeURIComponent(w.id)}/end`, { reason: reason.input.value }), t('common.saved'))) reload();
  });
  li.append(form);
  return li;
}

/** The waiting list page (#/waits) for coordinators and municipalities. */
export async function render(main) {
  const on = field(t('waits.on'), 'input', { name: 'waitingOn' });
  const body = h('div', { id: 'waiting-list', 'aria-live': 'polite' });
  async function show() {
    const items = await api.get(`/waits${api.query({ waitingOn: on.input.value.trim() })}`);
    replace(body, items.length ? h('table', {}, h('thead', {}, h('tr', {}, ['waits.col.municipality', 'waits.col.for', 'waits.col.on',
      'waits.col.since', 'waits.col.days', 'waits.col.expected', 'waits.col.responsible'].map((x) => h('th', { scope: 'col' }, t(x))))),
    h('tbody', {}, items.map((i) => h('tr', {}, h('td', {}, i.municipality), h('td', {}, t(`waits.kind.${i.waitFor}`)), h('td', {}, i.waitingOn),
      h('td', {}, formatDate(i.since, language())), h('td', {}, i.ageDays), h('td', {}, i.expected ? formatDate(i.expected, language()) : '—',
        i.pastExpected ? ` (${t('waits.late')})` : ''), h('td', {}, `${i.responsibleName} (${i.responsibleOrg})`)))))
      : h('p', {}, t('waits.none')));
  }
  const form = h('form', { class: 'row' }, on.wrap, h('div', { class: 'field' }, h('button', { type: 'submit' }, t('waits.filter'))));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); show(); });
  const figures = await api.get('/monitor/waits');
  replace(main, h('h1', {}, t('waits.title')), h('p', {}, t('waits.intro')), form, body,
    h('h2', {}, t('waits.figures')),
    h('table', { id: 'wait-figures' }, h('thead', {}, h('tr', {}, ['waits.col.municipality', 'waits.col.for', 'waits.col.waiting',
      'waits.col.average', 'waits.col.oldest', 'waits.col.late'].map((x) => h('th', { scope: 'col' }, t(x))))),
    h('tbody', {}, figures.map((f) => h('tr', {}, h('th', { scope: 'row' }, f.municipality), h('td', {}, t(`waits.kind.${f.waitFor}`)),
      h('td', {}, f.waiting), h('td', {}, String(f.averageDays).replace('.', language() === 'nl' ? ',' : '.')), h('td', {}, f.oldestDays),
      h('td', {}, f.pastExpected))))));
  await show();
}
