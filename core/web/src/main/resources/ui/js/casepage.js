// The case page for professionals: the case at a glance (family, fixed professional, regie holder,
// phase, framework with the measure's end date, safety agreements, next deadlines, open triage,
// alerts) above tabs for the parts: overview with phase and framework (and their history, in words),
// the family system, the team, the family plan, consents, entries, triage with provenance, and
// finding care. Reading comes first; each form opens behind "Wijzigen"; a framework change asks
// for a confirmation.
import { h, replace, field, formatDate, today, statusTag, summaryCard, confirmDialog, uid } from './dom.js';
import { t, te, language, words, pluginName, rationale, reasons } from './i18n.js';
import * as api from './api.js';
import { act, say, problemText } from './app.js';
import { familyGraph } from './graph.js';
import { planSection } from './plan.js';

const PHASES = ['ACUTE_SAFETY', 'STABILISATION', 'RECOVERY'];
const FRAMEWORKS = ['VOLUNTARY', 'CONDITIONAL', 'COMPULSORY'];
const MEASURES = ['OTS', 'OUT_OF_HOME_PLACEMENT', 'GUARDIANSHIP'];
/** An entry's kind as a status badge: a fact green, a suspicion amber, an opinion grey (the kind's word says which). */
const ENTRY_BADGE = { FACT: 'success', SUSPICION: 'warning', OPINION: 'neutral' };
const ROLES = ['FIXED_PROFESSIONAL', 'RVT_PROFESSIONAL', 'VEILIG_THUIS', 'RAAD', 'GI', 'BEHAVIOURAL_SCIENTIST',
  'PROCESS_DIRECTOR', 'CASE_DIRECTOR', 'CLIENT_SUPPORTER', 'EXPERIENCE_EXPERT', 'CARE_PROVIDER'];
const RELATIONSHIPS = ['PARENT_OF', 'PARTNER_OF', 'EX_PARTNER_OF', 'SIBLING_OF', 'GRANDPARENT_OF', 'INFORMAL_NETWORK_OF'];
const DOMAINS = ['SAFETY', 'PARENTING', 'DEVELOPMENT_AND_SCHOOL', 'INCOME_AND_DEBT', 'HOUSING', 'HEALTH', 'ADDICTION',
  'SOCIAL_NETWORK', 'WORK_AND_DAYTIME'];
const KINDS = ['FACT', 'SUSPICION', 'OPINION'];
const CONCERNS = ['NONE', 'MODERATE', 'SERIOUS', 'ACUTE'];
const URGENCIES = ['REGULAR', 'HIGH', 'CRISIS'];

const SECTIONS = [['overview', 'case.overview'], ['family', 'case.family'], ['team', 'case.team'], ['plan', 'case.plan'],
  ['consents', 'case.consents'], ['entries', 'case.entries'], ['triage', 'case.triage'], ['care', 'case.care'],
  ['measures', 'case.measures'], // living: measures and parental authority per child
  ['waits', 'case.waits'], // muni: waiting is explicit (waits.js)
  // --- ui (issue 18 part 4): reviews, evaluations, court requests, closing (casework.js)
  ['reviews', 'case.reviews'], ['evaluations', 'case.evaluations'], ['court', 'case.court'], ['close', 'case.close']];

/** The tab a user last looked at, per case (kept while the tab of the browser lives). */
function keptTab(caseId) {
  try { return sessionStorage.getItem(`proeftuin.tab.${caseId}`) || 'overview'; } catch (e) { return 'overview'; }
}
function keepTab(caseId, id) {
  try { sessionStorage.setItem(`proeftuin.tab.${caseId}`, id); } catch (e) { /* not kept */ }
}

