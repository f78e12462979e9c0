// Response bodies of the staff roster and its import preview, carrying the viewer's abilities.
import type { RosterBody, RosterPerson } from '../../contracts/roster.js';
import type { RosterEntryRow } from '../../storage/repositories/enrollments.js';

export function presentRosterPerson(row: RosterEntryRow): RosterPerson {
  return {
    userId: row.user_id,
    name: row.name,
    email: row.email,
    netId: row.net_id,
    role: row.role,
    enrolledAt: row.created_at,
    droppedAt: row.dropped_at,
  };
}

export function presentRoster(rows: RosterEntryRow[], abilities: Record<string, boolean>): RosterBody {
  return { people: rows.map(presentRosterPerson), abilities };
}
