// A peer feedback window in words, in the course's zone: "Feedback open until Thu, Aug 29 · 11:59 PM CDT (tomorrow)".
import { formatInstant, fromNow, instantOf } from '../../time.js';
import type { PeerClassWindow } from './peer-client.js';

export function peerWindowWords(c: PeerClassWindow, now: number, zone: string): string {
  if (now >= instantOf(c.opensAt) && now <= instantOf(c.closesAt))
    return `Feedback open until ${formatInstant(c.closesAt, zone)} (${fromNow(c.closesAt, now, zone)})`;
  if (now < instantOf(c.opensAt))
    return `Feedback opens when the class starts, ${formatInstant(c.opensAt, zone)}`;
  return `Feedback closed ${formatInstant(c.closesAt, zone)}`;
}
