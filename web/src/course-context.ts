// The loaded course, shared by the pages of /courses/:slug (they render only once it has arrived).
import { createContext, useContext, useEffect, useState } from 'react';
import type { CourseDetail } from './api.js';
import { renderedTitle } from './page-data.js';

export const CourseContext = createContext<CourseDetail | null>(null);

/** Loads the course again (its header and pages follow) after a change made on one of its pages, such as an import. */
export const CourseReloadContext = createContext<() => void>(() => {});

export const useReloadCourse = (): (() => void) => useContext(CourseReloadContext);

export function useCourse(): CourseDetail {
  const course = useContext(CourseContext);
  if (!course) throw new Error('useCourse() outside a loaded course');
  return course;
}

/** Sets the document title: "Schedule · CS 598 Systems for Generative AI · Seminar". */
export function useDocumentTitle(...parts: Array<string | null | undefined>): void {
  const title = [...parts.filter(Boolean), 'Seminar'].join(' · ');
  if (typeof document === 'undefined') renderedTitle.current = title;
  useEffect(() => {
    document.title = title;
  }, [title]);
}

/** Current time in ms, refreshed every `everyMs` so countdowns stay true on a page left open. */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
