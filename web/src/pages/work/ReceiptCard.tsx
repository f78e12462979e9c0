// One receipt on screen: server time, on time or late, sha-256 and size, the file and a download link.
import { formatInstant } from '../../time.js';
import { bytes, type Receipt } from './work-client.js';

export function ReceiptCard({ receipt, zone, downloadUrl }: { receipt: Receipt; zone: string; downloadUrl: string }) {
  const status = receipt.outcome === 'on-time' ? 'on time' : receipt.outcome === 'late' ? 'late' : 'late — kept, scores zero';
  return (
    <div className={`receipt receipt-${receipt.outcome}`} role="group" aria-label={`Receipt, version ${receipt.version}`}>
      <p>
        <strong>Receipt</strong> · version {receipt.version} · received {formatInstant(receipt.submittedAt, zone)} · <span className="receipt-status">{status}</span>
      </p>
      <p className="receipt-hash">
        SHA-256 <code>{receipt.sha256}</code> · {bytes(receipt.size)}
        {receipt.files[0] ? ` · ${receipt.files[0].name}${receipt.files[0].pages ? ` (${receipt.files[0].pages} pages)` : ''}` : ''} ·{' '}
        <a href={downloadUrl} download>
          Download
        </a>
      </p>
      {receipt.warnings.map((w) => (
        <p key={w} className="receipt-warning">
          {w}
        </p>
      ))}
    </div>
  );
}
