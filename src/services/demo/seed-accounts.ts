// Demo accounts for `npm start`: an administrator, an instructor, a TA and twelve students of the demo course, with known passwords.
import type { Db } from '../../storage/db.js';
import { findUserByEmail } from '../../storage/repositories/users.js';
import { hashPassword } from '../auth/passwords.js';
import { createUser } from '../auth/users.js';
import { enrollAs } from '../enrollment/name-instructor.js';

/** Every demo account signs in with this password (only ever on a demo instance). */
export const DEMO_PASSWORD = 'seminar-demo';

export interface DemoPerson {
  email: string;
  name: string;
  netId: string | null;
  role: 'admin' | 'instructor' | 'ta' | 'student';
}

const STUDENT_NAMES = [
  'Ada Lovelace',
  'Alan Turing',
  'Barbara Liskov',
  'Claude Shannon',
  'Donald Knuth',
  'Edsger Dijkstra',
  'Frances Allen',
  'Grace Hopper',
  'John McCarthy',
  'Katherine Johnson',
  'Leslie Lamport',
  'Margaret Hamilton',
];

export const DEMO_PEOPLE: DemoPerson[] = [
  { email: 'admin@example.edu', name: 'Demo Administrator', netId: null, role: 'admin' },
  { email: 'instructor@example.edu', name: 'Dana Instructor', netId: 'dinstr', role: 'instructor' },
  { email: 'ta@example.edu', name: 'Terry Assistant', netId: 'tassist', role: 'ta' },
  ...STUDENT_NAMES.map((name, i) => {
    const netId = name.split(' ')[0]!.toLowerCase() + String(i + 1);
    return { email: `${netId}@example.edu`, name, netId, role: 'student' as const };
  }),
];

/**
 * Creates the demo people (once) and enrolls them in the course; returns one line per person
 * saying how to sign in. Idempotent: existing accounts keep their password and are re-enrolled.
 */
export async function seedDemoAccounts(
  db: Db,
  now: Date,
  courseId: string,
  /** When the demo class is enrolled as of (obligations start there); defaults to now. */
  enrolledAt: Date = now,
): Promise<string[]> {
  let hash: string | null = null;
  const lines: string[] = [];
  for (const person of DEMO_PEOPLE) {
    let user = await findUserByEmail(db, person.email);
    if (!user) {
      hash ??= await hashPassword(DEMO_PASSWORD);
      user = await createUser(db, now, {
        email: person.email,
        name: person.name,
        netId: person.netId,
        passwordHash: hash,
        isAdmin: person.role === 'admin',
      });
    }
    if (person.role !== 'admin') await enrollAs(db, enrolledAt, courseId, user.id, person.role);
    lines.push(`  ${person.role.padEnd(10)} ${person.email.padEnd(26)} ${person.name}`);
  }
  return lines;
}
