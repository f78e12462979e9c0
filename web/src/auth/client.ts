// The web client's account calls: the session probe, and state-changing requests that carry the CSRF token.
import { useSyncExternalStore } from 'react';
import type { SessionBody } from '../../../src/contracts/auth.js';
import { landingPath, safeNextPath } from '../../../src/contracts/safe-links.js';
import { ApiError } from '../api.js';

export type {
  LinkStatus,
  AccountBody,
  JoinStatus,
  JoinResult,
  JoinConfirmStatus,
  JoinConfirmResult,
} from '../../../src/contracts/auth.js';

function csrfCookie(): string {
  const match = /(?:^|;\s*)seminar_csrf=([^;]+)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]!) : '';
}

/** Any API call: JSON in and out, errors as ApiError (status, code, message, details). */
export async function call<T>(
  method: string,
  path: string,
  body?: unknown,
  raw?: { body: BodyInit; type: string },
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrfCookie();
  let payload: BodyInit | undefined;
  if (raw) {
    headers['content-type'] = raw.type;
    payload = raw.body;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached. Check your connection.');
  }
  if (response.status === 204) return undefined as T;
  let data: unknown = null;
  try {
    data = await response.json();
  } catch {
    // Empty or non-JSON body: reported by status below.
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    const failure = new ApiError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? response.statusText,
    );
    (failure as ApiError & { details?: unknown }).details = error?.details;
    throw failure;
  }
  return data as T;
}

export function detailsOf(error: unknown): Record<string, unknown> | null {
  const details = (error as { details?: unknown } | null)?.details;
  return details && typeof details === 'object' ? (details as Record<string, unknown>) : null;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong. Try again.';
}

// One session probe per page load, shared by every component (no provider needed).
type SessionState =
  { state: 'loading' } | { state: 'ready'; session: SessionBody } | { state: 'error'; error: ApiError };
let current: SessionState = { state: 'loading' };
let started = false;
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  current = next;
  for (const l of listeners) l();
}

export function loadSession(): void {
  started = true;
  call<SessionBody>('GET', '/api/auth/session').then(
    (session) => set({ state: 'ready', session }),
    (error: unknown) =>
      set({
        state: 'error',
        error: error instanceof ApiError ? error : new ApiError(0, 'client', String(error)),
      }),
  );
}

export function useSession(): SessionState {
  // On the server (rendering a public page) there is no session to ask for: the menu waits for the browser.
  if (!started && typeof window !== 'undefined') loadSession();
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

/** Makes sure the CSRF cookie exists before a visitor posts a form. */
export async function ensureCsrf(): Promise<void> {
  if (!csrfCookie()) await call('GET', '/api/auth/session');
}

/** After sign-in or sign-out every cached view (course abilities, navigation) is stale: reload into `to`. */
export function reloadInto(to: string): void {
  window.location.assign(to);
}

/** A same-site path from ?next= (never another origin: decided after URL parsing). */
export function safeNext(next: string | null, fallback = '/'): string {
  return safeNextPath(next, fallback);
}

/** Where a person who just signed in goes when no page asked for them: staff to Today, others to the courses. */
export async function landing(): Promise<string> {
  const session = await call<SessionBody>('GET', '/api/auth/session');
  return landingPath(session.courses);
}

/** The sign-in page, returning to `here` (the current path and query) afterwards; from "/" it lands as `landing` says. */
export function signInHref(here: string): string {
  const next = safeNextPath(here, '');
  return next === '' || next === '/' || next.startsWith('/sign-in')
    ? '/sign-in'
    : `/sign-in?next=${encodeURIComponent(next)}`;
}
