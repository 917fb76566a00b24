// Picking a colleague (a team member, an independent reviewer) from the platform's users instead of
// typing a login name from memory: a datalist under the field, filled from GET /api/v1/colleagues
// (id, name and organisation only) once two characters are typed. Typing a user id still works.
import { h } from './dom.js';
import * as api from './api.js';

/**
 * @param input    the user-id field
 * @param role     PROFESSIONAL or INDEPENDENT_REVIEWER
 * @param onPicked called with {userId, name, organisation} when the field holds a listed colleague's id
 */
export function pickColleague(input, role, onPicked) {
  const list = h('datalist', { id: `${input.id}-colleagues` });
  input.setAttribute('list', list.id);
  input.setAttribute('autocomplete', 'off');
  input.after(list);
  let found = [];
  let asked = '';
  let timer = null;
  input.addEventListener('input', () => {
    const q = input.value.trim();
    const hit = found.find((c) => c.userId === q);
    if (hit) {
      if (onPicked) onPicked(hit);
      return;
    }
    clearTimeout(timer);
    if (q.length < 2 || q === asked) return;
    timer = setTimeout(async () => {
      asked = q;
      try {
        found = await api.get(`/colleagues?role=${role}&q=${encodeURIComponent(q)}`);
      } catch (e) {
        found = []; // a list that cannot be filled leaves typing the id
      }
      list.replaceChildren(...found.map((c) => h('option', { value: c.userId },
        c.organisation ? `${c.name} (${c.organisation})` : c.name)));
    }, 250);
  });
}
