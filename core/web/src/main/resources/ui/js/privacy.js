// ui (issue 18 part 4): GDPR work for the privacy officer (in this platform the regional administrator:
// the API gives REGIONAL_ADMINISTRATOR the export, the erasure decisions and the legal holds). For a
// person: what is held (GET /persons/{id}/export, shown as its printable page), their erasure requests
// with approve or reject by a second person (four eyes: the API refuses the requester), and legal holds
// on a person or a case (place, lift). Requests for erasure and rectifications are made by the
// professional on the case (its family tab).
import { h, replace, field, formatDate, statusTag } from './dom.js';
import { t, language } from './i18n.js';
import * as api from './api.js';
import { act } from './app.js';

export async function render(main) {
  const subject = field(t('privacy.subjectId'), 'input', { name: 'subjectId', required: true, autocomplete: 'off', hint: t('privacy.subjectHint') });
  const kind = field(t('privacy.subjectType'), 'select', { name: 'subjectType' }, [['PERSON', t('privacy.person')], ['CASE', t('privacy.case')]]);
  const out = h('div', { id: 'privacy-result', 'aria-live': 'polite' });
  const form = h('form', { id: 'privacy-form', novalidate: true }, h('div', { class: 'row' }, kind.wrap, subject.wrap), h('button', { type: 'submit' }, t('privacy.open')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const id = subject.input.value.trim();
    const type = kind.input.value;
    const parts = await act(async () => {
      const holds = await api.get(`/legal-holds${api.query({ subjectId: id })}`);
      const erasures = type === 'PERSON' ? await api.get(`/persons/${encodeURIComponent(id)}/erasure-requests`) : null;
      return { holds, erasures };
    }, null, { form, button: ev.submitter });
    if (parts) replace(out, subjectView(type, id, parts, () => form.requestSubmit()));
  });
  replace(main, h('h1', {}, t('privacy.title')), h('p', {}, t('privacy.intro')), form, out);
}

function subjectView(type, id, { holds, erasures }, refresh) {
  const reason = field(t('privacy.holdReason'), 'input', { name: 'holdReason', field: 'reason', required: true });
  const holdForm = h('form', { id: 'hold-form', novalidate: true, class: 'row' }, reason.wrap,
    h('div', { class: 'field' }, h('button', { type: 'submit' }, t('privacy.placeHold'))));
  holdForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (await act(() => api.post('/legal-holds', { subjectType: type, subjectId: id, reason: reason.input.value }), t('privacy.holdPlaced'))) refresh();
  });
  const lift = (hold) => {
    const note = h('input', { type: 'text', name: `lift-${hold.id}`, 'aria-label': t('privacy.liftNote') });
    return h('span', {}, note, ' ', h('button', { type: 'button', class: 'utrecht-button utrecht-button--secondary-action lift-hold', onclick: async (ev) => {
      if (await act(() => api.post(`/legal-holds/${encodeURIComponent(hold.id)}/lift`, { note: note.value || null }), t('privacy.holdLifted'), { button: ev.currentTarget })) refresh();
    } }, t('privacy.lift')));
  };
  const decide = (r) => {
    const note = h('input', { type: 'text', name: `decide-${r.id}`, 'aria-label': t('privacy.decisionNote') });
    const button = (path, text, cls) => h('button', { type: 'button', class: cls, onclick: async (ev) => {
      if (await act(() => api.post(`/erasure-requests/${encodeURIComponent(r.id)}/${path}`, { note: note.value || null }), t('privacy.decided'), { button: ev.currentTarget })) refresh();
    } }, text);
    return h('span', {}, note, ' ', button('approve', t('privacy.approve'), 'approve-erasure'), ' ', button('reject', t('privacy.reject'), 'utrecht-button utrecht-button--secondary-action reject-erasure'));
  };
  const exportButton = h('button', { type: 'button', class: 'utrecht-button utrecht-button--secondary-action', id: 'privacy-export', onclick: async (ev) => {
    const html = await act(() => api.get(`/persons/${encodeURIComponent(id)}/export.html`, { accept: 'text/html' }), null, { button: ev.currentTarget });
    if (typeof html !== 'string') return;
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    const link = h('a', { href: url, download: `inzage-${id}.html` });
    document.body.append(link); link.click(); link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } }, t('privacy.export'));
  return h('div', {},
    type === 'PERSON' ? h('section', { 'aria-labelledby': 'erasure-title' }, h('h2', { id: 'erasure-title' }, t('privacy.erasures')),
      h('p', {}, exportButton),
      erasures.length ? h('table', { id: 'erasure-requests' }, h('thead', {}, h('tr', {}, ['privacy.col.requested', 'common.reason', 'privacy.col.status', 'privacy.col.decision']
        .map((x) => h('th', { scope: 'col' }, t(x))))),
      h('tbody', {}, erasures.map((r) => h('tr', {}, h('td', {}, `${formatDate(r.requestedAt, language())} (${r.requestedBy})`), h('td', {}, r.reason),
        h('td', {}, statusTag(t(`privacy.status.${r.status}`), r.status === 'REQUESTED' ? 'warning' : 'neutral')),
        h('td', {}, r.status === 'REQUESTED' ? decide(r) : `${formatDate(r.decidedAt, language())} (${r.decidedBy})${r.outcome ? `: ${r.outcome}` : ''}`))))) 
        : h('p', { class: 'muted', id: 'erasure-none' }, t('privacy.noErasures'))) : null,
    h('section', { 'aria-labelledby': 'holds-title' }, h('h2', { id: 'holds-title' }, t('privacy.holds')),
      holds.length ? h('ul', { id: 'legal-holds' }, holds.map((hold) => h('li', {}, statusTag(hold.liftedAt ? t('privacy.lifted') : t('privacy.active'), hold.liftedAt ? 'neutral' : 'warning'),
        ` ${hold.reason} — ${formatDate(hold.placedAt, language())} (${hold.placedBy})`, hold.liftedAt ? ` · ${formatDate(hold.liftedAt, language())} (${hold.liftedBy})` : [' ', lift(hold)])))
        : h('p', { class: 'muted', id: 'holds-none' }, t('privacy.noHolds')),
      holdForm));
}
