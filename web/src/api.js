// The API client: JSON over fetch with the session cookie, the CSRF header on writes, and
// one error type carrying the server's message and the field at fault.
let csrfToken = null;
const unauthorizedListeners = new Set();

// Called when a request is refused for want of a session (it expired, or was revoked by a
// password change): the app goes back to the sign-in page.
export function onUnauthorized(listener) {
    unauthorizedListeners.add(listener);
    return () => unauthorizedListeners.delete(listener);
}

export class ApiError extends Error {
    constructor(status, body) {
        super((body && body.error) || `HTTP ${status}`);
        this.status = status;
        this.field = body ? body.field : undefined;
        this.code = body ? body.code : undefined;
    }
}

export function setCsrfToken(token) {
    csrfToken = token;
}

// Query strings from objects, leaving out null, undefined and '' values.
export function query(params) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params || {})) {
        if (value !== null && value !== undefined && value !== '') {
            search.set(key, String(value));
        }
    }
    const text = search.toString();
    return text ? `?${text}` : '';
}

// `body` is sent as JSON, or as is when `contentType` names its type (a file's bytes).
export async function request(method, path, body, contentType) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET' && csrfToken) {
        headers['X-CSRF-Token'] = csrfToken;
    }
    if (body !== undefined) {
        headers['Content-Type'] = contentType || 'application/json';
    }
    const response = await fetch(path, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined || contentType ? body : JSON.stringify(body),
    });
    let json = null;
    const text = await response.text();
    if (text) {
        try {
            json = JSON.parse(text);
        } catch {
            json = null;
        }
    }
    if (!response.ok) {
        if (response.status === 401 && !path.startsWith('/api/v1/auth/')) {
            unauthorizedListeners.forEach((listener) => listener());
        }
        throw new ApiError(response.status, json);
    }
    return json;
}

export const get = (path, params) => request('GET', path + query(params));
export const post = (path, body) => request('POST', path, body ?? {});
export const patch = (path, body) => request('PATCH', path, body);
export const put = (path, body) => request('PUT', path, body);
export const del = (path) => request('DELETE', path);
// A file (Blob) as the request body, byte for byte: the server checks its encoding itself.
export const postFile = (path, file, contentType) => request('POST', path, file, contentType);

// Every page of a v2 cursor list (for short lists: pipelines, stages, users).
export async function getAll(path, params) {
    const items = [];
    let cursor = null;
    do {
        const page = await get(path, { ...params, limit: 500, cursor });
        items.push(...page.data);
        cursor = page.additional_data ? page.additional_data.next_cursor : null;
    } while (cursor);
    return items;
}
