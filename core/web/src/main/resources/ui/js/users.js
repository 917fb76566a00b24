// User administration for the regional administrator (GET/POST /users, PUT /users/{id}/roles,
// /municipalities, /disabled, /password): the list, a new user, and one user's roles, municipalities,
// access and a new password.
// The API is the guard (only a REGIONAL_ADMINISTRATOR granted all municipalities); this screen shows
// its answers: a refused field next to the field and in an error summary above the form, a refused
// rule (409) in the user's language. A password (the first one, or a new one) lives only in its input
// and the one request that sends it; the input is emptied as soon as the API has taken it or refused it.
import { h, replace, field, uid, formatDate } from './dom.js';
import { t, te, language } from './i18n.js';
import * as api from './api.js';
import { say } from './app.js';

const ROLES = ['PROFESSIONAL', 'COORDINATOR', 'REGIONAL_ADMINISTRATOR', 'AUDITOR', 'MUNICIPALITY'];
const ADMIN = 'REGIONAL_ADMINISTRATOR';
const ALL = '*';

/** Guidance per field the API names in a 400 (its own reason follows). */
const FIELD_TEXT = {
  userId: 'users.error.userId',
  name: 'users.error.name',
  organisation: 'users.error.organisation',
  roles: 'users.error.roles',
  municipalities: 'users.error.municipalities',
  password: 'users.error.password',
};
/** Fields whose text says all there is to say; for the others the API's own reason (which entry, which rule of the password policy) follows. */
const COMPLETE = new Set(['userId', 'roles']);
/** The API's rules (409 with a rule), in words. */
const RULE_TEXT = {
  'own-account': 'users.rule.ownAccount',
  'user-exists': 'users.rule.userExists',
  'municipality-register-empty': 'users.rule.registerEmpty',
  'directory-account': 'users.rule.directoryAccount',
};
/** The field a rule is about, where it is about one. */
const RULE_FIELD = { 'user-exists': 'userId', 'municipality-register-empty': 'municipalities' };

/** A message for the next page: the router clears the status line on a page change. */
let flash = null;

function go(hash, message) {
  flash = message;
  location.hash = hash;
}

function showFlash() {
  if (flash) say(flash);
  flash = null;
}

/** #/users, #/users/new or #/users/account/<id>. */
export async function render(main, what, userId) {
  try {
    if (what === 'new') await createPage(main);
    else if (what === 'account') await accountPage(main, userId);
    else await listPage(main);
    showFlash();
  } catch (e) {
    replace(main, h('h1', {}, t('users.title')), h('p', { class: 'utrecht-alert utrecht-alert--error', id: 'users-error' }, message(e)));
  }
}

/** The problem of an API answer in the user's words. */
function message(error) {
  if (!(error instanceof api.ApiError)) return t('error.unexpected', { detail: error.message });
  const p = error.problem || {};
  if (p.rule && RULE_TEXT[p.rule]) return t(RULE_TEXT[p.rule]);
  if (error.status === 403) return t('users.forbidden');
  if (error.status === 404) return t('users.notFound');
  const name = fieldOf(p);
  const reason = p.reason || p.detail || p.title || '';
  if (name && FIELD_TEXT[name]) return COMPLETE.has(name) ? t(FIELD_TEXT[name]) : `${t(FIELD_TEXT[name])} ${t('users.apiSays', { reason })}`;
  return t('error.api', { status: error.status, detail: reason });
}

