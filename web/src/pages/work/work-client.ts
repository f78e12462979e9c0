// The web client's calls to the work API (hand-ins, questions, attendance, dashboards) and the shapes they answer.
import { call } from '../../auth/client.js';
import { ApiError } from '../../api.js';
import type { DueVersion, ReceiptView } from '../../../../src/contracts/work.js';

export type { DueVersion };

export type Receipt = ReceiptView & { status?: string };

export interface DueItem {
  deliverableKey: string;
  title: string;
  kind: string;
  meetingDate: string | null;
  meetingTitle: string | null;
  dueAt: string;
  countdown: string;
  state: 'open' | 'done' | 'late' | 'zero' | 'missed';
  needed: number;
  handedIn: number;
  readings: string[];
  receipts: Receipt[];
  /** Latest staff decision or comment on the newest version. */
  review: { decision: string; body: string; at: string } | null;
  /** Work staff approve or return: where the newest version stands ('waiting' until staff decide on it). */
  decision?: 'approved' | 'returned' | 'waiting' | null;
  /** While a return's resubmission window is open: a new version is on time until this instant. */
  resubmitBy?: string | null;
  /** Every version, newest first, each with the staff comments about it. */
  history?: DueVersion[];
  acceptsFiles: boolean;
  acceptsText: boolean;
  lateAccepted: boolean;
  /** What a late hand-in gets: accept, flag (marked for staff), zero (kept, scores zero), reject. */
  lateRule?: 'accept' | 'flag' | 'zero' | 'reject';
  /** The due instant without the viewer's extension. */
  regularDueAt?: string;
  extended?: boolean;
  /** Why a hand-in would be refused right now, or null. */
  blocker?: 'not-enrolled' | 'not-in-group' | 'not-holder' | 'late-rejected' | 'closed' | null;
  fileTypes?: string[];
  maxBytes?: number | null;
  maxTextChars?: number | null;
  notes?: string[];
  needsApproval?: boolean;
}

export interface Allowance {
  allowance: number;
  missed: number;
  left: number;
  excused: number;
}

export interface StudentDashboard {
  now: string;
  /** The viewer's group with its members' names (older servers send no members). */
  group: { id: string; name: string; members?: string[] } | null;
  policyAcknowledged: boolean;
  policy: string;
  /** The policy as sanitized HTML (rendered by the server from its Markdown). */
  policyHtml: string;
  items: DueItem[];
  questionAllowance: Allowance;
  attendanceAllowance: Allowance;
}

export interface MeetingQuestions {
  /** The server's clock when it answered (older servers leave it out). */
  now?: string;
  meetingDate: string;
  meetingTitle: string | null;
  deadline: string;
  scope: 'own' | 'all';
  hiddenBecause: 'before-deadline' | 'not-presenter' | null;
  byReading: Array<{
    readingIndex: number;
    readingTitle: string;
    questions: Array<{ id: string; authorName: string; text: string; submittedAt: string; mine: boolean }>;
  }>;
}

export interface DeliverableView {
  key: string;
  title: string;
  due: string;
  perMeeting: boolean;
  meetingDates: string[];
  fileTypes: string[];
  maxBytes: number | null;
  template: string | null;
  maxTextChars: number | null;
  notes: string[];
}

/** A multipart POST (the browser sets the boundary), with the CSRF token; errors as ApiError like call(). */
async function postForm<T>(path: string, form: FormData): Promise<T> {
  const token = /(?:^|;\s*)seminar_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'x-csrf-token': decodeURIComponent(token) },
    });
  } catch {
    throw new ApiError(
      0,
      'network',
      'The upload did not reach the server; nothing was recorded. Check your connection and try again.',
    );
  }
  const data = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string; details?: unknown };
  } | null;
  if (!response.ok) {
    const failure = new ApiError(
      response.status,
      data?.error?.code ?? `http_${response.status}`,
      data?.error?.message ?? response.statusText,
    );
    (failure as ApiError & { details?: unknown }).details = data?.error?.details;
    throw failure;
  }
  return data as T;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** postForm over XMLHttpRequest, whose upload events give progress (fetch has none for request bodies). */
