// Addresses of the grading queue: the item list, one item, one owner of it (query parameters, so back and forward and shared links work).
import { coursePageUrl } from '../../../routes.js';

export function queueUrl(slug: string, itemId?: string | null, owner?: string | null): string {
  const q = new URLSearchParams();
  if (itemId) q.set('item', itemId);
  if (owner) q.set('owner', owner);
  const s = q.toString();
  return `${coursePageUrl(slug, 'grades/queue')}${s ? `?${s}` : ''}`;
}