export async function render(main, caseId) {
  let k;
  try {
    k = await api.get(`/cases/${encodeURIComponent(caseId)}`);
  } catch (e) {
    // ui: a professional not on the case may open it in an emergency (break-glass), for a stated reason
    const roles = (api.user() && api.user().roles) || [];
    if (e.status === 403 && e.problem && e.problem.reason === 'not_assigned' && roles.includes('PROFESSIONAL')) {
      (await import('./casework.js')).breakGlass(main, caseId, problemText(e), () => render(main, caseId).catch((x) => say(problemText(x), 'error')));
      return;
    }
    throw e;
  }
  const path = `/cases/${encodeURIComponent(caseId)}`;
  // after a change the page is read again; a failure there (e.g. 403 when the change took away
  // this user's need to know) is reported, never silently leaves the old page
  const reload = () => render(main, caseId).catch((e) => say(problemText(e), 'error'));
  const names = k.members.map((m) => m.person.givenName).join(', ');
  const containers = Object.fromEntries(SECTIONS.map(([id]) => [id, h('section', { id: `section-${id}`, class: 'tab-panel', 'aria-labelledby': `h-${id}` })]));
  const tabs = {};
  const show = (id, focus) => {
    for (const [sid] of SECTIONS) {
      containers[sid].hidden = sid !== id;
      tabs[sid].setAttribute('aria-current', sid === id ? 'true' : 'false');
    }
    keepTab(k.id, id);
    if (focus) document.getElementById(`h-${id}`)?.focus();
  };
  const tabList = h('ul', { class: 'tabs no-print' }, SECTIONS.map(([id, key]) => h('li', {},
    tabs[id] = h('a', { href: `#/cases/${encodeURIComponent(k.id)}`, id: `tab-${id}`, 'aria-controls': `section-${id}`,
      onclick: (ev) => { ev.preventDefault(); show(id, true); } }, t(key)))));
  const glanceBox = h('div', { id: 'case-glance' });
  replace(main,
    h('h1', {}, t('case.title', { names, municipality: k.municipality })),
    h('p', {}, h('a', { href: `#/cases/${encodeURIComponent(k.id)}/family`, id: 'family-view-link' }, t('case.familyView')),
      ' · ', h('a', { href: `#/cases/${encodeURIComponent(k.id)}/living`, id: 'living-link' }, t('living.title'))),
    glanceBox,
    h('nav', { 'aria-label': t('case.tabs') }, tabList),
    SECTIONS.map(([id]) => containers[id]));
  show(SECTIONS.some(([id]) => id === keptTab(k.id)) ? keptTab(k.id) : 'overview', false);
  const heading = (id, key) => h('h2', { id: `h-${id}`, tabindex: '-1' }, t(key));
  const parts = [
    ['overview', () => overview(k, path, reload)], ['family', () => family(k, path, reload)],
    ['team', () => team(k, path, reload)], ['plan', () => planSection(k, path, reload)],
    ['consents', () => consents(k, path)], ['entries', () => entries(k, path)],
    ['triage', () => triage(k, path)], ['care', () => care(k, path)],
    ['measures', () => measures(k, path, reload)], // living
    ['waits', () => import('./waits.js').then((m) => m.section(k, path, reload))], // muni
    // ui (issue 18 part 4)
    ['reviews', () => import('./casework.js').then((m) => m.reviews(k, path, reload))],
    ['evaluations', () => import('./casework.js').then((m) => m.evaluations(k, path, reload))],
    ['court', () => import('./casework.js').then((m) => m.court(k, path, reload))],
    ['close', () => import('./casework.js').then((m) => m.closing(k, path, reload))],
  ];
  await Promise.all([glance(k, path).then((box) => replace(glanceBox, box)).catch(() => replace(glanceBox)),
    ...parts.map(async ([id, part]) => {
      const key = SECTIONS.find(([s]) => s === id)[1];
      try {
        replace(containers[id], heading(id, key), await part());
      } catch (e) {
        replace(containers[id], heading(id, key), h('p', { class: 'utrecht-alert utrecht-alert--error' }, e.status === 404 || e.status === 405
          ? t('common.notAvailable') : problemText(e)));
      }
    })]);
}

function personName(k, id) {
  const m = k.members.find((x) => x.person.id === id);
  return m ? `${m.person.givenName} ${m.person.familyName}` : id || '';
}

/** The name of whoever did something (a login id in the API's answer): from the team, else the id. */
function actorName(k, id) {
  if (!id) return '';
  const a = (k.team || []).find((x) => x.professionalId === id);
  if (a) return a.name;
  const me = api.user();
  return me && me.id === id ? me.name : id;
}

function personOptions(k, empty) {
  const options = k.members.map((m) => [m.person.id, `${m.person.givenName} ${m.person.familyName}`]);
  return empty ? [['', empty], ...options] : options;
}

const get = (p) => api.get(p).catch((e) => (e.status === 404 || e.status === 405 || e.status === 403 ? null : Promise.reject(e)));