function postFormWithProgress<T>(
  path: string,
  form: FormData,
  onProgress: (fraction: number) => void,
): Promise<T> {
  const token = /(?:^|;\s*)seminar_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', decodeURIComponent(token));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () =>
      reject(
        new ApiError(
          0,
          'network',
          'The upload did not reach the server; nothing was recorded. Check your connection and try again.',
        ),
      );
    xhr.onabort = xhr.onerror;
    xhr.onload = () => {
      const data = parseJson(xhr.responseText) as {
        error?: { code?: string; message?: string; details?: unknown };
      } | null;
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(data as T);
        return;
      }
      const failure = new ApiError(
        xhr.status,
        data?.error?.code ?? `http_${xhr.status}`,
        data?.error?.message ?? xhr.statusText,
      );
      (failure as ApiError & { details?: unknown }).details = data?.error?.details;
      reject(failure);
    };
    xhr.send(form);
  });
}

const base = (slug: string) => `/api/courses/${encodeURIComponent(slug)}`;

export const workApi = {
  dashboard: (slug: string) => call<StudentDashboard>('GET', `${base(slug)}/dashboard`),
  deliverables: (slug: string) =>
    call<{ timeZone: string; policy: string; deliverables: DeliverableView[] }>(
      'GET',
      `${base(slug)}/deliverables`,
    ),
  submitText: (
    slug: string,
    body: {
      deliverableKey: string;
      meetingDate: string | null;
      readingIndex?: number | null;
      text: string;
      acknowledgePolicy: boolean;
    },
  ) => call<Receipt>('POST', `${base(slug)}/submissions`, body),
  upload: (
    slug: string,
    q: { deliverableKey: string; meetingDate: string | null; acknowledgePolicy: boolean },
    file: File,
  ) => {
    const form = new FormData();
    form.append('file', file, file.name);
    const params = new URLSearchParams({
      deliverableKey: q.deliverableKey,
      acknowledgePolicy: String(q.acknowledgePolicy),
    });
    if (q.meetingDate) params.set('meetingDate', q.meetingDate);
    return postForm<Receipt>(`${base(slug)}/submissions/upload?${params}`, form);
  },
  questions: (slug: string, date: string) =>
    call<MeetingQuestions>('GET', `${base(slug)}/meetings/${date}/questions`),
  meeting: (slug: string, date: string) =>
    call<Record<string, unknown>>('GET', `${base(slug)}/meetings/${date}/dashboard`),
  table: (slug: string, key: string) =>
    call<Record<string, unknown>>('GET', `${base(slug)}/deliverables/${key}/status`),
  roll: (slug: string, date: string) => call<Roll>('GET', `${base(slug)}/meetings/${date}/attendance`),
  mark: (slug: string, date: string, marks: Array<{ userId: string; status: Mark }>) =>
    call<Roll>('PUT', `${base(slug)}/meetings/${date}/attendance`, { marks }),
  openCode: (slug: string, date: string) =>
    call<Roll>('POST', `${base(slug)}/meetings/${date}/check-in-code`),
  checkIn: (slug: string, date: string, code: string) =>
    call<{ status: string }>('POST', `${base(slug)}/meetings/${date}/check-in`, { code }),
  /** The same upload as `upload`, reporting progress (0–1) while the file is sent. */
  uploadWithProgress: (
    slug: string,
    q: { deliverableKey: string; meetingDate: string | null; acknowledgePolicy: boolean },
    file: File,
    onProgress: (fraction: number) => void,
  ) => {
    const form = new FormData();
    form.append('file', file, file.name);
    const params = new URLSearchParams({
      deliverableKey: q.deliverableKey,
      acknowledgePolicy: String(q.acknowledgePolicy),
    });
    if (q.meetingDate) params.set('meetingDate', q.meetingDate);
    return postFormWithProgress<Receipt>(`${base(slug)}/submissions/upload?${params}`, form, onProgress);
  },
  downloadUrl: (slug: string, id: string) => `${base(slug)}/submissions/${id}/download`,
  zipUrl: (slug: string, what: { meetingDate?: string; key?: string }) =>
    what.meetingDate
      ? `${base(slug)}/meetings/${what.meetingDate}/download`
      : `${base(slug)}/deliverables/${what.key}/download`,
};

export type Mark = 'present' | 'absent' | 'excused';

export interface Roll {
  meetingDate: string;
  meetingTitle: string | null;
  start: string;
  end: string;
  taken: boolean;
  checkInCode: string | null;
  codeExpiresAt: string | null;
  entries: Array<{ userId: string; name: string; status: Mark | null; source: string | null }>;
  counts: Record<string, number>;
}

export const STATE_WORDS: Record<DueItem['state'], string> = {
  open: 'To do',
  done: 'Handed in',
  late: 'Late',
  zero: 'Late — scores zero',
  missed: 'Missed',
};

export { bytes } from '../../components/bytes.js';
