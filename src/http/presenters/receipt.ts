// The receipt as the API sends it (the service's receipt is already plain data; this fixes the shape and adds words).
import { outcomeWords, type Receipt } from '../../services/work/receipt.js';

export function presentReceipt(r: Receipt) {
  return { ...r, status: outcomeWords(r.outcome) };
}
