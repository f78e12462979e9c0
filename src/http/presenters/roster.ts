// Response bodies of the staff roster and its import preview, carrying the viewer's abilities.
import type { RosterBody, RosterPerson } from '../../contracts/roster.js';
import type { RosterEntry } from '../../services/enrollment/roster.js';

export function presentRosterPerson(row: RosterEntry): RosterPerson {
  return {
    userId: row.user_id,
    name: row.name,
    email: row.email,
    netId: row.net_id,
    role: row.role,
    enrolledAt: row.created_at,
    droppedAt: row.dropped_at,
    startsOn: row.starts_on,
    startSetByHand: row.start_set_by_hand,
  };
}

export function presentRoster(
  roster: { timeZone: string; people: RosterEntry[] },
  abilities: Record<string, boolean>,
): RosterBody {
  return { timeZone: roster.timeZone, people: roster.people.map(presentRosterPerson), abilities };
}
