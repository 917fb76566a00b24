// The UI's texts, loaded as JSON from /ui/i18n/<lang>.json (the bundle's messages_<lang>.properties).
// Dutch at B1 level is the default; the choice is kept in localStorage.

const LANGUAGES = ['nl', 'en'];
let texts = {};
let current = 'nl';

export function language() {
  return current;
}

export function languages() {
  return LANGUAGES;
}

export async function load(lang) {
  const wanted = LANGUAGES.includes(lang) ? lang : 'nl';
  const response = await fetch(`/ui/i18n/${wanted}.json`, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`texts for ${wanted}: HTTP ${response.status}`);
  texts = await response.json();
  current = wanted;
  document.documentElement.lang = wanted;
  try { localStorage.setItem('proeftuin.lang', wanted); } catch (e) { /* private mode: not kept */ }
  return wanted;
}

export function preferred() {
  try {
    const kept = localStorage.getItem('proeftuin.lang');
    if (LANGUAGES.includes(kept)) return kept;
  } catch (e) { /* ignore */ }
  return 'nl';
}

/** The text for a key with {name} placeholders filled in; the key itself when a text is missing. */
export function t(key, params = {}) {
  const text = Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (params[name] === undefined ? m : String(params[name])));
}

/** Whether a text exists for the key. */
export function has(key) {
  return Object.prototype.hasOwnProperty.call(texts, key);
}

/** The label of an enum value, e.g. te('Phase', 'ACUTE_SAFETY'). */
export function te(type, value) {
  if (value === null || value === undefined) return '';
  const key = `enum.${type}.${value}`;
  return Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : String(value);
}

let codeIndex = null;
/** The text of a code of any enum type (e.g. 'STABILISATION'), or null. */
export function word(code) {
  if (!codeIndex || codeIndex.texts !== texts) {
    const map = new Map();
    for (const [key, text] of Object.entries(texts)) {
      if (key.startsWith('enum.')) {
        const code2 = key.substring(key.lastIndexOf('.') + 1);
        if (!map.has(code2)) map.set(code2, text);
      }
    }
    codeIndex = { texts, map };
  }
  return codeIndex.map.get(code) || null;
}

/** A sentence of the API with its codes in words ('ACUTE_SAFETY -> STABILISATION' becomes 'Acute veiligheid → Stabilisatie'). */
export function words(text) {
  if (!text) return '';
  return String(text).replace(/\s*->\s*/g, ' → ').replace(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\b[A-Z]{3,}\b/g, (code) => word(code) || code);
}

/** An argument of a rationale part: a code, or codes separated by ", ", in words; free text as it is. */
function argument(value) {
  const text = value === null || value === undefined ? '' : String(value);
  if (!/^[A-Z][A-Z0-9_]*(, [A-Z][A-Z0-9_]*)*$/.test(text)) return text;
  return text.split(', ').map((code) => word(code) || code).join(', ');
}

/**
 * A triage decision's rationale in the user's language: its parts (RationalePart: a key and arguments)
 * each through the text rationale.<key>, joined; the plugin's own text when it gave no parts or when
 * a part has no text here (a plugin from elsewhere).
 */
export function rationale(decision) {
  if (!decision) return '';
  const said = spoken(decision.rationaleParts);
  return said ? said.join(' ') : decision.rationale || '';
}

/**
 * A care path advice's reasons in the user's language (issue 18): its reasonParts through the texts
 * rationale.<key>, one sentence each; the plugin's own reasons when it gave no parts or when a part has
 * no text here.
 */
export function reasons(advice) {
  if (!advice) return [];
  return spoken(advice.reasonParts) || advice.reasons || [];
}

/** Rationale parts each as its text with its arguments in words, or null when there are none or one has no text. */
function spoken(parts) {
  if (!parts || !parts.length || !parts.every((p) => p && has(`rationale.${p.key}`))) return null;
  return parts.map((p) => {
    const args = {};
    for (const [name, value] of Object.entries(p.arguments || {})) args[name] = argument(value);
    return t(`rationale.${p.key}`, args);
  });
}

/** A plugin's name for people: its text, else the name its configuration declares, else its id. */
export function pluginName(pluginId, info) {
  if (!pluginId) return '';
  const key = `plugin.${pluginId}`;
  if (has(key)) return texts[key];
  return (info && info.configuration && info.configuration.name) || pluginId;
}