/** The case at a glance: what a professional needs to know before reading further. */
async function glance(k, path) {
  const [plan, outcomes, maatwerk] = await Promise.all([
    k.planVersion ? get(`${path}/plan`) : null, get(`${path}/triage`), get(`${path}/maatwerk`)]);
  const active = k.team.filter((a) => !a.until);
  const fixed = active.find((a) => a.role === 'FIXED_PROFESSIONAL');
  const regie = active.find((a) => a.casusregie);
  const who = (a) => (a ? [a.name, a.organisation ? h('span', { class: 'muted' }, ` (${a.organisation})`) : null] : h('span', { class: 'muted' }, t('glance.nobody')));
  const deadlines = [];
  if (k.measure && k.measure.until) deadlines.push([k.measure.until, t('glance.measureDue', { date: formatDate(k.measure.until, language()) })]);
  for (const c of (plan && plan.conditions) || []) {
    if (c.deadline) deadlines.push([c.deadline, `${c.description} (${formatDate(c.deadline, language())})`]);
  }
  for (const m of maatwerk || []) {
    if (m.deadline && m.state === 'PENDING') deadlines.push([m.deadline, t('glance.maatwerkDue', { provider: m.provider, date: formatDate(m.deadline, language()) })]);
  }
  deadlines.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  const latest = (outcomes || [])[outcomes ? outcomes.length - 1 : 0];
  const alerts = (maatwerk || []).filter((m) => m.overdue).map((m) => `${te('AlertKind', 'MAATWERK_OVERDUE')}: ${m.provider}`);
  const agreements = (plan && plan.agreements) || [];
  return h('section', { class: 'card glance', 'aria-labelledby': 'glance-title', id: 'glance' },
    h('h2', { class: 'card-title', id: 'glance-title' }, t('glance.title')),
    h('dl', { class: 'facts utrecht-data-list' },
      h('dt', {}, t('glance.family')), h('dd', { id: 'glance-family' }, k.members.map((m) => `${m.person.givenName} ${m.person.familyName}`
        + ((m.roles || []).length ? ` (${[...m.roles].map((r) => te('FamilyRole', r)).join(', ')})` : '')).join('; ')),
      h('dt', {}, t('glance.fixed')), h('dd', { id: 'glance-fixed' }, who(fixed)),
      h('dt', {}, t('glance.regie')), h('dd', { id: 'glance-regie' }, who(regie)),
      h('dt', {}, t('glance.phase')), h('dd', { id: 'glance-phase' }, statusTag(te('Phase', k.phase), k.phase === 'ACUTE_SAFETY' ? 'error' : 'info'),
        k.status === 'CLOSED' ? statusTag(te('CaseStatus', k.status), 'neutral') : null),
      h('dt', {}, t('glance.framework')), h('dd', { id: 'glance-framework' }, statusTag(te('Framework', k.framework), k.framework === 'VOLUNTARY' ? 'ok' : 'warning'),
        k.measure ? ` ${te('MeasureType', k.measure.type)}${k.measure.until ? `, ${t('glance.measureUntil', { date: formatDate(k.measure.until, language()) })}` : ''}` : '')),
    h('dl', { class: 'facts utrecht-data-list' },
      h('dt', {}, t('glance.agreements')), h('dd', { id: 'glance-agreements' }, agreements.length
        ? h('ul', {}, agreements.map((a) => h('li', {}, `${a.description} — ${a.who}`))) : h('span', { class: 'muted' }, t('glance.noAgreements'))),
      h('dt', {}, t('glance.deadlines')), h('dd', { id: 'glance-deadlines' }, deadlines.length
        ? h('ul', {}, deadlines.slice(0, 4).map(([, text]) => h('li', {}, text))) : h('span', { class: 'muted' }, t('glance.noDeadlines'))),
      h('dt', {}, t('glance.triage')), h('dd', { id: 'glance-triage' }, latest
        ? [te('Route', latest.decision.route), latest.decision.pending ? [' ', statusTag(t('glance.triagePending'), 'warning')] : null]
        : h('span', { class: 'muted' }, t('glance.noTriage'))),
      h('dt', {}, t('glance.alerts')), h('dd', { id: 'glance-alerts' }, alerts.length
        ? alerts.map((a) => statusTag(a, 'error')) : h('span', { class: 'muted' }, t('glance.noAlerts')))));
}

/**
 * Reading first: the form stays closed behind a "Wijzigen" button (aria-expanded), so the page shows
 * what is, and opens what can change when asked.
 */
function behindChange(label, form) {
  const id = form.id || uid('edit');
  form.id = id;
  form.hidden = true;
  const toggle = h('button', { type: 'button', class: 'utrecht-button utrecht-button--secondary-action edit-toggle', 'aria-expanded': 'false', 'aria-controls': id, id: `${id}-toggle` },
    t('ui.change'), h('span', { class: 'visually-hidden' }, `: ${label}`));
  toggle.addEventListener('click', () => {
    const open = form.hidden;
    form.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open) form.querySelector('input, select, textarea')?.focus();
  });
  return h('div', { class: 'no-print' }, toggle, form);
}