function fieldOf(problem) {
  if (problem.field) return String(problem.field).split(/[.[]/)[0];
  if (problem.parameter) return String(problem.parameter);
  return RULE_FIELD[problem.rule] || null;
}

function rolesText(roles) {
  return ROLES.filter((r) => (roles || []).includes(r)).map((r) => te('Role', r)).join(', ');
}

function municipalitiesText(list) {
  const m = list || [];
  if (m.includes(ALL)) return t('users.municipalities.all');
  if (!m.length) return t('users.municipalities.none');
  return [...m].sort((a, b) => a.localeCompare(b, 'nl')).join(', ');
}

async function listPage(main) {
  const users = await api.get('/users');
  users.sort((a, b) => a.userId.localeCompare(b.userId));
  const caption = uid('caption');
  replace(main, h('h1', {}, t('users.title')),
    h('p', {}, t('users.intro')),
    h('p', {}, h('a', { href: '#/users/new', class: 'button', id: 'new-user' }, t('users.new'))),
    h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': caption },
      h('table', { id: 'users-table' },
        h('caption', { id: caption }, t('users.caption', { count: users.length })),
        h('thead', {}, h('tr', {}, ['users.userId', 'users.name', 'users.roles', 'users.municipalities', 'users.status', 'users.createdAt', 'users.action']
          .map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, users.map((u) => h('tr', { dataset: { user: u.userId } },
          h('th', { scope: 'row' }, u.userId),
          h('td', { dataset: { label: t('users.name') } }, u.name || ''),
          h('td', { dataset: { label: t('users.roles') } }, rolesText(u.roles)),
          h('td', { dataset: { label: t('users.municipalities') } }, municipalitiesText(u.municipalities)),
          h('td', { dataset: { label: t('users.status') } },
            h('span', { class: u.disabled ? 'utrecht-status-badge utrecht-status-badge--danger' : 'utrecht-status-badge utrecht-status-badge--success' }, t(u.disabled ? 'users.disabled' : 'users.enabled'))),
          h('td', { dataset: { label: t('users.createdAt') } }, formatDate(u.createdAt, language())),
          h('td', {}, h('a', { href: `#/users/account/${encodeURIComponent(u.userId)}`, 'aria-label': t('users.changeOne', { name: u.name || u.userId }) },
            t('users.change')))))))));
}

/**
 * A form's error display: a summary above it (focused, with links to the fields) and a message
 * inside each field's wrapper; the controls get aria-invalid and are described by the message.
 */
function errorDisplay(summary, fields, fallback) {
  const clear = () => {
    summary.hidden = true;
    replace(summary);
    for (const f of Object.values(fields)) {
      f.message.hidden = true;
      f.message.textContent = '';
      f.controls().forEach((c) => c.removeAttribute('aria-invalid'));
    }
  };
  const show = (error) => {
    clear();
    const p = (error instanceof api.ApiError && error.problem) || {};
    const name = fieldOf(p) || fallback;
    const text = message(error);
    const f = fields[name];
    let item;
    if (f) {
      f.message.textContent = text;
      f.message.hidden = false;
      f.controls().forEach((c) => c.setAttribute('aria-invalid', 'true'));
      const target = f.controls()[0];
      item = h('li', {}, h('a', { href: `#${target.id}`, onclick: (ev) => { ev.preventDefault(); target.focus(); } }, `${f.label}: ${text}`));
    } else {
      item = h('li', {}, text);
    }
    replace(summary, h('h2', {}, t('users.errorSummary')), h('ul', {}, item));
    summary.hidden = false;
    summary.focus();
  };
  return { clear, show };
}

function summaryBox() {
  return h('div', { class: 'error-summary utrecht-alert utrecht-alert--error', role: 'alert', tabindex: '-1', hidden: true });
}

function fieldMessage(id) {
  return h('p', { class: 'field-error utrecht-form-field-error-message utrecht-form-field__error-message', id, hidden: true });
}

function required(label) {
  return [label, ' ', h('span', { class: 'required' }, t('users.required'))];
}

/** A text input with a visible required mark, a hint and a place for its error. */
function textField(label, name, attrs, hint, isRequired) {
  const id = uid(name);
  const error = fieldMessage(`${id}-error`);
  const hintEl = hint ? h('p', { class: 'hint utrecht-form-field-description utrecht-form-field__description', id: `${id}-hint` }, hint) : null;
  const input = h('input', {
    id, name, class: 'utrecht-form-field__input', required: isRequired, 'aria-required': isRequired ? 'true' : null,
    'aria-describedby': [hintEl ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' '), ...attrs,
  });
  const wrap = h('div', { class: 'field utrecht-form-field utrecht-form-field--text' }, h('label', { for: id, class: 'utrecht-form-label utrecht-form-field__label' }, isRequired ? required(label) : label), hintEl, error, input);
  return { wrap, input, error, label };
}

/** A fieldset of checkboxes, with a required mark in its legend and a place for its error. */
function checkboxes(legend, name, options, checked, isRequired, hint) {
  const errorId = uid(`${name}-error`);
  const hintId = hint ? uid(`${name}-hint`) : null;
  const error = fieldMessage(errorId);
  const boxes = options.map(([value, text]) => {
    const id = uid(name);
    const input = h('input', { type: 'checkbox', id, name, value, checked: checked.includes(value) });
    return { input, wrap: h('div', { class: 'check' }, input, h('label', { for: id, class: 'utrecht-form-label utrecht-form-label--checkbox' }, text)) };
  });
  const set = h('fieldset', { class: 'checks', 'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') },
    h('legend', {}, isRequired ? required(legend) : legend),
    hint ? h('p', { class: 'hint utrecht-form-field-description', id: hintId }, hint) : null, error, boxes.map((b) => b.wrap));
  return {
    wrap: set, error, label: legend, inputs: boxes.map((b) => b.input),
    values: () => boxes.filter((b) => b.input.checked).map((b) => b.input.value),
  };
}

