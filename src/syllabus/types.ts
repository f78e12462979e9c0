// Options, warnings and errors of syllabus import.
import type { CourseModel } from '../domain/course.js';

export interface ParseOptions {
  /** IANA zone of the course (its default); a zone the syllabus states is used instead unless timeZoneFixed. */
  timeZone: string;
  /** The zone was chosen by the user (--timezone): the syllabus's own zone only gives a warning. */
  timeZoneFixed?: boolean;
  /** Year to use when neither the dates nor the term give one. */
  year?: number;
  /** First day of classes (YYYY-MM-DD), for schedules written by weeks ("Week 3 (Tue)"). */
  start?: string;
  /** Where the syllabus lives (the course repository's folder): relative links resolve against it. */
  baseUrl?: URL;
}

export interface SyllabusWarning {
  /** 1-based line of the Markdown file. */
  line: number;
  message: string;
}

export interface SyllabusError {
  code: 'empty' | 'binary' | 'too_large' | 'not_a_syllabus';
  message: string;
}

export type ParseResult =
  | {
      ok: true;
      course: CourseModel;
      warnings: SyllabusWarning[];
      /** The source line (1-based) of each meeting's schedule row, in the order of course.meetings. */
      meetingLines?: number[];
    }
  | {
      ok: false;
      error: SyllabusError;
      /** A text that was read but has no dated class: its header, staff and policies, without meetings. */
      partial?: { course: CourseModel; warnings: SyllabusWarning[] };
    };

/** Files larger than this are refused outright. */
export const MAX_SYLLABUS_BYTES = 5 * 1024 * 1024;
