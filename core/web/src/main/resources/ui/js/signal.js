// Open a case from a signal: who is involved (new persons are recorded first), then the signal itself.
import { h, replace, field, today } from './dom.js';
import { t, te } from './i18n.js';
import * as api from './api.js';
import { act } from './app.js';

const KINDS = ['SIGNAL', 'REQUEST_FOR_HELP'];
const SOURCES = ['POLICE', 'SCHOOL', 'GP', 'VEILIG_THUIS', 'FAMILY', 'NEIGHBOUR', 'OTHER'];
const ROLES = ['CHILD', 'PARENT', 'VICTIM', 'PERPETRATOR', 'WITNESS', 'NETWORK'];

export async function render(main) {
  const kind = field(t('signal.kind'), 'select', { name: 'kind' }, KINDS.map((k) => [k, te('SignalKind', k)]));
  const source = field(t('signal.source'), 'select', { name: 'source' }, SOURCES.map((k) => [k, te('SignalSource', k)]));
  const received = field(t('signal.receivedOn'), 'input', { name: 'receivedOn', type: 'date', value: today() });
  const municipality = field(t('signal.municipality'), 'input', { name: 'municipality', required: true });
  const description = field(t('signal.description'), 'textarea', { name: 'description', required: true });
  const members = h('div', { id: 'members' });
  const addMember = () => members.append(memberRow(members.children.length + 1));
  addMember();
  const form = h('form', { id: 'signal-form', novalidate: true },
    h('fieldset', {}, h('legend', {}, t('signal.about')), kind.wrap, source.wrap, received.wrap, municipality.wrap, description.wrap),
    h('fieldset', {}, h('legend', {}, t('signal.members')), members,
      h('button', { type: 'button', class: 'utrecht-button utrecht-button--secondary-action', id: 'add-member', onclick: addMember }, t('signal.addMember'))),
    h('button', { type: 'submit', id: 'open-case' }, t('signal.open')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const opened = await act(async () => {
      const inputs = [];
      for (const row of members.querySelectorAll('.member')) {
        const value = (n) => row.querySelector(`[name="${n}"]`).value.trim();
        if (!value('givenName') && !value('familyName')) continue;
        // a person recorded by an earlier try (that failed later) is used again, not recorded twice
        const input = { givenName: value('givenName'), familyName: value('familyName'),
          dateOfBirth: value('dateOfBirth') || null, nationalId: value('nationalId') || null };
        const key = JSON.stringify(input);
        if (row.dataset.personKey !== key) {
          const recorded = await api.post('/persons', input);
          row.dataset.personId = recorded.id;
          row.dataset.personKey = key;
        }
        const person = { id: row.dataset.personId };
        const roles = [...row.querySelectorAll('input[type=checkbox]:checked')].map((c) => c.value);
        inputs.push({ personId: person.id, roles });
      }
      return api.post('/cases', { kind: kind.input.value, source: source.input.value, description: description.input.value,
        receivedOn: received.input.value || null, municipality: municipality.input.value.trim(), members: inputs });
    }, t('signal.opened'));
    if (opened) location.hash = `#/cases/${encodeURIComponent(opened.id)}`;
  });
  replace(main, h('h1', {}, t('signal.title')), h('p', {}, t('signal.intro')), form);
}

function memberRow(n) {
  const given = field(t('person.givenName'), 'input', { name: 'givenName', autocomplete: 'off' });
  const family = field(t('person.familyName'), 'input', { name: 'familyName', autocomplete: 'off' });
  const born = field(t('person.dateOfBirth'), 'input', { name: 'dateOfBirth', type: 'date' });
  const bsn = field(t('person.nationalId'), 'input', { name: 'nationalId', inputmode: 'numeric', autocomplete: 'off' });
  const roles = h('fieldset', { class: 'roles' }, h('legend', {}, t('person.roles')),
    ROLES.map((r) => {
      const box = field(te('FamilyRole', r), 'input', { type: 'checkbox', name: `role-${r}`, value: r });
      box.wrap.classList.add('inline');
      box.wrap.append(box.wrap.firstChild); // label after the box
      return box.wrap;
    }));
  return h('div', { class: 'member plan-item' }, h('h3', {}, t('signal.member', { n })),
    h('div', { class: 'row' }, given.wrap, family.wrap, born.wrap, bsn.wrap), roles);
}
