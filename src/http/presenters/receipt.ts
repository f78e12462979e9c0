// The receipt as the API sends it (the service's receipt is already plain data; this fixes the shape and adds words).
import { outcomeWords, type Receipt } from '../../services/work/receipt.js';

export function presentReceipt(r: Receipt) {
  // Named one by one (not spread): the same shape every time, and built at a hand-in's pace.
  return {
    id: r.id,
    headline: r.headline,
    deliverableKey: r.deliverableKey,
    deliverableTitle: r.deliverableTitle,
    meetingDate: r.meetingDate,
    readingIndex: r.readingIndex,
    version: r.version,
    submittedBy: r.submittedBy,
    groupId: r.groupId,
    submittedAt: r.submittedAt,
    dueAt: r.dueAt,
    sha256: r.sha256,
    size: r.size,
    late: r.late,
    outcome: r.outcome,
    lateByMs: r.lateByMs,
    files: r.files,
    warnings: r.warnings,
    status: outcomeWords(r.outcome),
  };
}
