// The API client: every call to /api/v1 goes through request(), and who the user is goes through
// identityHeaders(): the session token from POST /api/v1/auth/login as Authorization: Bearer.

const BASE = '/api/v1';
const KEY = 'proeftuin.session';

/** An error answer of the API, with its problem+json body. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && (problem.detail || problem.title) ? (problem.detail || problem.title) : `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

let session = read();

/** Requests under way, and who wants to know (the loading indicator). */
let inFlight = 0;
const watchers = new Set();
function flight(delta) {
  inFlight += delta;
  watchers.forEach((w) => w(inFlight));
}
/** Calls watcher(count) whenever the number of requests under way changes. */
export function watchRequests(watcher) {
  watchers.add(watcher);
}

/**
 * Who signs the user in again when the session ended while they worked (401): a function that
 * resolves true once a new session exists (the request is then sent again) or false. Set by the shell.
 */
let reauthenticate = null;
let reauthenticating = null;
export function onUnauthorized(fn) {
  reauthenticate = fn;
}

function read() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY)) || null;
  } catch (e) {
    return null;
  }
}

function keep(value) {
  session = value;
  try {
    if (value) sessionStorage.setItem(KEY, JSON.stringify(value));
    else sessionStorage.removeItem(KEY);
  } catch (e) { /* not kept */ }
}

/** The current user: {id, name, roles, token?} or null. */
export function user() {
  return session;
}

export function logout() {
  if (session && session.token) {
    request('POST', '/auth/logout', {}).catch(() => { /* the token expires anyway */ });
  }
  keep(null);
}

/** Logs in with user name and password; keeps the bearer token for this browser tab. */
export async function login(username, password) {
  const answer = await request('POST', '/auth/login', { username, password }, { anonymous: true });
  const token = answer.token || answer.accessToken || answer.access_token;
  if (!token) throw new ApiError(500, { detail: 'login answered without a token' });
  // core/security answers a Session {token, expiresAt, idleTimeout, principal {userId, name, roles, ...}}
  const who = answer.principal || {};
  keep({ token, id: who.userId || username, name: who.name || username, roles: who.roles || [] });
  try {
    const me = await request('GET', '/auth/me');
    const p = me.principal || me;
    keep({ token, id: p.userId || p.id || session.id, name: p.name || session.name, roles: p.roles || session.roles });
  } catch (e) { /* the token works for writes; the name stays the user name */ }
  return session;
}

function identityHeaders() {
  if (!session) return {};
  return session.token ? { Authorization: `Bearer ${session.token}` } : {};
}

/**
 * One API call. body is sent as JSON; options.ifMatch sets If-Match; answers the parsed JSON body
 * (with the ETag as result.etag on objects), text for non-JSON answers, or null for 204.
 */
export async function request(method, path, body, options = {}) {
  flight(1);
  try {
    return await send(method, path, body, options);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401 && !options.anonymous && !options.retried && reauthenticate && session && session.token) {
      // one sign-in dialog for all requests that met the ended session; the page (and what was typed) stays
      reauthenticating = reauthenticating || Promise.resolve(reauthenticate()).finally(() => { reauthenticating = null; });
      flight(-1); // waiting for the user is no loading
      const signedIn = await reauthenticating.finally(() => flight(1));
      if (signedIn) return send(method, path, body, { ...options, retried: true });
      keep(null);
    } else if (e instanceof ApiError && e.status === 401 && !options.anonymous && session && session.token && !reauthenticate) {
      keep(null);
    }
    throw e;
  } finally {
    flight(-1);
  }
}

async function send(method, path, body, options) {
  const headers = { Accept: 'application/json', ...(options.anonymous ? {} : identityHeaders()) };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch !== undefined && options.ifMatch !== null) headers['If-Match'] = `"${options.ifMatch}"`;
  if (options.accept) headers.Accept = options.accept;
  const response = await fetch(BASE + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  const type = response.headers.get('Content-Type') || '';
  if (!response.ok) {
    let problem = null;
    if (type.includes('json')) {
      try { problem = await response.json(); } catch (e) { problem = null; }
    }
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return null;
  if (!type.includes('json')) return response.text();
  const result = await response.json();
  const etag = response.headers.get('ETag');
  if (etag && result && typeof result === 'object' && !Array.isArray(result)) {
    Object.defineProperty(result, 'etag', { value: etag.replace(/"/g, ''), enumerable: false });
  }
  return result;
}

export const get = (path, options) => request('GET', path, undefined, options);
export const post = (path, body, options) => request('POST', path, body === undefined ? {} : body, options);
export const put = (path, body, options) => request('PUT', path, body, options);
export const del = (path, options) => request('DELETE', path, undefined, options);

/** A query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') q.set(k, v);
  }
  const text = q.toString();
  return text ? `?${text}` : '';
}
