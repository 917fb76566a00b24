// The accessibility statement (toegankelijkheidsverklaring): open to anyone, signed in or not.
import { h, replace } from './dom.js';
import { t } from './i18n.js';

export async function render(main) {
  replace(main, h('h1', { id: 'statement-title' }, t('a11y.title')),
    h('p', {}, t('a11y.intro')),
    h('p', { class: 'tag-line' }, h('span', { class: 'utrecht-status-badge utrecht-status-badge--warning' }, t('a11y.status'))),
    h('h2', {}, t('a11y.how')), h('p', {}, t('a11y.howText')),
    h('h2', {}, t('a11y.known')), h('p', {}, t('a11y.knownText')),
    h('h2', {}, t('a11y.contact')), h('p', {}, t('a11y.contactText')));
}
