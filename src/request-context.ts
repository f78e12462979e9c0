// The request a piece of work is done for: its id follows the request into the rows it writes (queued mail) and their logs.
import { AsyncLocalStorage } from 'node:async_hooks';

const context = new AsyncLocalStorage<{ requestId: string }>();

/** Runs `fn` (and everything it starts) on behalf of request `requestId`. */
export function runForRequest<T>(requestId: string, fn: () => T): T {
  return context.run({ requestId }, fn);
}

/** The id of the request being served here, or null (a background job). */
export function currentRequestId(): string | null {
  return context.getStore()?.requestId ?? null;
}