/** Municipalities: "all" or names of the register (and any the user has that the register lost). */
function municipalityBoxes(register, current) {
  const names = new Set(register.map((m) => m.name));
  (current || []).filter((m) => m !== ALL).forEach((m) => names.add(m));
  const options = [[ALL, t('users.municipalities.allOption')],
    ...[...names].sort((a, b) => a.localeCompare(b, 'nl')).map((n) => [n, n])];
  const boxes = checkboxes(t('users.municipalities.choose'), 'municipalities', options, current || [], false, t('users.municipalities.hint'));
  // "all" and single municipalities exclude each other (the API refuses '*' with others)
  const [all, ...some] = boxes.inputs;
  all.addEventListener('change', () => { if (all.checked) some.forEach((b) => { b.checked = false; }); });
  some.forEach((b) => b.addEventListener('change', () => { if (b.checked) all.checked = false; }));
  return { ...boxes, label: t('users.municipalities') };
}

function roleBoxes(current) {
  const boxes = checkboxes(t('users.roles.choose'), 'roles', ROLES.map((r) => [r, te('Role', r)]), current || [], true, t('users.roles.hint'));
  return { ...boxes, label: t('users.roles') };
}

/** Runs a request for a button: busy text and aria-disabled while it runs; a second press does nothing. */
async function busy(button, work) {
  if (button.getAttribute('aria-disabled') === 'true') return undefined;
  const label = button.textContent;
  button.setAttribute('aria-disabled', 'true');
  button.classList.add('busy');
  button.textContent = t('users.busy');
  const form = button.closest('form');
  if (form) form.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    button.removeAttribute('aria-disabled');
    button.classList.remove('busy');
    button.textContent = label;
    if (form) form.removeAttribute('aria-busy');
  }
}

/**
 * Asks before a step that takes access away: a modal dialog (focus stays inside, Escape cancels),
 * with "cancel" focused first; focus returns to the button that asked.
 */
function confirmStep(title, text, yes) {
  const titleId = uid('confirm-title');
  const textId = uid('confirm-text');
  const yesButton = h('button', { type: 'button', id: 'confirm-yes', class: 'utrecht-button utrecht-button--primary-action utrecht-button--danger' }, yes);
  const noButton = h('button', { type: 'button', id: 'confirm-no', class: 'utrecht-button utrecht-button--secondary-action' }, t('users.cancel'));
  const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': titleId, 'aria-describedby': textId },
    h('h2', { id: titleId }, title), h('p', { id: textId }, text), h('div', { class: 'row' }, yesButton, noButton));
  const opener = document.activeElement;
  document.body.append(dialog);
  return new Promise((resolve) => {
    const close = (answer) => {
      dialog.close();
      dialog.remove();
      if (opener && opener.focus) opener.focus();
      resolve(answer);
    };
    yesButton.addEventListener('click', () => close(true));
    noButton.addEventListener('click', () => close(false));
    dialog.addEventListener('cancel', (ev) => { ev.preventDefault(); close(false); });
    dialog.showModal();
    noButton.focus();
  });
}

