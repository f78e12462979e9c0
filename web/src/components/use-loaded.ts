// One page's data from the API: loaded on mount, its error kept for a retry, the server's clock noted.
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api.js';
import { messageOf } from '../auth/client.js';
import { noteServerTime } from './server-now.js';

/** Any failure as an ApiError: a request that never reached the server reads as a network error. */
export const asApiError = (e: unknown): ApiError =>
  e instanceof ApiError ? e : new ApiError(0, 'network', messageOf(e));

/**
 * Loads what `fetch` answers whenever it changes (wrap it in useCallback) and notes the answer's `now`
 * as the server's time; `reload` loads again (after an error or a change); `setData` takes a fresher answer
 * (one a save returned).
 */
export function useLoaded<T extends { now: string }>(
  fetch: () => Promise<T>,
): { data: T | null; error: ApiError | null; reload: () => void; setData: (data: T) => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const reload = useCallback(() => {
    setError(null);
    fetch().then(
      (d) => {
        noteServerTime(d.now);
        setData(d);
      },
      (e: unknown) => setError(asApiError(e)),
    );
  }, [fetch]);
  useEffect(reload, [reload]);
  return { data, error, reload, setData };
}
