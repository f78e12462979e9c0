// Next / previous owner from the keyboard: j / k outside text fields, Alt + → / ← anywhere (also while typing a comment).
import { useEffect } from 'react';

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
}

export function useQueueKeys(step: (by: number) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      if (e.altKey && !e.shiftKey && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
        e.preventDefault();
        step(e.key === 'ArrowRight' ? 1 : -1);
        return;
      }
      if (e.altKey || e.shiftKey || typing(e.target)) return;
      if (e.key === 'j' || e.key === 'k') {
        e.preventDefault();
        step(e.key === 'j' ? 1 : -1);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [step]);
}