async function createPage(main) {
  const register = await api.get('/municipalities');
  const summary = summaryBox();
  const userId = textField(t('users.userId'), 'userId',
    { autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false' }, t('users.userId.hint'), true);
  const name = textField(t('users.name'), 'name', { autocomplete: 'off' }, null, true);
  const organisation = textField(t('users.organisation'), 'organisation', { autocomplete: 'off' }, null, false);
  const roles = roleBoxes([]);
  const municipalities = municipalityBoxes(register, []);
  const password = textField(t('users.password'), 'password', { type: 'password', autocomplete: 'new-password' },
    t('users.password.hint'), true);
  const submit = h('button', { type: 'submit', id: 'create-user' }, t('users.create'));
  const fields = {
    userId: { ...userId, message: userId.error, controls: () => [userId.input] },
    name: { ...name, message: name.error, controls: () => [name.input] },
    organisation: { ...organisation, message: organisation.error, controls: () => [organisation.input] },
    roles: { ...roles, message: roles.error, controls: () => roles.inputs },
    municipalities: { ...municipalities, message: municipalities.error, controls: () => municipalities.inputs },
    password: { ...password, message: password.error, controls: () => [password.input] },
  };
  const errors = errorDisplay(summary, fields, null);
  const form = h('form', { id: 'user-form', novalidate: true },
    summary, userId.wrap, name.wrap, organisation.wrap, roles.wrap, municipalities.wrap, password.wrap,
    h('div', { class: 'row' }, submit, h('a', { href: '#/users', class: 'button secondary' }, t('users.backToList'))));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    busy(submit, async () => {
      errors.clear();
      try {
        const created = await api.post('/users', {
          userId: userId.input.value.trim(),
          name: name.input.value.trim(),
          organisation: organisation.input.value.trim() || null,
          roles: roles.values(),
          municipalities: municipalities.values(),
          password: password.input.value,
        });
        password.input.value = '';
        go(`#/users/account/${encodeURIComponent(created.userId)}`, t('users.created', { name: created.name || created.userId }));
      } catch (e) {
        // a refused password is typed anew; any other refusal keeps it until the form is sent again
        if (fieldOf((e instanceof api.ApiError && e.problem) || {}) === 'password') password.input.value = '';
        errors.show(e);
      }
    });
  });
  replace(main, h('h1', {}, t('users.newTitle')), h('p', {}, t('users.newIntro')), h('p', { class: 'muted' }, t('users.requiredNote')), form);
}

