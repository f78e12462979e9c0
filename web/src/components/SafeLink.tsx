// A link to a URL that came from a syllabus: live only for http(s), mailto and relative targets, plain text otherwise.
import type { ReactNode } from 'react';
import { safeHref } from '../../../src/contracts/safe-links.js';

export function SafeLink({ href, children }: { href: string | null | undefined; children: ReactNode }) {
  const target = safeHref(href);
  return target === null ? <>{children}</> : <a href={target}>{children}</a>;
}
