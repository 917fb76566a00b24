// The coordinator's view: the plugins present, the bindings per region and per municipality with a
// form to rebind (now or at a planned time, with an optional end), the planned switches (cancel a
// planned one), a replay of a candidate triage over a cohort, the history of binding changes, and alerts.
import { h, replace, field, formatDate, today } from './dom.js';
import { t, te, language, pluginName } from './i18n.js';
import * as api from './api.js';
import { act } from './app.js';

const POINTS = ['TRIAGE', 'CARE_PATH', 'LOCAL_TEAM', 'PROCUREMENT'];

/** name=value lines as a configuration map. */
function parseConfiguration(text) {
  const configuration = {};
  text.split('\n').map((l) => l.trim()).filter(Boolean).forEach((line) => {
    const i = line.indexOf('=');
    if (i > 0) configuration[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  });
  return configuration;
}

/** A configuration map as name=value lines, sorted. */
function configurationText(configuration) {
  return Object.keys(configuration || {}).sort().map((k) => `${k}=${configuration[k]}`).join('\n');
}

/** A datetime-local value (the user's local time) as an ISO instant, or null when empty. */
function instant(value) {
  return value ? new Date(value).toISOString() : null;
}

export async function render(main) {
  const [plugins, bindings, history, alerts, switches] = await Promise.all([
    api.get('/plugins'), api.get('/bindings'), api.get('/bindings/history'), api.get('/alerts?limit=50'),
    api.get('/bindings/switches')]);
  const point = field(t('coord.point'), 'select', { name: 'point' }, POINTS.map((p) => [p, te('ExtensionPoint', p)]));
  const municipality = field(t('coord.municipality'), 'input', { name: 'municipality', placeholder: t('coord.regionHint') });
  const plugin = field(t('coord.plugin'), 'select', { name: 'pluginId' }, []);
  const config = field(t('coord.configuration'), 'textarea', { name: 'configuration', placeholder: t('coord.configurationExample') });
  const from = field(t('coord.from'), 'input', { name: 'from', type: 'datetime-local' });
  const until = field(t('coord.until'), 'input', { name: 'until', type: 'datetime-local' });
  const reason = field(t('common.reason'), 'input', { name: 'reason', required: true });
  const fillPlugins = () => {
    replace(plugin.input, plugins.filter((p) => p.point === point.input.value).map((p) => h('option', { value: p.pluginId }, `${pluginName(p.pluginId, p)} (${p.pluginId})`)),
      h('option', { value: '' }, t('coord.endBinding')));
  };
  point.input.addEventListener('change', fillPlugins);
  fillPlugins();
  /** The scope's own binding as loaded (its revision is what a change is decided against). */
  const current = () => {
    const m = municipality.input.value.trim().toLowerCase();
    return bindings.find((b) => b.point === point.input.value && (b.municipality || '').toLowerCase() === m);
  };
  const form = h('form', { id: 'bind-form' }, h('div', { class: 'row' }, point.wrap, municipality.wrap, plugin.wrap), config.wrap,
    h('p', { class: 'muted', id: 'schedule-hint' }, t('coord.scheduleHint')),
    h('div', { class: 'row' }, from.wrap, until.wrap), reason.wrap,
    h('button', { type: 'submit' }, t('coord.bind')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const configuration = parseConfiguration(config.input.value);
    const m = municipality.input.value.trim();
    const own = current();
    const expectedRevision = own ? own.revision : 0;
    const p = point.input.value.toLowerCase();
    let done;
    if (from.input.value) {
      done = await act(() => api.post(`/bindings/${p}/switches`, {
        municipality: m || null, pluginId: plugin.input.value || null, configuration: plugin.input.value ? configuration : null,
        from: instant(from.input.value), until: instant(until.input.value), reason: reason.input.value, expectedRevision,
      }), t('coord.planned'));
    } else {
      const where = m ? `/municipalities/${encodeURIComponent(m)}` : '/region';
      done = await act(() => (plugin.input.value
        ? api.put(`/bindings/${p}${where}`, { pluginId: plugin.input.value, configuration, reason: reason.input.value, expectedRevision })
        : api.del(`/bindings/${p}${where}${api.query({ reason: reason.input.value, expectedRevision })}`).then(() => true)),
      t('coord.bound'));
    }
    if (done) render(main);
  });
  const rebind = (b) => () => {
    point.input.value = b.point; fillPlugins();
    municipality.input.value = b.municipality || '';
    plugin.input.value = b.pluginId;
    config.input.value = configurationText(b.configuration);
    form.scrollIntoView(); plugin.input.focus();
  };
  const scope = (x) => x.municipality || t('coord.region');
  const cancel = (s) => {
    const why = h('input', { type: 'text', name: `cancel-reason-${s.id}`, 'aria-label': t('coord.cancelReason', { id: s.id }), placeholder: t('common.reason') });
    const button = h('button', { type: 'button', class: 'utrecht-button utrecht-button--secondary-action', onclick: async () => {
      const done = await act(() => api.del(`/bindings/${s.point.toLowerCase()}/switches/${s.id}${api.query({ reason: why.value || '' })}`), t('coord.cancelled'));
      if (done) render(main);
    } }, t('coord.cancelSwitch'));
    return h('span', {}, why, ' ', button);
  };
  replace(main, h('h1', {}, t('coord.title')),
    h('h2', {}, t('coord.bindings')),
    bindings.length ? h('table', { id: 'bindings' }, h('thead', {}, h('tr', {}, ['coord.point', 'coord.scope', 'coord.plugin', 'coord.revision', 'common.when', 'common.reason', 'coord.action']
      .map((x) => h('th', { scope: 'col' }, t(x))))),
    h('tbody', {}, bindings.map((b) => h('tr', {}, h('td', {}, te('ExtensionPoint', b.point)), h('td', {}, scope(b)),
      h('td', {}, pluginName(b.pluginId, plugins.find((p) => p.pluginId === b.pluginId)), h('br'), h('span', { class: 'muted' }, b.pluginId)), h('td', {}, String(b.revision)), h('td', {}, formatDate(b.changedAt, language())), h('td', {}, b.reason || ''),
      h('td', {}, h('button', { type: 'button', class: 'utrecht-button utrecht-button--secondary-action', onclick: rebind(b), 'aria-label': t('coord.rebindOne', { point: te('ExtensionPoint', b.point), scope: scope(b) }) }, t('coord.rebind')))))))
      : h('p', {}, t('coord.noBindings')),
    h('h3', {}, t('coord.bindTitle')), form,
    h('h2', {}, t('coord.switches')),
    switches.length ? h('table', { id: 'switches' }, h('thead', {}, h('tr', {}, ['coord.effectiveAt', 'coord.point', 'coord.scope', 'coord.plugin', 'coord.state', 'coord.by', 'common.reason', 'coord.action']
      .map((x) => h('th', { scope: 'col' }, t(x))))),
    h('tbody', {}, switches.map((s) => h('tr', { class: `switch-${s.state.toLowerCase()}` }, h('td', {}, formatDate(s.effectiveAt, language())), h('td', {}, te('ExtensionPoint', s.point)),
      h('td', {}, scope(s)), h('td', {}, s.pluginId ? pluginName(s.pluginId) : t('coord.ends')), h('td', {}, t(`coord.state.${s.state}`)), h('td', {}, s.settledBy && s.state === 'CANCELLED' ? s.settledBy : s.plannedBy),
      h('td', {}, s.state === 'CANCELLED' && s.settledReason ? `${s.reason} — ${s.settledReason}` : s.reason),
      h('td', {}, s.state === 'PLANNED' ? cancel(s) : '')))))
      : h('p', {}, t('coord.noSwitches')),
    replaySection(plugins),
    h('h2', {}, t('coord.plugins')),
    h('table', { id: 'plugins' }, h('thead', {}, h('tr', {}, ['coord.plugin', 'coord.point', 'coord.bundle'].map((x) => h('th', { scope: 'col' }, t(x))))),
      h('tbody', {}, plugins.map((p) => h('tr', {}, h('td', {}, pluginName(p.pluginId, p), h('br'), h('span', { class: 'muted' }, p.pluginId)), h('td', {}, te('ExtensionPoint', p.point)), h('td', {}, `${p.bundle} ${p.bundleVersion}`))))),
    h('h2', {}, t('coord.alerts')),
    h('p', {}, h('a', { href: '#/break-glass', id: 'break-glass-link' }, t('nav.breakGlass'))), // ui: coordinators review break-glass too
    alerts.length ? h('ul', { id: 'alerts' }, alerts.map((a) => h('li', {}, h('strong', {}, te('AlertKind', a.kind)), ` — ${a.message} `,
      h('span', { class: 'muted' }, `${a.municipality || t('coord.region')}, ${formatDate(a.at, language())}`)))) : h('p', {}, t('coord.noAlerts')),
    h('h2', {}, t('coord.history')),
    h('table', { id: 'binding-history' }, h('thead', {}, h('tr', {}, ['common.when', 'coord.point', 'coord.scope', 'coord.change', 'coord.by', 'common.reason'].map((x) => h('th', { scope: 'col' }, t(x))))),
      h('tbody', {}, history.slice().reverse().map((c) => h('tr', {}, h('td', {}, formatDate(c.at, language())), h('td', {}, te('ExtensionPoint', c.point)),
        h('td', {}, scope(c)), h('td', {}, `${c.oldPluginId ? pluginName(c.oldPluginId) : '—'} → ${c.newPluginId ? pluginName(c.newPluginId) : '—'}`), h('td', {}, c.by), h('td', {}, c.reason || ''))))));
}

/** The replay of a candidate triage over a cohort: a form and the table old x new decision (counts only). */
function replaySection(plugins) {
  const plugin = field(t('coord.plugin'), 'select', { name: 'replay-pluginId' },
    plugins.filter((p) => p.point === 'TRIAGE').map((p) => [p.pluginId, `${pluginName(p.pluginId, p)} (${p.pluginId})`]));
  const config = field(t('coord.configuration'), 'textarea', { name: 'replay-configuration', placeholder: t('coord.configurationExample') });
  const from = field(t('coord.replayFrom'), 'input', { name: 'replay-from', type: 'date', required: true, value: today() });
  const to = field(t('coord.replayTo'), 'input', { name: 'replay-to', type: 'date', required: true, value: today() });
  const municipality = field(t('coord.municipality'), 'input', { name: 'replay-municipality', placeholder: t('coord.allMunicipalities') });
  const out = h('div', { id: 'replay-result', 'aria-live': 'polite' });
  const form = h('form', { id: 'replay-form' }, h('div', { class: 'row' }, plugin.wrap, municipality.wrap), config.wrap,
    h('div', { class: 'row' }, from.wrap, to.wrap), h('button', { type: 'submit' }, t('coord.replay')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const r = await act(() => api.post('/triage-replays', {
      pluginId: plugin.input.value, configuration: parseConfiguration(config.input.value),
      from: from.input.value, to: to.input.value, municipality: municipality.input.value.trim() || null,
    }), t('coord.replayed'));
    if (r) replace(out, replayTable(r));
  });
  return h('section', { 'aria-labelledby': 'replay-title' }, h('h2', { id: 'replay-title' }, t('coord.replayTitle')),
    h('p', { class: 'muted' }, t('coord.replayHint')), form, out);
}

function replayTable(r) {
  const decision = (d) => (d === 'PENDING' ? t('coord.pending') : te('Route', d));
  const olds = [...new Set(r.table.map((c) => c.oldDecision))];
  const news = [...new Set(r.table.map((c) => c.newDecision))];
  const count = (o, n) => (r.table.find((c) => c.oldDecision === o && c.newDecision === n) || { cases: 0 }).cases;
  return h('div', {},
    h('p', { id: 'replay-summary' }, t('coord.replaySummary', { cases: r.cases, differing: r.differing, failed: r.failed })),
    r.cases ? h('table', { id: 'replay-table' },
      h('caption', {}, t('coord.replayCaption', { plugin: `${r.pluginId} ${r.bundleVersion}` })),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('coord.oldNew')), news.map((n) => h('th', { scope: 'col' }, decision(n))))),
      h('tbody', {}, olds.map((o) => h('tr', {}, h('th', { scope: 'row' }, decision(o)),
        news.map((n) => h('td', { class: o === n ? 'same' : 'differs' }, String(count(o, n)))))))) : '');
}