async function accountPage(main, userId) {
  const [account, register] = await Promise.all([api.get(`/users/${encodeURIComponent(userId)}`), api.get('/municipalities')]);
  const me = api.user() || {};
  const own = me.id === account.userId;

  // roles
  const roles = roleBoxes(account.roles);
  const rolesSummary = summaryBox();
  const rolesButton = h('button', { type: 'submit', id: 'save-roles' }, t('users.saveRoles'));
  const rolesErrors = errorDisplay(rolesSummary, { roles: { ...roles, message: roles.error, controls: () => roles.inputs } }, 'roles');
  const rolesForm = h('form', { id: 'roles-form', novalidate: true }, rolesSummary, roles.wrap, rolesButton);
  rolesForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const wanted = roles.values();
    if (account.roles.includes(ADMIN) && !wanted.includes(ADMIN) && !own) {
      const sure = await confirmStep(t('users.confirmAdmin.title'), t('users.confirmAdmin.text', { name: account.name || account.userId }),
        t('users.confirmAdmin.yes'));
      if (!sure) return;
    }
    await busy(rolesButton, () => save(() => api.put(`/users/${encodeURIComponent(account.userId)}/roles`, { roles: wanted }), rolesErrors,
      t('users.rolesSaved', { name: account.name || account.userId })));
  });

  // municipalities
  const municipalities = municipalityBoxes(register, account.municipalities);
  const placesSummary = summaryBox();
  const placesButton = h('button', { type: 'submit', id: 'save-municipalities' }, t('users.saveMunicipalities'));
  const placesErrors = errorDisplay(placesSummary,
    { municipalities: { ...municipalities, message: municipalities.error, controls: () => municipalities.inputs } }, 'municipalities');
  const placesForm = h('form', { id: 'municipalities-form', novalidate: true }, placesSummary, municipalities.wrap, placesButton);
  placesForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    busy(placesButton, () => save(() => api.put(`/users/${encodeURIComponent(account.userId)}/municipalities`,
      { municipalities: municipalities.values() }), placesErrors, t('users.municipalitiesSaved', { name: account.name || account.userId })));
  });

  // access
  const accessSummary = summaryBox();
  const accessButton = h('button', { type: 'submit', id: 'toggle-disabled', class: account.disabled ? null : 'utrecht-button utrecht-button--primary-action utrecht-button--danger' },
    t(account.disabled ? 'users.enable' : 'users.disable'));
  const accessErrors = errorDisplay(accessSummary, {}, null);
  const accessForm = h('form', { id: 'access-form', novalidate: true }, accessSummary,
    h('p', { id: 'account-status' }, t(account.disabled ? 'users.status.disabled' : 'users.status.enabled')), accessButton);
  accessForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const disable = !account.disabled;
    if (disable && !own) {
      const sure = await confirmStep(t('users.confirmDisable.title'), t('users.confirmDisable.text', { name: account.name || account.userId }),
        t('users.confirmDisable.yes'));
      if (!sure) return;
    }
    await busy(accessButton, () => save(() => api.put(`/users/${encodeURIComponent(account.userId)}/disabled`, { disabled: disable }),
      accessErrors, t(disable ? 'users.disabledDone' : 'users.enabledDone', { name: account.name || account.userId })));
  });

  // a new password for another user (one's own is changed at the console: the API refuses it here)
  let passwordForm = null;
  if (!own) {
    const summary = summaryBox();
    const password = textField(t('users.newPassword'), 'password', { type: 'password', autocomplete: 'new-password' },
      t('users.newPassword.hint'), true);
    const button = h('button', { type: 'submit', id: 'reset-password' }, t('users.resetPassword'));
    const errors = errorDisplay(summary, { password: { ...password, message: password.error, controls: () => [password.input] } }, 'password');
    passwordForm = h('form', { id: 'password-form', novalidate: true }, summary, password.wrap, button);
    passwordForm.addEventListener('submit', (ev) => {
      ev.preventDefault();
      busy(button, async () => {
        const body = { password: password.input.value };
        try {
          await save(async () => {
            try {
              await api.put(`/users/${encodeURIComponent(account.userId)}/password`, body);
            } finally {
              body.password = null;
            }
            password.input.value = '';
          }, errors, t('users.passwordReset', { name: account.name || account.userId }));
        } finally {
          // refused by the policy: typed anew; the value never outlives the form
          if (password.input.getAttribute('aria-invalid') === 'true') password.input.value = '';
        }
      });
    });
  }

  /** Saves, then shows the account as the API now has it, with the message; or the API's refusal. */
  async function save(request, errors, done) {
    errors.clear();
    try {
      await request();
    } catch (e) {
      errors.show(e);
      return;
    }
    flash = done;
    await render(main, 'account', account.userId);
    main.querySelector('h1').focus();
  }

  replace(main, h('p', {}, h('a', { href: '#/users' }, t('users.backToList'))),
    h('h1', { tabindex: '-1' }, t('users.accountTitle', { name: account.name || account.userId })),
    h('dl', { class: 'facts utrecht-data-list', id: 'account-facts' },
      h('dt', {}, t('users.userId')), h('dd', {}, account.userId),
      h('dt', {}, t('users.organisation')), h('dd', {}, account.organisation || '—'),
      h('dt', {}, t('users.roles')), h('dd', { id: 'account-roles' }, rolesText(account.roles)),
      h('dt', {}, t('users.municipalities')), h('dd', { id: 'account-municipalities' }, municipalitiesText(account.municipalities)),
      h('dt', {}, t('users.status')), h('dd', {}, t(account.disabled ? 'users.disabled' : 'users.enabled')),
      h('dt', {}, t('users.createdAt')), h('dd', {}, formatDate(account.createdAt, language()))),
    own ? h('p', { class: 'hint utrecht-form-field-description', id: 'own-account-note' }, t('users.ownNote')) : null,
    h('h2', {}, t('users.roles')), rolesForm,
    h('h2', {}, t('users.municipalities')), placesForm,
    h('h2', {}, t('users.access')), accessForm,
    passwordForm ? [h('h2', {}, t('users.password.title')), passwordForm] : null);
}