async function overview(k, path, reload) {
  const history = await api.get(`${path}/history`);
  const phase = field(t('case.phase.new'), 'select', { name: 'phase' }, PHASES.map((p) => [p, te('Phase', p)]));
  phase.input.value = k.phase;
  const phaseReason = field(t('common.reason'), 'input', { name: 'phaseReason', field: 'reason' });
  const phaseForm = h('form', { id: 'phase-form' }, h('div', { class: 'row' }, phase.wrap, phaseReason.wrap), h('button', { type: 'submit' }, t('case.phase.change')));
  phaseForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (await act(() => api.post(`${path}/phase`, { phase: phase.input.value, reason: phaseReason.input.value }, { ifMatch: k.version }), t('common.saved'))) reload();
  });
  const fw = field(t('case.framework.new'), 'select', { name: 'framework' }, FRAMEWORKS.map((p) => [p, te('Framework', p)]));
  fw.input.value = k.framework;
  const measure = field(t('case.measure'), 'select', { name: 'measure', field: 'measure' }, [['', t('common.none')], ...MEASURES.map((m) => [m, te('MeasureType', m)])]);
  const since = field(t('common.since'), 'input', { name: 'measureSince', type: 'date', field: `measure.since` });
  const until = field(t('common.until'), 'input', { name: 'measureUntil', type: 'date', field: `measure.until` });
  if (k.measure) { measure.input.value = k.measure.type; since.input.value = k.measure.since || ''; until.input.value = k.measure.until || ''; }
  const fwReason = field(t('common.reason'), 'input', { name: 'frameworkReason', field: 'reason' });
  const fwForm = h('form', { id: 'framework-form' }, h('div', { class: 'row' }, fw.wrap, measure.wrap, since.wrap, until.wrap, fwReason.wrap),
    h('button', { type: 'submit' }, t('case.framework.change')));
  fwForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const button = ev.submitter;
    // a change of framework or measure changes what may and must happen: asked for first
    const sure = await confirmDialog(t('case.confirmFramework.title'),
      t('case.confirmFramework.text', { from: te('Framework', k.framework), to: te('Framework', fw.input.value) }), t('case.confirmFramework.yes'));
    if (!sure) return;
    const m = measure.input.value ? { type: measure.input.value, since: since.input.value || null, until: until.input.value || null } : null;
    if (await act(() => api.post(`${path}/framework`, { framework: fw.input.value, measure: m, reason: fwReason.input.value }, { ifMatch: k.version }),
      t('common.saved'), { form: fwForm, button })) reload();
  });
  const changes = history.filter((e) => ['PHASE_CHANGED', 'FRAMEWORK_CHANGED', 'CASE_OPENED'].includes(e.type));
  return h('div', {},
    h('dl', { class: 'grid' },
      h('div', {}, h('dt', {}, t('case.signal')), h('dd', {}, `${te('SignalKind', k.signal.kind)} · ${te('SignalSource', k.signal.source)} · ${formatDate(k.signal.receivedOn, language())}`),
        h('dd', {}, k.signal.description)),
      h('div', {}, h('dt', {}, t('case.status')), h('dd', {}, te('CaseStatus', k.status))),
      h('div', {}, h('dt', {}, t('case.phase')), h('dd', { id: 'case-phase' }, te('Phase', k.phase)), h('dd', {}, behindChange(t('case.phase'), phaseForm))),
      h('div', {}, h('dt', {}, t('case.framework')), h('dd', { id: 'case-framework' }, te('Framework', k.framework),
        k.measure ? ` (${te('MeasureType', k.measure.type)})` : ''), h('dd', {}, behindChange(t('case.framework'), fwForm)))),
    h('h3', {}, t('case.history')),
    h('ol', { id: 'phase-history' }, changes.map((e) => h('li', {}, h('strong', {}, te('CaseEventType', e.type)), ` — ${formatDate(e.at, language())}: ${words(e.detail)}`,
      e.reason ? ` — ${e.reason}` : '', ` (${t('history.by', { name: actorName(k, e.by) })})`))),
    h('details', {}, h('summary', {}, t('case.historyAll')),
      h('ol', { id: 'case-history' }, history.map((e) => h('li', {}, h('strong', {}, te('CaseEventType', e.type)), ` — ${formatDate(e.at, language())}: ${words(e.detail)}`,
        e.reason ? ` — ${e.reason}` : '', ` (${t('history.by', { name: actorName(k, e.by) })})`)))));
}

async function family(k, path, reload) {
  const system = await api.get(`${path}/family-system`);
  const from = field(t('family.from'), 'select', { name: 'from' }, personOptions(k));
  const type = field(t('family.type'), 'select', { name: 'type' }, RELATIONSHIPS.map((r) => [r, te('RelationshipType', r)]));
  const to = field(t('family.to'), 'select', { name: 'to' }, personOptions(k));
  const relForm = h('form', { class: 'row', id: 'relationship-form' }, from.wrap, type.wrap, to.wrap,
    h('div', { class: 'field' }, h('button', { type: 'submit' }, t('family.relate'))));
  relForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (await act(() => api.post('/relationships', { fromPersonId: from.input.value, toPersonId: to.input.value, type: type.input.value }), t('common.saved'))) reload();
  });
  const address = field(t('household.address'), 'input', { name: 'address' });
  const postal = field(t('household.postalCode'), 'input', { name: 'postalCode' });
  const who = h('fieldset', {}, h('legend', {}, t('household.members')), k.members.map((m) => {
    const box = field(`${m.person.givenName} ${m.person.familyName}`, 'input', { type: 'checkbox', value: m.person.id, name: 'hhMember' });
    box.wrap.classList.add('inline');
    return box.wrap;
  }));
  const hhForm = h('form', { id: 'household-form' }, h('div', { class: 'row' }, address.wrap, postal.wrap), who,
    h('button', { type: 'submit' }, t('household.add')));
  hhForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const ok = await act(async () => {
      const hh = await api.post('/households', { address: address.input.value, postalCode: postal.input.value || null, municipality: k.municipality });
      for (const box of who.querySelectorAll('input:checked')) {
        await api.post(`/households/${encodeURIComponent(hh.id)}/members`, { personId: box.value, since: today() });
      }
      return hh;
    }, t('common.saved'));
    if (ok) reload();
  });
  return h('div', {}, familyGraph(system),
    h('table', {}, h('caption', {}, t('family.relationships')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('family.from')), h('th', { scope: 'col' }, t('family.type')), h('th', { scope: 'col' }, t('family.to')))),
      h('tbody', {}, system.relationships.map((r) => h('tr', {}, h('td', {}, personName(k, r.fromPersonId)),
        h('td', {}, te('RelationshipType', r.type)), h('td', {}, personName(k, r.toPersonId)))))),
    h('details', { class: 'no-print' }, h('summary', {}, t('family.edit')), relForm, hhForm),
    // ui: the members over time (issue 14) and the GDPR work on a member
    await import('./casework.js').then((m) => m.memberHistory(k, path)),
    await import('./casework.js').then((m) => m.personPrivacy(k, reload)));
}

