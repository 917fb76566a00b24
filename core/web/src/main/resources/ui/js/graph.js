// The family system as an SVG graph: each current household is a dashed frame holding its members
// (adults above, children below), persons in no household stand on their own; relationships are lines
// whose labels are placed where they overlap no person, no household's heading and no other label.
// Names and labels that do not fit are shortened (the full text is in the node's <title> and in the
// table that follows the picture for screen readers and for reading exact dates). The layout is this
// file's own (no library, no build step): frames flow left to right and wrap, so a large family grows
// downwards instead of drawing persons on top of each other.
import { s } from './dom.js';
import { t, te } from './i18n.js';

const MAX_W = 900; // a row of frames wraps beyond this
const NODE_W = 156;
const NODE_H = 46;
const GAP = 24; // between persons in a frame
const ROW_GAP = 56; // between the adults' and the children's row
const PAD = 14; // inside a frame
const HEADER = 22; // a frame's heading band
const FRAME_GAP = 70; // between frames: room for the relationship lines' labels
const CHAR = 6.8; // an estimate of a 12 px character's width
const LABEL_H = 16;

/** Text shortened to fit a width (px), with an ellipsis. */
function fit(text, width) {
  const max = Math.floor(width / CHAR);
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

function overlaps(a, b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** The point where the line from a box's centre towards (tx, ty) leaves the box. */
function edgeOf(p, tx, ty) {
  const dx = tx - p.x;
  const dy = ty - p.y;
  if (!dx && !dy) return { x: p.x, y: p.y };
  const scale = Math.min(dx ? (NODE_W / 2) / Math.abs(dx) : Infinity, dy ? (NODE_H / 2) / Math.abs(dy) : Infinity);
  return { x: p.x + dx * scale, y: p.y + dy * scale };
}

/** Persons grouped by the current household they live in (first one named), the rest in one group without a frame. */
function groups(system) {
  const members = system.members || [];
  const byId = new Map(members.map((m) => [m.person.id, m]));
  const placed = new Set();
  const out = [];
  for (const hh of system.households || []) {
    const inside = (hh.members || []).filter((m) => !m.until && byId.has(m.personId) && !placed.has(m.personId)).map((m) => byId.get(m.personId));
    if (!inside.length) continue;
    inside.forEach((m) => placed.add(m.person.id));
    out.push({ household: hh, members: inside });
  }
  const rest = members.filter((m) => !placed.has(m.person.id));
  if (rest.length) out.push({ household: null, members: rest });
  return out;
}

/** Positions: frames flowing left to right (wrapping), persons in rows inside them. */
export function layout(system) {
  const isChild = (m) => (m.roles || []).includes('CHILD');
  const frames = [];
  const pos = new Map();
  let x = 0;
  let y = 0;
  let lineH = 0;
  let width = 0;
  for (const g of groups(system)) {
    const rows = [g.members.filter((m) => !isChild(m)), g.members.filter(isChild)].filter((r) => r.length);
    const cols = Math.max(...rows.map((r) => r.length));
    const title = g.household ? `${t('graph.household')}: ${g.household.address}` : '';
    const inner = Math.max(cols * NODE_W + (cols - 1) * GAP, g.household ? Math.min(title.length * CHAR, 2 * NODE_W + GAP) : 0);
    const w = inner + 2 * PAD;
    // room under the last row for the labels of lines between persons side by side
    const h = (g.household ? HEADER : 0) + rows.length * NODE_H + (rows.length - 1) * ROW_GAP + 2 * PAD + LABEL_H + 12;
    if (x > 0 && x + w > MAX_W) { x = 0; y += lineH + FRAME_GAP; lineH = 0; }
    const frame = { x, y, w, h, household: g.household, title: g.household ? fit(title, inner) : '', full: title };
    frames.push(frame);
    rows.forEach((row, r) => {
      const rowW = row.length * NODE_W + (row.length - 1) * GAP;
      const left = x + PAD + (inner - rowW) / 2;
      const cy = y + PAD + (g.household ? HEADER : 0) + r * (NODE_H + ROW_GAP) + NODE_H / 2;
      row.forEach((m, i) => pos.set(m.person.id, { x: left + i * (NODE_W + GAP) + NODE_W / 2, y: cy, child: isChild(m), member: m }));
    });
    x += w + FRAME_GAP;
    lineH = Math.max(lineH, h);
    width = Math.max(width, x - FRAME_GAP);
  }
  return { frames, pos, width: Math.max(width, NODE_W), height: y + lineH };
}

/** One line per pair and type (a relationship the API lists in both directions is drawn once). */
function uniqueRelationships(system, pos) {
  const seen = new Set();
  return (system.relationships || []).filter((r) => {
    if (!pos.has(r.fromPersonId) || !pos.has(r.toPersonId) || r.fromPersonId === r.toPersonId) return false;
    const key = `${[r.fromPersonId, r.toPersonId].sort().join('|')}|${r.type}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function familyGraph(system) {
  const members = system.members || [];
  const { frames, pos, width, height } = layout(system);
  const M = 8; // margin
  const obstacles = [];
  const svg = s('svg', { viewBox: `${-M} ${-M} ${width + 2 * M} ${height + 2 * M}`, width: width + 2 * M, height: height + 2 * M,
    class: 'chart family-graph', role: 'img', 'aria-labelledby': 'family-graph-title', id: 'family-graph' },
  s('title', { id: 'family-graph-title' }, t('graph.title', { n: members.length })));
  for (const f of frames) {
    if (!f.household) continue;
    svg.append(s('rect', { class: 'household', x: f.x, y: f.y, width: f.w, height: f.h, rx: 10 }),
      s('text', { class: 'household-label', x: f.x + PAD, y: f.y + PAD + 11 }, f.title, f.title !== f.full ? s('title', {}, f.full) : null));
    obstacles.push({ x: f.x + PAD, y: f.y + PAD - 4, w: f.title.length * CHAR, h: HEADER });
  }
  for (const p of pos.values()) obstacles.push({ x: p.x - NODE_W / 2, y: p.y - NODE_H / 2, w: NODE_W, h: NODE_H });
  const edges = s('g', { class: 'edges' });
  const labels = s('g', { class: 'edge-labels' });
  for (const r of uniqueRelationships(system, pos)) {
    const a = pos.get(r.fromPersonId);
    const b = pos.get(r.toPersonId);
    const p1 = edgeOf(a, b.x, b.y);
    const p2 = edgeOf(b, a.x, a.y);
    const cls = r.type === 'PARTNER_OF' ? 'edge edge-partner' : r.type === 'EX_PARTNER_OF' ? 'edge edge-ex' : 'edge';
    edges.append(s('line', { class: cls, x1: p1.x, y1: p1.y, x2: p2.x, y2: p2.y, 'data-type': r.type }));
    // the label: the first place along the line (then beside it) that overlaps nothing drawn
    const text = te('RelationshipType', r.type);
    const w = text.length * CHAR + 8;
    const len = Math.hypot(p2.x - p1.x, p2.y - p1.y) || 1;
    const nx = -(p2.y - p1.y) / len;
    const ny = (p2.x - p1.x) / len;
    let best = null;
    search: for (const along of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9]) {
      for (const off of [0, 10, -10, 20, -20, 30, -30, 40, -40, 50, -50, 60, -60]) {
        const cx = p1.x + (p2.x - p1.x) * along + nx * off;
        const cy = p1.y + (p2.y - p1.y) * along + ny * off;
        const box = { x: cx - w / 2, y: cy - LABEL_H / 2, w, h: LABEL_H };
        if (box.x < -M || box.y < -M || box.x + w > width + M || box.y + LABEL_H > height + M) continue;
        if (!obstacles.some((o) => overlaps(o, box))) { best = box; break search; }
      }
    }
    if (!best) {
      const cx = (p1.x + p2.x) / 2;
      const cy = (p1.y + p2.y) / 2;
      best = { x: cx - w / 2, y: cy - LABEL_H / 2, w, h: LABEL_H, crowded: true };
    }
    obstacles.push(best);
    labels.append(s('g', { class: best.crowded ? 'edge-label crowded' : 'edge-label' },
      s('rect', { x: best.x, y: best.y, width: best.w, height: best.h, rx: 3 }),
      s('text', { x: best.x + best.w / 2, y: best.y + 12, 'text-anchor': 'middle' }, text)));
  }
  svg.append(edges);
  for (const p of pos.values()) {
    const m = p.member;
    const full = `${m.person.givenName} ${m.person.familyName}`;
    const roles = `${(m.roles || []).map((x) => te('FamilyRole', x)).join(', ')} (${m.person.age})`;
    svg.append(s('g', { class: 'node' },
      s('title', {}, `${full}: ${roles}`),
      s('rect', { class: p.child ? 'node-person node-child' : 'node-person', x: p.x - NODE_W / 2, y: p.y - NODE_H / 2,
        width: NODE_W, height: NODE_H, rx: 6 }),
      s('text', { x: p.x, y: p.y - 4, 'text-anchor': 'middle' }, fit(full, NODE_W - 10)),
      s('text', { x: p.x, y: p.y + 14, 'text-anchor': 'middle' }, fit(roles, NODE_W - 10))));
  }
  svg.append(labels);
  return svg;
}
