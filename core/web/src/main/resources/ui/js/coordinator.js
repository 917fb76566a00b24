// The coordinator's view: the plugins present, the bindings per region and per municipality with a
// form to rebind, the history of binding changes, and alerts.
import { h, replace, field, formatDate } from './dom.js';
import { t, te, language, pluginName } from './i18n.js';
import * as api from './api.js';
import { act } from './app.js';

const POINTS = ['TRIAGE', 'CARE_PATH', 'LOCAL_TEAM', 'PROCUREMENT'];

export async function render(main) {
  const [plugins, bindings, history, alerts] = await Promise.all([
    api.get('/plugins'), api.get('/bindings'), api.get('/bindings/history'), api.get('/alerts?limit=50')]);
  const point = field(t('coord.point'), 'select', { name: 'point' }, POINTS.map((p) => [p, te('ExtensionPoint', p)]));
  const municipality = field(t('coord.municipality'), 'input', { name: 'municipality', placeholder: t('coord.regionHint') });
  const plugin = field(t('coord.plugin'), 'select', { name: 'pluginId' }, []);
  const config = field(t('coord.configuration'), 'textarea', { name: 'configuration', placeholder: 'key=value' });
  const reason = field(t('common.reason'), 'input', { name: 'reason', required: true });
  const fillPlugins = () => {
    replace(plugin.input, plugins.filter((p) => p.point === point.input.value).map((p) => h('option', { value: p.pluginId }, `${pluginName(p.pluginId, p)} (${p.pluginId})`)));
  };
  point.input.addEventListener('change', fillPlugins);
  fillPlugins();
  const form = h('form', { id: 'bind-form' }, h('div', { class: 'row' }, point.wrap, municipality.wrap, plugin.wrap), config.wrap, reason.wrap,
    h('button', { type: 'submit' }, t('coord.bind')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const configuration = {};
    config.input.value.split('\n').map((l) => l.trim()).filter(Boolean).forEach((line) => {
      const i = line.indexOf('=');
      if (i > 0) configuration[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    });
    const m = municipality.input.value.trim();
    const where = m ? `/municipalities/${encodeURIComponent(m)}` : '/region';
    const done = await act(() => api.put(`/bindings/${point.input.value.toLowerCase()}${where}`, { pluginId: plugin.input.value, configuration, reason: reason.input.value }),
      t('coord.bound'));
    if (done) render(main);
  });
  const rebind = (b) => () => {
    point.input.value = b.point; fillPlugins();
    municipality.input.value = b.municipality || '';
    form.scrollIntoView(); plugin.input.focus();
  };
  replace(main, h('h1', {}, t('coord.title')),
    h('h2', {}, t('coord.bindings')),
    bindings.length ? h('table', { id: 'bindings' }, h('thead', {}, h('tr', {}, ['coord.point', 'coord.scope', 'coord.plugin', 'coord.revision', 'common.when', 'common.reason', 'coord.action']
      .map((x) => h('th', { scope: 'col' }, t(x))))),
    h('tbody', {}, bindings.map((b) => h('tr', {}, h('td', {}, te('ExtensionPoint', b.point)), h('td', {}, b.municipality || t('coord.region')),
      h('td', {}, pluginName(b.pluginId, plugins.find((p) => p.pluginId === b.pluginId)), h('br'), h('span', { class: 'muted' }, b.pluginId)), h('td', {}, String(b.revision)), h('td', {}, formatDate(b.changedAt, language())), h('td', {}, b.reason || ''),
      h('td', {}, h('button', { type: 'button', class: 'secondary', onclick: rebind(b), 'aria-label': t('coord.rebindOne', { point: te('ExtensionPoint', b.point), scope: b.municipality || t('coord.region') }) }, t('coord.rebind')))))))
      : h('p', {}, t('coord.noBindings')),
    h('h3', {}, t('coord.bindTitle')), form,
    h('h2', {}, t('coord.plugins')),
    h('table', { id: 'plugins' }, h('thead', {}, h('tr', {}, ['coord.plugin', 'coord.point', 'coord.bundle'].map((x) => h('th', { scope: 'col' }, t(x))))),
      h('tbody', {}, plugins.map((p) => h('tr', {}, h('td', {}, pluginName(p.pluginId, p), h('br'), h('span', { class: 'muted' }, p.pluginId)), h('td', {}, te('ExtensionPoint', p.point)), h('td', {}, `${p.bundle} ${p.bundleVersion}`))))),
    h('h2', {}, t('coord.alerts')),
    alerts.length ? h('ul', { id: 'alerts' }, alerts.map((a) => h('li', {}, h('strong', {}, te('AlertKind', a.kind)), ` — ${a.message} `,
      h('span', { class: 'muted' }, `${a.municipality || t('coord.region')}, ${formatDate(a.at, language())}`)))) : h('p', {}, t('coord.noAlerts')),
    h('h2', {}, t('coord.history')),
    h('table', { id: 'binding-history' }, h('thead', {}, h('tr', {}, ['common.when', 'coord.point', 'coord.scope', 'coord.change', 'coord.by', 'common.reason'].map((x) => h('th', { scope: 'col' }, t(x))))),
      h('tbody', {}, history.slice().reverse().map((c) => h('tr', {}, h('td', {}, formatDate(c.at, language())), h('td', {}, te('ExtensionPoint', c.point)),
        h('td', {}, c.municipality || t('coord.region')), h('td', {}, `${c.oldPluginId ? pluginName(c.oldPluginId) : '—'} → ${c.newPluginId ? pluginName(c.newPluginId) : '—'}`), h('td', {}, c.by), h('td', {}, c.reason || ''))))));
}