async function team(k, path, reload) {
  const active = k.team.filter((a) => !a.until);
  const name = field(t('team.name'), 'input', { name: 'proName' });
  const id = field(t('team.professionalId'), 'input', { name: 'proId', hint: t('team.pickHint') });
  const org = field(t('team.organisation'), 'input', { name: 'organisation' });
  import('./colleagues.js').then((m) => m.pickColleague(id.input, 'PROFESSIONAL', (c) => {
    if (!name.input.value.trim()) name.input.value = c.name;
    if (!org.input.value.trim() && c.organisation) org.input.value = c.organisation;
  }));
  const role = field(t('team.role'), 'select', { name: 'role' }, ROLES.map((r) => [r, te('ProfessionalRole', r)]));
  const regie = field(t('team.casusregie'), 'input', { type: 'checkbox', name: 'casusregie' });
  regie.wrap.classList.add('inline');
  const form = h('form', { id: 'assign-form' }, h('div', { class: 'row' }, name.wrap, id.wrap, org.wrap, role.wrap, regie.wrap),
    h('button', { type: 'submit' }, t('team.assign')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = { professionalId: id.input.value.trim(), name: name.input.value.trim(), organisation: org.input.value.trim(),
      role: role.input.value, casusregie: regie.input.checked, since: today() };
    if (await act(() => api.post(`${path}/team`, body, { ifMatch: k.version }), t('team.assigned'))) reload();
  });
  const position = field(t('team.position'), 'select', { name: 'position' }, [['FIXED_PROFESSIONAL', te('TeamPosition', 'FIXED_PROFESSIONAL')], ['CASUSREGIE', te('TeamPosition', 'CASUSREGIE')]]);
  const toWho = field(t('team.handoverTo'), 'select', { name: 'toAssignment' }, active.map((a) => [a.id, a.name]));
  const note = field(t('team.handoverNote'), 'textarea', { name: 'handoverNote' });
  const handover = h('form', { id: 'handover-form' }, h('div', { class: 'row' }, position.wrap, toWho.wrap), note.wrap,
    h('button', { type: 'submit' }, t('team.handover')));
  handover.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (await act(() => api.post(`${path}/team/handovers`, { position: position.input.value, toAssignment: toWho.input.value, note: note.input.value }, { ifMatch: k.version }), t('common.saved'))) reload();
  });
  return h('div', {},
    h('p', { id: 'team-size' }, t(k.activeProfessionals === 1 ? 'team.sizeOne' : 'team.size', { n: k.activeProfessionals })),
    active.length ? h('table', { id: 'team-table' },
      h('thead', {}, h('tr', {}, ['team.name', 'team.role', 'team.organisation', 'team.marks', 'common.since'].map((x) => h('th', { scope: 'col' }, t(x))))),
      h('tbody', {}, active.map((a) => h('tr', {}, h('td', {}, a.name), h('td', {}, te('ProfessionalRole', a.role)), h('td', {}, a.organisation),
        h('td', {}, a.role === 'FIXED_PROFESSIONAL' ? h('span', { class: 'utrecht-status-badge utrecht-status-badge--active' }, t('team.fixed')) : null,
          a.casusregie ? h('span', { class: 'utrecht-status-badge utrecht-status-badge--active' }, t('team.regie')) : null),
        h('td', {}, formatDate(a.since, language())))))) : h('p', {}, t('team.empty')),
    h('details', { class: 'no-print', open: active.length === 0 }, h('summary', {}, t('team.assignTitle')), form),
    active.length > 1 ? h('details', { class: 'no-print' }, h('summary', {}, t('team.handoverTitle')), handover) : null);
}

async function consents(k, path) {
  const list = await api.get(`${path}/consents`);
  const who = field(t('consent.person'), 'select', { name: 'consentPerson' }, personOptions(k));
  const subject = field(t('consent.subject'), 'input', { name: 'subject' });
  const reason = field(t('consent.reason'), 'input', { name: 'consentReason' });
  const aim = field(t('consent.aim'), 'input', { name: 'aim' });
  const refusal = field(t('consent.refusal'), 'input', { name: 'refusal' });
  const given = field(t('consent.given'), 'input', { type: 'checkbox', name: 'given' });
  given.wrap.classList.add('inline');
  const body = h('tbody', {}, list.map(row));
  function row(c) {
    return h('tr', {}, h('td', {}, personName(k, c.personId)), h('td', {}, c.subject), h('td', {}, c.given ? t('consent.yes') : t('consent.no')),
      h('td', {}, c.consequenceOfRefusal), h('td', {}, formatDate(c.recordedAt, language())));
  }
  const form = h('form', { id: 'consent-form' }, h('div', { class: 'row' }, who.wrap, subject.wrap, reason.wrap, aim.wrap, refusal.wrap, given.wrap),
    h('button', { type: 'submit' }, t('consent.add')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const c = await act(() => api.post(`${path}/consents`, { personId: who.input.value, subject: subject.input.value, reason: reason.input.value,
      aim: aim.input.value, consequenceOfRefusal: refusal.input.value, given: given.input.checked }), t('common.saved'));
    if (c) body.append(row(c));
  });
  return h('div', {}, h('table', {}, h('thead', {}, h('tr', {}, ['consent.person', 'consent.subject', 'consent.given', 'consent.refusal', 'common.when']
    .map((x) => h('th', { scope: 'col' }, t(x))))), body), h('details', { class: 'no-print' }, h('summary', {}, t('consent.add')), form));
}

