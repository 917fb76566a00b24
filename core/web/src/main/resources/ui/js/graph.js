// The family system as an SVG graph: persons as nodes (children in the lower row), relationships as
// lines, households as dashed frames around their current members. A table with the same facts
// follows the picture for screen readers and for reading exact dates.
import { s } from './dom.js';
import { t, te } from './i18n.js';

const W = 760;
const NODE_W = 150;
const NODE_H = 46;

export function familyGraph(system) {
  const members = system.members || [];
  const isChild = (m) => (m.roles || []).includes('CHILD');
  const rows = [members.filter((m) => !isChild(m)), members.filter(isChild)];
  const pos = new Map();
  rows.forEach((row, r) => {
    const gap = W / (row.length + 1);
    row.forEach((m, i) => pos.set(m.person.id, { x: gap * (i + 1), y: 70 + r * 150, child: r === 1 }));
  });
  const height = rows[1].length ? 330 : 180;
  const svg = s('svg', { viewBox: `0 0 ${W} ${height}`, width: W, height, class: 'chart', role: 'img',
    'aria-labelledby': 'family-graph-title', id: 'family-graph' },
  s('title', { id: 'family-graph-title' }, t('graph.title', { n: members.length })));
  // households: a frame around the current members that are drawn
  (system.households || []).forEach((hh, i) => {
    const inside = (hh.members || []).filter((m) => !m.until && pos.has(m.personId)).map((m) => pos.get(m.personId));
    if (!inside.length) return;
    const pad = 12 + i * 6;
    const x1 = Math.min(...inside.map((p) => p.x)) - NODE_W / 2 - pad;
    const x2 = Math.max(...inside.map((p) => p.x)) + NODE_W / 2 + pad;
    const y1 = Math.min(...inside.map((p) => p.y)) - NODE_H / 2 - pad - 14;
    const y2 = Math.max(...inside.map((p) => p.y)) + NODE_H / 2 + pad;
    svg.append(s('rect', { class: 'household', x: x1, y: y1, width: x2 - x1, height: y2 - y1, rx: 10 }),
      s('text', { x: x1 + 8, y: y1 + 14 }, `${t('graph.household')}: ${hh.address}`));
  });
  for (const r of system.relationships || []) {
    const a = pos.get(r.fromPersonId);
    const b = pos.get(r.toPersonId);
    if (!a || !b) continue;
    const cls = r.type === 'PARTNER_OF' ? 'edge edge-partner' : r.type === 'EX_PARTNER_OF' ? 'edge edge-ex' : 'edge';
    const y1 = a.y + (b.y > a.y ? NODE_H / 2 : 0);
    const y2 = b.y - (b.y > a.y ? NODE_H / 2 : 0);
    svg.append(s('line', { class: cls, x1: a.x, y1, x2: b.x, y2 }),
      s('text', { x: (a.x + b.x) / 2 + 4, y: (y1 + y2) / 2 - 4 }, te('RelationshipType', r.type)));
  }
  for (const m of members) {
    const p = pos.get(m.person.id);
    svg.append(s('g', { class: 'node' },
      s('rect', { class: p.child ? 'node-person node-child' : 'node-person', x: p.x - NODE_W / 2, y: p.y - NODE_H / 2,
        width: NODE_W, height: NODE_H, rx: 6 }),
      s('text', { x: p.x, y: p.y - 4, 'text-anchor': 'middle' }, `${m.person.givenName} ${m.person.familyName}`),
      s('text', { x: p.x, y: p.y + 14, 'text-anchor': 'middle' },
        `${(m.roles || []).map((x) => te('FamilyRole', x)).join(', ')} (${m.person.age})`)));
  }
  return svg;
}
