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
  const csv = h('button', { type: 'button', class: 'utrecht-button utrecht-button--secondary-action', id: 'monitor-csv' }, t('monitor.csv'));
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
  const data = dist.buckets.map((b) => [b.label, b.count]);
  return h('section', { class: 'panel', 'aria-labelledby': titleId },
    h('h2', { id: titleId }, title), h('p', {}, help),
    h('p', {}, t('monitor.summary', { n: dist.count, median: num(dist.median), p90: num(dist.p90) })),
    // no values: a sentence, not an empty chart
    total(data) ? [bars(data, `${title} (${unit})`, unit),
      h('table', {}, h('caption', { class: 'visually-hidden' }, title),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, unit), h('th', { scope: 'col' }, t('monitor.count')))),
        h('tbody', {}, dist.buckets.map((b) => h('tr', {}, h('td', {}, b.label), h('td', {}, b.count)))))]
      : h('p', { class: 'no-data', id: `chart-${id}-empty` }, t('monitor.noData')));
}

function total(data) {
  return data.reduce((sum, [, v]) => sum + (Number(v) || 0), 0);
}

/** Round steps for an axis up to max: 1, 2, 5, 10, 20, 50, ... with at most five ticks. */
export function ticks(max) {
  const steps = [1, 2, 5];
  let magnitude = 1;
  for (;;) {
    for (const step of steps) {
      const size = step * magnitude;
      if (Math.ceil(max / size) <= 5) {
        const top = Math.max(size, Math.ceil(max / size) * size);
        const out = [];
        for (let v = 0; v <= top; v += size) out.push(v);
        return out;
      }
    }
    magnitude *= 10;
  }
}

/** A month '2026-01' as the user reads it: 'jan 2026' (Dutch) or 'Jan 2026' (English). */
export function monthLabel(month) {
  const m = /^(\d{4})-(\d{2})/.exec(String(month || ''));
  if (!m) return String(month || '');
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return d.toLocaleDateString(language() === 'en' ? 'en-GB' : 'nl-NL', { month: 'short', year: 'numeric', timeZone: 'UTC' }).replace('.', '');
}

/** Axes with ticks: the y axis counts (with its name), the x axis the categories. */
function axes(W, H, left, bottom, top, scale, yName, xName) {
  const y0 = H - bottom;
  return s('g', { class: 'axes' },
    s('line', { class: 'axis', x1: left, y1: y0, x2: W - 4, y2: y0 }),
    s('line', { class: 'axis', x1: left, y1: top, x2: left, y2: y0 }),
    scale.values.map((v) => s('g', {},
      s('line', { class: 'grid', x1: left, y1: scale.y(v), x2: W - 4, y2: scale.y(v) }),
      s('text', { x: left - 6, y: scale.y(v) + 4, 'text-anchor': 'end' }, String(v)))),
    s('text', { class: 'axis-name', x: 4, y: top - 8 }, yName),
    xName ? s('text', { class: 'axis-name', x: W - 4, y: H - 4, 'text-anchor': 'end' }, xName) : null);
}

/** A bar chart of [label, value] pairs, with axes: the count up, the unit's buckets along. */
function bars(data, label, unit) {
  const W = 340; const H = 200; const left = 40; const bottom = 44; const top = 22;
  const values = ticks(Math.max(1, ...data.map(([, v]) => v)));
  const max = values[values.length - 1];
  const scale = { values, y: (v) => H - bottom - ((H - bottom - top) * v) / max };
  const bw = (W - left - 8) / data.length;
  return s('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'chart', role: 'img', 'aria-label': label },
    axes(W, H, left, bottom, top, scale, t('monitor.count'), unit),
    data.map(([name, v], i) => {
      const x = left + i * bw + 4;
      const y = scale.y(v);
      return s('g', {}, v > 0 ? s('rect', { class: 'bar', x, y, width: bw - 8, height: H - bottom - y }) : null,
        s('text', { x: x + (bw - 8) / 2, y: y - 4, 'text-anchor': 'middle' }, String(v)),
        s('text', { x: x + (bw - 8) / 2, y: H - bottom + 14, 'text-anchor': 'middle' }, name));
    }));
}

function frameworkPanel(months) {
  const sum = (m) => m.voluntary + m.conditional + m.compulsory;
  const head = [h('h2', { id: 'chart-frameworks-title' }, t('monitor.frameworks')), h('p', {}, t('monitor.frameworksHelp'))];
  if (!months.some((m) => sum(m) > 0)) {
    return h('section', { class: 'panel', 'aria-labelledby': 'chart-frameworks-title' }, head,
      h('p', { class: 'no-data', id: 'chart-frameworks-empty' }, t('monitor.noData')));
  }
  const W = 720; const H = 240; const left = 40; const bottom = 44; const top = 22;
  const values = ticks(Math.max(1, ...months.map(sum)));
  const max = values[values.length - 1];
  const scale = { values, y: (v) => H - bottom - ((H - bottom - top) * v) / max };
  const bw = (W - left - 8) / months.length;
  // month labels are thinned out when they would not fit next to each other
  const every = Math.max(1, Math.ceil(64 / bw));
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'chart', role: 'img', 'aria-label': t('monitor.frameworks') },
    axes(W, H, left, bottom, top, scale, t('monitor.casesUnit'), t('monitor.month')));
  months.forEach((m, i) => {
    let y = H - bottom;
    const x = left + i * bw + 4;
    [['voluntary', 'bar'], ['conditional', 'bar bar-2'], ['compulsory', 'bar bar-3']].forEach(([key, cls]) => {
      const bh = ((H - bottom - top) * m[key]) / max;
      y -= bh;
      if (bh > 0) svg.append(s('rect', { class: cls, x, y, width: Math.max(1, bw - 8), height: bh }));
    });
    if (i % every === 0) svg.append(s('text', { x: x + (bw - 8) / 2, y: H - bottom + 14, 'text-anchor': 'middle' }, monthLabel(m.month)));
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'chart-frameworks-title' }, head,
    h('p', { class: 'legend' }, h('span', {}, h('i', { class: 'k1' }), t('monitor.voluntary')), h('span', {}, h('i', { class: 'k2' }), t('monitor.conditional')),
      h('span', {}, h('i', { class: 'k3' }), t('monitor.compulsory'))),
    svg,
    h('table', {}, h('caption', { class: 'visually-hidden' }, t('monitor.frameworks')),
      h('thead', {}, h('tr', {}, ['monitor.month', 'monitor.voluntary', 'monitor.conditional', 'monitor.compulsory'].map((x) => h('th', { scope: 'col' }, t(x))))),
      h('tbody', {}, months.map((m) => h('tr', {}, h('td', {}, monthLabel(m.month)), h('td', {}, m.voluntary), h('td', {}, m.conditional), h('td', {}, m.compulsory))))));
}