async function entries(k, path) {
  const list = await api.get(`${path}/entries`);
  const ul = h('ul', { id: 'entries' }, list.map(item));
  function item(e) {
    return h('li', {}, h('span', { class: `utrecht-status-badge utrecht-status-badge--${ENTRY_BADGE[e.kind] || 'neutral'}` }, te('EntryKind', e.kind)), ' ', e.text,
      h('span', { class: 'muted' }, ` — ${t('entry.source')}: ${e.source}; ${e.authorName}, ${formatDate(e.recordedAt, language())}`));
  }
  const kind = field(t('entry.kind'), 'select', { name: 'entryKind' }, KINDS.map((x) => [x, te('EntryKind', x)]));
  const text = field(t('entry.text'), 'textarea', { name: 'entryText' });
  const source = field(t('entry.source'), 'input', { name: 'entrySource' });
  const about = h('fieldset', {}, h('legend', {}, t('entry.about')), k.members.map((m) => {
    const box = field(`${m.person.givenName}`, 'input', { type: 'checkbox', value: m.person.id, name: 'about' });
    box.wrap.classList.add('inline');
    return box.wrap;
  }));
  const form = h('form', { id: 'entry-form' }, h('p', { class: 'muted' }, t('entry.help')), h('div', { class: 'row' }, kind.wrap, source.wrap), text.wrap, about,
    h('button', { type: 'submit' }, t('entry.add')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const e = await act(() => api.post(`${path}/entries`, { kind: kind.input.value, text: text.input.value, source: source.input.value,
      aboutPersonIds: [...about.querySelectorAll('input:checked')].map((b) => b.value) }), t('common.saved'));
    if (e) { ul.append(item(e)); text.input.value = ''; document.getElementById('entries-none')?.remove(); }
  });
  return h('div', {}, list.length ? null : h('p', { id: 'entries-none' }, t('entry.none')), ul, h('details', { class: 'no-print' }, h('summary', {}, t('entry.add')), form));
}

async function triage(k, path) {
  const outcomes = await api.get(`${path}/triage`);
  const list = h('div', { id: 'triage-outcomes' }, outcomes.slice().reverse().map(outcome));
  function outcome(o) {
    const p = o.provenance || {};
    return h('div', { class: 'panel' },
      h('p', {}, h('strong', {}, te('Route', o.decision.route)), o.decision.classification ? ` — ${words(o.decision.classification)}` : '',
        o.decision.pending ? [' ', statusTag(t('triage.pending'), 'warning')] : ''),
      h('p', { class: 'rationale' }, rationale(o.decision)),
      o.fallback ? h('p', { class: 'utrecht-alert utrecht-alert--error' }, t('triage.fallback', { reason: o.fallbackReason || '' })) : null,
      h('details', {}, h('summary', {}, t('triage.provenance')), h('dl', {},
        h('dt', {}, t('triage.plugin')), h('dd', {}, pluginName(p.pluginId) || '—', h('span', { class: 'muted' }, ` (${p.pluginId || ''} ${p.bundleVersion || ''})`)),
        h('dt', {}, t('triage.bindingRevision')), h('dd', {}, String(p.bindingRevision ?? '')),
        h('dt', {}, t('triage.configurationHash')), h('dd', {}, p.configurationHash || ''),
        h('dt', {}, t('triage.digests')), h('dd', {}, `${p.inputDigest || ''} → ${p.outputDigest || ''}`),
        h('dt', {}, t('common.when')), h('dd', {}, `${formatDate(o.at, language())} (${actorName(k, o.by)})`))));
  }
  const domains = h('fieldset', {}, h('legend', {}, t('triage.domains')), DOMAINS.map((d) => {
    const box = field(te('LifeDomain', d), 'input', { type: 'checkbox', value: d, name: 'domain' });
    box.wrap.classList.add('inline');
    return box.wrap;
  }));
  const concern = field(t('triage.concern'), 'select', { name: 'concern' }, CONCERNS.map((c) => [c, te('SafetyConcern', c)]));
  const repeated = field(t('triage.repeated'), 'input', { type: 'checkbox', name: 'repeated' });
  const earlier = field(t('triage.earlier'), 'input', { type: 'checkbox', name: 'earlier' });
  repeated.wrap.classList.add('inline'); earlier.wrap.classList.add('inline');
  const form = h('form', { id: 'triage-form' }, domains, concern.wrap, repeated.wrap, earlier.wrap, h('button', { type: 'submit' }, t('triage.run')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const o = await act(() => api.post(`${path}/triage`, { problemDomains: [...domains.querySelectorAll('input:checked')].map((b) => b.value),
      safetyConcern: concern.input.value, repeatedViolence: repeated.input.checked, earlierHelpWithoutResult: earlier.input.checked, parentalProblems: [] }), t('common.saved'));
    if (o) list.prepend(outcome(o));
  });
  return h('div', {}, outcomes.length ? null : h('p', {}, t('triage.none')), list, h('details', { class: 'no-print' }, h('summary', {}, t('triage.run')), form));
}

