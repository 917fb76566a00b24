// The outcome monitor: figures for the region or one municipality, drawn as SVG bar charts with a
// table of the same numbers under each, a summary row per municipality, and a CSV download.
// For learning, not blame: nothing here is per professional.
import { h, s, replace, field, formatDate } from './dom.js';
import { t, language } from './i18n.js';
import * as api from './api.js';
import { act } from './app.js';

export async function render(main, initial) {
  const choose = field(t('monitor.scope'), 'select', { name: 'scope' }, [['', t('monitor.region')]]);
  const body = h('div', { id: 'monitor-body', 'aria-live': 'polite' });
  // A button, not a link: the CSV is fetched with the user's credentials (a bearer token is not
  // sent by a plain link) and handed to the browser as a file.
  const csv = h('button', { type: 'button', class: 'secondary', id: 'monitor-csv' }, t('monitor.csv'));
  csv.addEventListener('click', async () => {
    const m = choose.input.value;
    const text = await act(() => api.get(`/monitor.csv${api.query({ municipality: m })}`, { accept: 'text/csv' }));
    if (typeof text !== 'string') return;
    const link = h('a', { href: URL.createObjectURL(new Blob([text], { type: 'text/csv' })), download: `proeftuin-monitor-${m || 'regio'}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  });
  async function show() {
    const m = choose.input.value;
    const report = await api.get(`/monitor${api.query({ municipality: m })}`);
    if (choose.input.options.length === 1) {
      report.rows.filter((r) => r.municipality).forEach((r) => choose.input.append(h('option', { value: r.municipality }, r.municipality)));
    }
    replace(body, content(report));
  }
  choose.input.addEventListener('change', () => show());
  replace(main, h('h1', {}, t('monitor.title')), h('p', {}, t('monitor.intro')),
    h('div', { class: 'row' }, choose.wrap, h('div', { class: 'field' }, csv)), body);
  if (initial) choose.input.value = initial;
  await show();
}

function content(report) {
  const f = report.figures;
  return h('div', {},
    h('p', { class: 'muted' }, t('monitor.computed', { at: formatDate(report.computedAt, language()), cases: f.cases, open: f.openCases })),
    h('div', { class: 'grid' },
      chartPanel('lead', t('monitor.leadTime'), t('monitor.leadTimeHelp', { waiting: f.waitingForFirstHelp }), f.leadTimeDays, t('monitor.days')),
      chartPanel('team', t('monitor.professionals'), t('monitor.professionalsHelp'), f.activeProfessionals, t('monitor.people')),
      chartPanel('handovers', t('monitor.handovers'), t('monitor.handoversHelp'), f.handovers, t('monitor.handoverUnit')),
      chartPanel('care', t('monitor.careWaiting'), t('monitor.careWaitingHelp', { waiting: f.careRequestsWaiting }), f.careWaitingDays, t('monitor.days'))),
    frameworkPanel(f.frameworks),
    h('h2', {}, t('monitor.perMunicipality')),
    h('table', { id: 'monitor-rows' }, h('thead', {}, h('tr', {}, ['monitor.col.scope', 'monitor.col.cases', 'monitor.col.open', 'monitor.col.leadMedian',
      'monitor.col.waiting', 'monitor.col.professionals', 'monitor.col.handovers', 'monitor.col.careMedian'].map((x) => h('th', { scope: 'col' }, t(x))))),
    h('tbody', {}, report.rows.map((r) => h('tr', {}, h('th', { scope: 'row' }, r.municipality || t('monitor.region')), h('td', {}, r.cases), h('td', {}, r.openCases),
      h('td', {}, num(r.leadTimeDays.median)), h('td', {}, r.waitingForFirstHelp), h('td', {}, num(r.activeProfessionals.mean)),
      h('td', {}, num(r.handovers.mean)), h('td', {}, num(r.careWaitingDays.median)))))),
    h('p', { class: 'muted' }, t('monitor.definitions')));
}

function num(v) {
  return v === null || v === undefined ? '—' : String(v).replace('.', language() === 'nl' ? ',' : '.');
}

function chartPanel(id, title, help, dist, unit) {
  const titleId = `chart-${id}-title`;
  return h('section', { class: 'panel', 'aria-labelledby': titleId },
    h('h2', { id: titleId }, title), h('p', {}, help),
    h('p', {}, t('monitor.summary', { n: dist.count, median: num(dist.median), p90: num(dist.p90) })),
    bars(dist.buckets.map((b) => [b.label, b.count]), `${title} (${unit})`),
    h('table', {}, h('caption', { class: 'visually-hidden' }, title),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, unit), h('th', { scope: 'col' }, t('monitor.count')))),
      h('tbody', {}, dist.buckets.map((b) => h('tr', {}, h('td', {}, b.label), h('td', {}, b.count))))));
}

/** A bar chart of [label, value] pairs. */
function bars(data, label) {
  const W = 320; const H = 170; const pad = 28;
  const max = Math.max(1, ...data.map(([, v]) => v));
  const bw = (W - pad * 2) / data.length;
  return s('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'chart', role: 'img', 'aria-label': label },
    s('line', { class: 'axis', x1: pad, y1: H - pad, x2: W - pad / 2, y2: H - pad }),
    data.map(([name, v], i) => {
      const bh = ((H - pad * 2) * v) / max;
      const x = pad + i * bw + 4;
      return s('g', {}, s('rect', { class: 'bar', x, y: H - pad - bh, width: bw - 8, height: bh }),
        s('text', { x: x + (bw - 8) / 2, y: H - pad - bh - 4, 'text-anchor': 'middle' }, String(v)),
        s('text', { x: x + (bw - 8) / 2, y: H - pad + 14, 'text-anchor': 'middle' }, name));
    }));
}

function frameworkPanel(months) {
  const W = 720; const H = 220; const pad = 30;
  const max = Math.max(1, ...months.map((m) => m.voluntary + m.conditional + m.compulsory));
  const bw = (W - pad * 2) / months.length;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'chart', role: 'img', 'aria-label': t('monitor.frameworks') },
    s('line', { class: 'axis', x1: pad, y1: H - pad, x2: W - pad / 2, y2: H - pad }));
  months.forEach((m, i) => {
    let y = H - pad;
    const x = pad + i * bw + 4;
    [['voluntary', 'bar'], ['conditional', 'bar bar-2'], ['compulsory', 'bar bar-3']].forEach(([key, cls]) => {
      const bh = ((H - pad * 2) * m[key]) / max;
      y -= bh;
      if (bh > 0) svg.append(s('rect', { class: cls, x, y, width: bw - 8, height: bh }));
    });
    svg.append(s('text', { x: x + (bw - 8) / 2, y: H - pad + 14, 'text-anchor': 'middle' }, m.month.slice(2)));
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'chart-frameworks-title' },
    h('h2', { id: 'chart-frameworks-title' }, t('monitor.frameworks')), h('p', {}, t('monitor.frameworksHelp')),
    h('p', { class: 'legend' }, h('span', {}, h('i', { class: 'k1' }), t('monitor.voluntary')), h('span', {}, h('i', { class: 'k2' }), t('monitor.conditional')),
      h('span', {}, h('i', { class: 'k3' }), t('monitor.compulsory'))),
    svg,
    h('table', {}, h('caption', { class: 'visually-hidden' }, t('monitor.frameworks')),
      h('thead', {}, h('tr', {}, ['monitor.month', 'monitor.voluntary', 'monitor.conditional', 'monitor.compulsory'].map((x) => h('th', { scope: 'col' }, t(x))))),
      h('tbody', {}, months.map((m) => h('tr', {}, h('td', {}, m.month), h('td', {}, m.voluntary), h('td', {}, m.conditional), h('td', {}, m.compulsory))))));
}
