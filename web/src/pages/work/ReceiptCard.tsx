// One receipt on screen: server time in the course's zone, on time or late, sha-256 and size, the file, a download link and a way to copy it.
import { plural } from '../../../../src/contracts/words.js';
import { useEffect, useRef, useState } from 'react';
import { formatInstant } from '../../time.js';
import { bytes, type Receipt } from './work-client.js';

const STATUS: Record<Receipt['outcome'], string> = {
  'on-time': 'on time',
  late: 'late',
  'late-zero': 'late — kept, scores zero',
};

/** The receipt as plain text, for the clipboard or an e-mail to staff. */
export function receiptText(receipt: Receipt, zone: string, heading: string): string {
  const file = receipt.files[0];
  return [
    `Receipt: ${heading}, version ${receipt.version}`,
    `Received: ${formatInstant(receipt.submittedAt, zone)} (${STATUS[receipt.outcome]}; due ${formatInstant(receipt.dueAt, zone)})`,
    file
      ? `File: ${file.name}, ${bytes(file.size)}${file.pages ? `, ${plural(file.pages, 'page')}` : ''}`
      : `Size: ${bytes(receipt.size)}`,
    `SHA-256: ${receipt.sha256}`,
  ].join('\n');
}

export function ReceiptCard({
  receipt,
  zone,
  downloadUrl,
  heading,
  fresh = false,
}: {
  receipt: Receipt;
  zone: string;
  downloadUrl: string;
  /** What it is a receipt for ("Question — Wed, Aug 28, reading 1"), for the copied text. */
  heading?: string;
  /** Just handed in: takes the focus so the student hears and sees it. */
  fresh?: boolean;
}) {
  const [copied, setCopied] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  // Once, when it arrives: later re-renders (countdown ticks) must not pull the focus back here.
  useEffect(() => {
    if (fresh) box.current?.focus();
  }, [fresh, receipt.id]);
  const status = STATUS[receipt.outcome];
  const file = receipt.files[0];
  const text = receiptText(receipt, zone, receipt.headline ?? heading ?? receipt.deliverableTitle);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('Receipt copied.');
    } catch {
      setCopied('Copying is blocked here: select the text of the receipt and copy it.');
    }
  }

  return (
    <div
      className={`receipt receipt-${receipt.outcome}${fresh ? ' receipt-fresh' : ''}`}
      role="group"
      aria-label={`Receipt, version ${receipt.version}`}
      tabIndex={fresh ? -1 : undefined}
      ref={box}
    >
      <p>
        <strong>{fresh ? 'Handed in — receipt' : 'Receipt'}</strong> for {receipt.headline} · version{' '}
        {receipt.version} · received{' '}
        <time dateTime={receipt.submittedAt}>{formatInstant(receipt.submittedAt, zone)}</time> ·{' '}
        <span className="receipt-status">{status}</span>
      </p>
      <p className="receipt-hash">
        SHA-256 <code>{receipt.sha256}</code>
      </p>
      <p>
        {file ? (
          <>
            {file.name}
            {file.pages ? ` (${plural(file.pages, 'page')})` : ''} · {bytes(file.size)}
          </>
        ) : (
          <>Text · {bytes(receipt.size)}</>
        )}{' '}
        ·{' '}
        <a href={downloadUrl} download>
          Download<span className="visually-hidden"> version {receipt.version}</span>
        </a>{' '}
        ·{' '}
        <button type="button" className="link-button" onClick={() => void copy()}>
          Copy receipt<span className="visually-hidden"> version {receipt.version}</span>
        </button>
        <span role="status" className="copy-status">
          {copied ? ` ${copied}` : ''}
        </span>
      </p>
      {receipt.warnings.map((w) => (
        <p key={w} className="receipt-warning">
          {w}
        </p>
      ))}
    </div>
  );
}