function carePath(cp, path) {
  const box = h('section', { id: 'care-path', 'aria-labelledby': 'care-path-title' });
  box.append(h('h3', { id: 'care-path-title' }, cp.definition ? `${t('care.path')}: ${cp.definition.name}` : t('care.path')));
  if (cp.fallback) {
    // unbound is the region's choice (regular case work); absent or failing is a fault worth flagging
    const unbound = (cp.provenance && !cp.provenance.configurationHash);
    box.append(h('p', { class: unbound ? 'muted' : 'utrecht-alert utrecht-alert--error' }, unbound ? t('care.pathNone') : t('triage.fallback', { reason: cp.fallbackReason || '' })));
  }
  const a = cp.advice;
  if (a) {
    box.append(h('p', {}, a.eligible ? t('care.pathEligible') : t('care.pathNotEligible')),
      h('ul', { class: 'care-path-reasons' }, reasons(a).map((r) => h('li', {}, r))));
    if (a.nextPhase) box.append(h('p', {}, t('care.pathNext', { phase: te('Phase', a.nextPhase) })));
    if ((a.openSteps || []).length) box.append(h('p', {}, t('care.pathOpen')), h('ol', {}, a.openSteps.map((s) => h('li', {}, words(s)))));
  }
  box.append(h('h4', {}, t('care.pathDone')), (cp.steps || []).length
    ? h('ul', {}, cp.steps.map((s) => h('li', {}, `${words(s.step)} — ${formatDate(s.at, language())}: ${s.note}`)))
    : h('p', { class: 'muted' }, t('care.pathNoSteps')));
  if (!cp.fallback && a && (a.openSteps || []).length) {
    const step = field(t('care.pathStep'), 'select', { name: 'step' }, a.openSteps.map((s) => [s, words(s)]));
    const note = field(t('care.pathNote'), 'input', { name: 'stepNote', required: true });
    const form = h('form', { class: 'row no-print', id: 'step-form' }, step.wrap, note.wrap,
      h('div', { class: 'field' }, h('button', { type: 'submit' }, t('care.pathRecord'))));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const next = await act(() => api.post(`${path}/care-path/steps`, { step: step.input.value, note: note.input.value }), t('common.saved'));
      if (next) box.replaceWith(carePath(next, path));
    });
    box.append(form);
  }
  box.append(h('h4', {}, t('care.incidents')), (cp.incidents || []).length
    ? h('ul', {}, cp.incidents.map((i) => h('li', {}, `${formatDate(i.occurredOn, language())}: ${i.description}`)))
    : h('p', { class: 'muted' }, t('care.noIncidents')));
  if (cp.definition) {
    const on = field(t('care.incidentDate'), 'input', { type: 'date', name: 'incidentOn', required: true });
    const what = field(t('care.incidentWhat'), 'input', { name: 'incidentWhat', required: true });
    const form = h('form', { class: 'row no-print', id: 'incident-form' }, on.wrap, what.wrap,
      h('div', { class: 'field' }, h('button', { type: 'submit' }, t('care.incidentRecord'))));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const next = await act(() => api.post(`${path}/care-path/incidents`, { occurredOn: on.input.value, description: what.input.value }), t('common.saved'));
      if (next) box.replaceWith(carePath(next, path));
    });
    box.append(form);
  }
  return box;
}

async function care(k, path) {
  const out = h('div', {});
  // care path (MDA++ and the like): the path's advice, the steps in their order, repeat incidents
  try {
    out.append(carePath(await api.get(`${path}/care-path`), path));
  } catch (e) {
    if (e.status !== 404 && e.status !== 405) out.append(h('p', { class: 'utrecht-alert utrecht-alert--error' }, e.message));
  }
  const person = field(t('care.person'), 'select', { name: 'carePerson' }, personOptions(k));
  const domain = field(t('care.domain'), 'select', { name: 'careDomain' }, DOMAINS.map((d) => [d, te('LifeDomain', d)]));
  const need = field(t('care.need'), 'input', { name: 'need' });
  const urgency = field(t('care.urgency'), 'select', { name: 'urgency' }, URGENCIES.map((u) => [u, te('Urgency', u)]));
  const results = h('div', { id: 'offers', 'aria-live': 'polite' });
  const form = h('form', { class: 'row', id: 'offer-form' }, person.wrap, domain.wrap, need.wrap, urgency.wrap,
    h('div', { class: 'field' }, h('button', { type: 'submit' }, t('care.find'))));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const list = await act(() => api.get(`${path}/offers${api.query({ personId: person.input.value, domain: domain.input.value, need: need.input.value, urgency: urgency.input.value })}`));
    if (!list) return;
    replace(results, list.fallback ? h('p', { class: 'utrecht-alert utrecht-alert--error' }, t('triage.fallback', { reason: list.fallbackReason || '' })) : null,
      (list.offers || []).length ? h('table', {}, h('thead', {}, h('tr', {}, ['care.provider', 'care.product', 'care.contract', 'care.waiting'].map((x) => h('th', { scope: 'col' }, t(x))))),
        h('tbody', {}, list.offers.slice().sort((a, b) => a.waitingDays - b.waitingDays).map((o) => h('tr', {}, h('td', {}, o.provider), h('td', {}, o.product), h('td', {}, o.contract || ''),
          h('td', {}, t('care.days', { n: o.waitingDays })))))) : h('p', {}, t('care.noOffers')),
      list.provenance ? h('p', { class: 'muted' }, t('care.via', { plugin: pluginName(list.provenance.pluginId) })) : null);
  });
  out.append(h('h3', {}, t('care.offers')), form, results);
  // maatwerk: care by a provider without a contract, with its decision deadline
  const mw = h('ul', { id: 'maatwerk' });
  const item = (m) => h('li', {}, `${m.provider} — ${personName(k, m.personId)}: `, statusTag(te('MaatwerkState', m.state), m.state === 'PENDING' ? 'warning' : 'neutral'),
    ` ${t('care.deadline')} ${formatDate(m.deadline, language())}`,
    m.overdue ? [' ', statusTag(t('care.overdue'), 'error')] : null);
  try {
    (await api.get(`${path}/maatwerk`)).forEach((m) => mw.append(item(m)));
  } catch (e) {
    if (e.status === 404 || e.status === 405) { out.append(h('p', { class: 'muted' }, t('common.notAvailable'))); return out; }
    throw e;
  }
  const mwPerson = field(t('care.person'), 'select', { name: 'mwPerson' }, personOptions(k));
  const provider = field(t('care.provider'), 'input', { name: 'mwProvider' });
  const motivation = field(t('care.motivation'), 'textarea', { name: 'motivation' });
  const mwForm = h('form', { id: 'maatwerk-form' }, h('div', { class: 'row' }, mwPerson.wrap, provider.wrap), motivation.wrap, h('button', { type: 'submit' }, t('care.requestMaatwerk')));
  mwForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const m = await act(() => api.post(`${path}/maatwerk`, { personId: mwPerson.input.value, provider: provider.input.value, motivation: motivation.input.value }), t('common.saved'));
    if (m) mw.append(item(m));
  });
  out.append(h('h3', {}, t('care.maatwerk')), h('p', { class: 'muted' }, t('care.maatwerkDecides')), mw,
    h('details', { class: 'no-print' }, h('summary', {}, t('care.requestMaatwerk')), mwForm));
  // ui: care requests (iJw allocation)
  const requests = await import('./casework.js').then((m) => m.careRequests(k, path)).catch(() => null);
  if (requests) out.append(requests);
  return out;
}

