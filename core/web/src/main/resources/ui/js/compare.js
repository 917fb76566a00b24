// The pilot evaluation (issue 15): two or three cohorts side by side for each indicator, as SVG bar
// charts with a labelled axis and unit, the difference with the first cohort and its 95% interval in
// words, warnings where a cohort is too small, and the named municipality groups (pilot, control).
// Every figure comes from GET /monitor/compare (computed by the database); nothing per professional.
import { h, s, replace, field } from './dom.js';
import { t, language } from './i18n.js';
import * as api from './api.js';
import { act, say } from './app.js';

const UNITS = { days: 'compare.unit.days', professionals: 'compare.unit.professionals', handovers: 'compare.unit.handovers',
  score: 'compare.unit.score', percent: 'compare.unit.percent' };

export async function render(main) {
  const groups = await api.get('/monitor/groups').catch(() => []);
  const forms = [cohortForm(0, groups, 'pilot'), cohortForm(1, groups, 'controle'), cohortForm(2, groups, '')];
  const result = h('div', { id: 'compare-result', 'aria-live': 'polite' }, h('p', { class: 'muted' }, t('compare.choose')));
  const run = h('button', { type: 'submit', id: 'compare-run' }, t('compare.run'));
  const csv = h('button', { type: 'button', class: 'utrecht-button utrecht-button--secondary-action', id: 'compare-csv' }, t('compare.csv'));
  const form = h('form', { id: 'compare-form' }, h('div', { class: 'grid' }, forms.map((f) => f.el)), h('div', { class: 'row' }, run, csv));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const q = queryOf(forms);
    if (!q) return say(t('compare.twoNeeded'), 'error');
    const comparison = await act(() => api.get(`/monitor/compare?${q}`));
    if (comparison && comparison.indicators) replace(result, view(comparison));
  });
  csv.addEventListener('click', async () => {
    const q = queryOf(forms);
    if (!q) return say(t('compare.twoNeeded'), 'error');
    const text = await act(() => api.get(`/monitor/compare.csv?${q}`, { accept: 'text/csv' }));
    if (typeof text !== 'string') return;
    const link = h('a', { href: URL.createObjectURL(new Blob([text], { type: 'text/csv' })), download: 'proeftuin-cohorten.csv' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  });
  replace(main, h('h1', {}, t('compare.title')), h('p', {}, t('compare.intro')), form, result, groupsPanel(groups));
}

function cohortForm(i, groups, name) {
  const label = field(t('compare.name'), 'input', { name: `name${i}`, value: name, maxlength: 100 });
  const group = field(t('compare.group'), 'select', { name: `group${i}` }, [['', t('compare.anyGroup')], ...groups.map((g) => [g.name, g.name])]);
  const municipality = field(t('compare.municipality'), 'input', { name: `municipality${i}` });
  const quarter = field(t('compare.quarter'), 'input', { name: `quarter${i}`, placeholder: '2026-Q1', pattern: '\\d{4}-Q[1-4]' });
  const from = field(t('compare.from'), 'input', { name: `from${i}`, type: 'date' });
  const to = field(t('compare.to'), 'input', { name: `to${i}`, type: 'date' });
  const plugin = field(t('compare.plugin'), 'input', { name: `plugin${i}` });
  const hash = field(t('compare.hash'), 'input', { name: `hash${i}` });
  const revision = field(t('compare.revision'), 'input', { name: `revision${i}`, type: 'number', min: 0 });
  // cohorts (V26): the variant in force at the case's opening, POINT:plugin[:hash] or POINT:none
  const opening = field(t('compare.opening'), 'input', { name: `opening${i}`, placeholder: 'TRIAGE:threeway' });
  // cohorts (0042): a variant a later decision was taken under (TRIAGE, CARE_PATH, PROCUREMENT, LOCAL_TEAM)
  const decided = field(t('compare.decided'), 'input', { name: `decided${i}`, placeholder: 'PROCUREMENT:ijw' });
  const el = h('fieldset', { class: 'panel' }, h('legend', {}, t('compare.cohort', { n: i + 1 })),
    label.wrap, group.wrap, municipality.wrap, quarter.wrap, from.wrap, to.wrap, plugin.wrap, hash.wrap, revision.wrap, opening.wrap, decided.wrap);
  return {
    el,
    spec() {
      const parts = [];
      const add = (k, v) => { if (v && v.trim()) parts.push(`${k}=${v.trim()}`); };
      if (!label.input.value.trim()) return null;
      add('name', label.input.value);
      add('group', group.input.value);
      municipality.input.value.split(',').forEach((m) => add('municipality', m));
      add('quarter', quarter.input.value);
      add('from', from.input.value);
      add('to', to.input.value);
      add('plugin', plugin.input.value);
      add('configurationHash', hash.input.value);
      add('bindingRevision', revision.input.value);
      add('opening', opening.input.value);
      add('decided', decided.input.value);
      return parts.join(';');
    },
  };
}

function queryOf(forms) {
  const specs = forms.map((f) => f.spec()).filter((x) => x);
  if (specs.length < 2) return null;
  return specs.map((x) => `cohort=${encodeURIComponent(x)}`).join('&');
}

function num(v) {
  return v === null || v === undefined ? '—' : String(v).replace('.', language() === 'nl' ? ',' : '.');
}

/** "januari 2026 – maart 2026": the period in month names. */
function period(spec) {
  if (!spec.from && !spec.to) return t('compare.allTime');
  const f = new Intl.DateTimeFormat(language() === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  const day = (d) => (d ? f.format(new Date(`${d}T12:00:00`)) : '…');
  return `${day(spec.from)} – ${day(spec.to)}`;
}

function warningOf(x) {
  return language() === 'nl' ? x.warningNl : x.warning;
}

function view(c) {
  return h('div', {},
    h('table', { id: 'compare-cohorts' },
      h('thead', {}, h('tr', {}, ['compare.col.cohort', 'compare.col.period', 'compare.col.municipalities', 'compare.col.variant',
        'compare.col.cases', 'compare.col.closed'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, c.cohorts.map((k) => h('tr', {},
        h('th', { scope: 'row' }, k.spec.label), h('td', {}, period(k.spec)),
        h('td', {}, k.municipalities ? k.municipalities.join(', ') : t('monitor.region')),
        h('td', {}, [k.spec.pluginId, k.spec.configurationHash && k.spec.configurationHash.slice(0, 8),
          k.spec.bindingRevision != null && `rev ${k.spec.bindingRevision}`,
          k.spec.opening && `${t('compare.opening')}: ${k.spec.opening}`,
          k.spec.decided && `${t('compare.decided')}: ${k.spec.decided}`].filter((x) => x).join(' · ') || t('compare.anyVariant')),
        h('td', {}, k.cases), h('td', {}, k.closed))))),
    c.cohorts.filter((k) => warningOf(k)).map((k) => h('p', { class: 'utrecht-alert utrecht-alert--error' }, `${k.spec.label}: ${warningOf(k)}`)),
    h('div', { class: 'grid' }, c.indicators.map((i) => panel(i))),
    h('p', { class: 'muted' }, t('compare.method')));
}

function panel(ind) {
  const id = `compare-${ind.indicator}`;
  const unit = t(UNITS[ind.unit] || ind.unit);
  const title = t(`compare.ind.${ind.indicator}`);
  const values = ind.cohorts.map((x) => [x.label, ind.kind === 'share' ? x.share : x.median, x.count]);
  const empty = values.every(([, v]) => v === null || v === undefined);
  const first = ind.cohorts[0];
  return h('section', { class: 'panel', 'aria-labelledby': `${id}-title`, id },
    h('h2', { id: `${id}-title` }, title),
    h('p', { class: 'muted' }, ind.kind === 'share' ? t('compare.shareOf', { unit }) : t('compare.medianIn', { unit })),
    empty ? h('p', { class: 'empty' }, t('compare.noData')) : chart(values, `${title} (${unit})`, unit),
    h('table', {}, h('caption', { class: 'visually-hidden' }, title),
      h('thead', {}, h('tr', {}, ['compare.col.cohort', ind.kind === 'share' ? 'compare.col.share' : 'compare.col.median', 'compare.col.n',
        'compare.col.difference'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, ind.cohorts.map((x, n) => h('tr', {},
        h('th', { scope: 'row' }, x.label),
        h('td', {}, ind.kind === 'share' ? (x.share == null ? '—' : `${num(x.share)}% (${x.events})`) : num(x.median)),
        h('td', {}, x.count),
        h('td', {}, n === 0 ? t('compare.reference') : difference(x, first, ind)))))),
    ind.cohorts.filter((x) => warningOf(x)).slice(0, 1).map((x) => h('p', { class: 'warning' }, warningOf(x))));
}

function difference(x, first, ind) {
  if (x.difference === null || x.difference === undefined) return '—';
  const unit = ind.kind === 'share' ? t('compare.points') : t(UNITS[ind.unit] || ind.unit);
  const sign = x.difference > 0 ? '+' : '';
  const interval = x.low === null || x.low === undefined ? t('compare.noInterval')
    : t('compare.interval', { low: num(x.low), high: num(x.high) });
  const sure = x.low != null && (x.low > 0 || x.high < 0) ? t('compare.clear') : t('compare.unclear');
  return `${sign}${num(x.difference)} ${unit} (${interval}) ${sure}`;
}

/** Horizontal bars, one per cohort, with an x axis from 0 with ticks in the unit. */
function chart(values, label, unit) {
  const W = 360; const row = 28; const left = 90; const right = 40; const top = 8;
  const H = top + values.length * row + 34;
  const max = Math.max(1, ...values.map(([, v]) => v || 0));
  const scale = (v) => ((W - left - right) * v) / max;
  const ticks = [0, max / 2, max].map((v) => Math.round(v * 10) / 10);
  return s('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'chart', role: 'img', 'aria-label': label },
    s('line', { class: 'axis', x1: left, y1: H - 26, x2: W - right / 2, y2: H - 26 }),
    ticks.map((v) => s('g', {}, s('line', { class: 'axis', x1: left + scale(v), y1: H - 26, x2: left + scale(v), y2: H - 22 }),
      s('text', { x: left + scale(v), y: H - 12, 'text-anchor': 'middle' }, num(v)))),
    s('text', { x: W - right / 2, y: H - 1, 'text-anchor': 'end', class: 'unit' }, unit),
    values.map(([name, v], i) => {
      const y = top + i * row;
      return s('g', {},
        s('text', { x: left - 6, y: y + 16, 'text-anchor': 'end' }, name),
        v === null || v === undefined ? s('text', { x: left + 4, y: y + 16 }, t('compare.noDataShort'))
          : s('rect', { class: i === 0 ? 'bar' : `bar bar-${Math.min(3, i + 1)}`, x: left, y: y + 4, width: Math.max(1, scale(v)), height: row - 10 }),
        v === null || v === undefined ? null : s('text', { x: left + scale(v) + 4, y: y + 16 }, num(v)));
    }));
}

function groupsPanel(groups) {
  const list = h('ul', { id: 'compare-groups' }, groups.length === 0 ? h('li', { class: 'muted' }, t('compare.noGroups'))
    : groups.map((g) => h('li', {}, h('strong', {}, g.name), `: ${g.municipalities.join(', ')}`, g.description ? ` — ${g.description}` : '')));
  const name = field(t('compare.groupName'), 'input', { name: 'groupName', required: true, maxlength: 100 });
  const members = field(t('compare.groupMembers'), 'input', { name: 'groupMembers', required: true, placeholder: 'Arnhem, Renkum' });
  const description = field(t('compare.groupDescription'), 'input', { name: 'groupDescription', maxlength: 2000 });
  const form = h('form', { id: 'group-form' }, name.wrap, members.wrap, description.wrap, h('button', { type: 'submit' }, t('compare.groupSave')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const saved = await act(() => api.put(`/monitor/groups/${encodeURIComponent(name.input.value.trim())}`, {
      description: description.input.value,
      municipalities: members.input.value.split(',').map((m) => m.trim()).filter((m) => m),
    }), t('compare.groupSaved'));
    if (saved) location.reload();
  });
  return h('section', { class: 'panel' }, h('h2', {}, t('compare.groups')), h('p', {}, t('compare.groupsHelp')), list, form);
}
