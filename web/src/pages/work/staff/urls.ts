// Addresses of the staff views of /courses/:slug/work (query parameters, so that back and forward work and links can be shared).

export type StaffView = 'status' | 'settings' | 'extensions' | 'owner';

export function workUrl(slug: string, params: Record<string, string | null | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return `/courses/${encodeURIComponent(slug)}/work${s ? `?${s}` : ''}`;
}

/** One student's or group's hand-ins of a deliverable (optionally one class). */
export function ownerUrl(slug: string, key: string, owner: string, date: string | null): string {
  return workUrl(slug, { view: 'owner', key, owner, date });
}