export { personName, personOptions, DOMAINS };
// say is re-exported for plan.js users that import from here
export { say };

// --- living (issue 14): the measure and parental authority per child
async function measures(k, path, reload) {
  const [list, authority] = await Promise.all([api.get(`${path}/measures`), api.get(`${path}/authority`)]);
  const children = k.members.filter((m) => m.roles.includes('CHILD'))
    .map((m) => [m.person.id, `${m.person.givenName} ${m.person.familyName}`]);
  const child = field(t('measure.child'), 'select', { name: 'measureChild' }, children);
  const type = field(t('measure.type'), 'select', { name: 'measureType' }, MEASURES.map((m) => [m, te('MeasureType', m)]));
  const start = field(t('measure.start'), 'input', { name: 'measureStart', type: 'date' });
  const end = field(t('measure.end'), 'input', { name: 'measureEnd', type: 'date' });
  const ref = field(t('measure.reference'), 'input', { name: 'courtDecisionReference' });
  const form = h('form', { id: 'measure-form' }, h('div', { class: 'row' }, child.wrap, type.wrap, start.wrap, end.wrap, ref.wrap),
    h('button', { type: 'submit' }, t('measure.add')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (await act(() => api.post(`${path}/measures`, { personId: child.input.value, type: type.input.value,
      startDate: start.input.value || null, endDate: end.input.value || null, courtDecisionReference: ref.input.value }),
    t('common.saved'))) reload();
  });
  const endButton = (m) => h('button', { type: 'button', class: 'no-print', onclick: async () => {
    const reason = window.prompt(t('measure.endReason'));
    if (reason && await act(() => api.post(`${path}/measures/${encodeURIComponent(m.id)}/end`, { endedOn: today(), reason }),
      t('common.saved'))) reload();
  } }, t('measure.endIt'));
  const when = (d) => (d ? formatDate(d, language()) : '');
  return h('div', {},
    list.length ? h('table', { id: 'measure-table' },
      h('thead', {}, h('tr', {}, ['measure.child', 'measure.type', 'measure.start', 'measure.end', 'measure.reference', 'measure.ended']
        .map((x) => h('th', { scope: 'col' }, t(x))), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('measure.endIt'))))),
      h('tbody', {}, list.map((m) => h('tr', {}, h('td', {}, personName(k, m.personId)), h('td', {}, te('MeasureType', m.type)),
        h('td', {}, when(m.startDate)), h('td', {}, when(m.endDate)), h('td', {}, m.courtDecisionReference),
        h('td', {}, m.endedOn ? `${when(m.endedOn)} — ${m.endReason}` : ''), h('td', {}, m.endedOn ? null : endButton(m))))))
      : h('p', {}, t('measure.none')),
    children.length ? h('details', { class: 'no-print' }, h('summary', {}, t('measure.add')), form) : null,
    h('h3', {}, t('authority.title')),
    authority.length ? h('ul', { id: 'authority-list' }, authority.map((a) => h('li', {},
      `${personName(k, a.personId)}: ${a.holderPersonId ? personName(k, a.holderPersonId) : a.holderOrganisation}, `
      + `${t('common.since').toLowerCase()} ${when(a.since)}${a.until ? ` ${t('common.until').toLowerCase()} ${when(a.until)}` : ''}`)))
      : h('p', {}, t('authority.none')));
}

