// Request/response schemas of sign-in, sessions, password links, the account page and join links (shared with the web client).
import { z } from 'zod';

export const EMAIL_MAX = 254;
export const NAME_MAX = 120;

/** Loose at the edge (length only): the services say precisely what is wrong with an address. */
const email = z.string().max(EMAIL_MAX + 50, 'An e-mail address is at most 254 characters.');
const password = z.string().max(1000, 'A password can be at most 200 characters.');
const token = z.string().min(1).max(200);

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  netId: z.string().nullable(),
  isAdmin: z.boolean(),
});

export const myCourseSchema = z.object({
  slug: z.string(),
  title: z.string(),
  code: z.string().nullable(),
  role: z.enum(['instructor', 'ta', 'student']),
});

export const sessionBodySchema = z.object({
  user: userSchema.nullable(),
  /** Send back as the X-CSRF-Token header on every POST/PUT/PATCH/DELETE (also in the seminar_csrf cookie). */
  csrfToken: z.string(),
  courses: z.array(myCourseSchema),
  abilities: z.record(z.string(), z.boolean()),
});

export const signInBodySchema = z.object({ email, password });
export const resetRequestBodySchema = z.object({ email });
export const messageSchema = z.object({ message: z.string() });

export const linkPurposeSchema = z.enum(['reset', 'invite', 'setup']);
export const linkStatusBodySchema = z.object({ purpose: linkPurposeSchema, token });
export const linkStatusSchema = z.object({
  state: z.enum(['valid', 'expired', 'used', 'invalid']),
  email: z.string().nullable(),
  name: z.string().nullable(),
  /** What to do when the link does not work. */
  message: z.string().nullable(),
});

export const completeLinkBodySchema = z.object({ token, password });
export const setupBodySchema = z.object({ token, email, name: z.string().max(NAME_MAX + 50), password });

export const accountBodySchema = z.object({
  user: userSchema,
  courses: z.array(myCourseSchema),
  sessions: z.number().int().describe('How many browsers are signed in to this account'),
});
export const changeNameBodySchema = z.object({ name: z.string().max(NAME_MAX + 50) });
export const changePasswordBodySchema = z.object({ currentPassword: password, newPassword: password });

export const joinStatusBodySchema = z.object({ token });
export const joinRequestBodySchema = z.object({ token, email, name: z.string().max(NAME_MAX + 50) });
export const joinStatusSchema = z.object({
  state: z.enum(['valid', 'expired', 'revoked', 'invalid']),
  course: z.object({ slug: z.string(), title: z.string(), code: z.string().nullable() }).nullable(),
  message: z.string().nullable(),
});
export const joinResultSchema = z.object({
  course: z.object({ slug: z.string(), title: z.string(), code: z.string().nullable() }),
  role: z.string(),
  alreadyEnrolled: z.boolean(),
});

const courseRef = z.object({ slug: z.string(), title: z.string(), code: z.string().nullable() });
export const joinConfirmBodySchema = z.object({ token, password: password.optional() });
export const joinConfirmStatusSchema = z.object({
  state: z.enum(['valid', 'expired', 'used', 'invalid', 'link-expired', 'revoked']),
  course: courseRef.nullable(),
  /** The address being confirmed (on a valid link only). */
  email: z.string().nullable(),
  /** The address has an account with a password: confirming asks for none, the person signs in with it. */
  hasAccount: z.boolean(),
  message: z.string().nullable(),
});
export const joinConfirmResultSchema = z.object({
  course: courseRef,
  email: z.string(),
  alreadyEnrolled: z.boolean(),
  /** This browser is now signed in as the address's account. */
  signedIn: z.boolean(),
  /** Send back as X-CSRF-Token when signedIn came with a new session. */
  csrfToken: z.string().nullable(),
});

export type User = z.infer<typeof userSchema>;
export type MyCourse = z.infer<typeof myCourseSchema>;
export type SessionBody = z.infer<typeof sessionBodySchema>;
export type LinkStatus = z.infer<typeof linkStatusSchema>;
export type AccountBody = z.infer<typeof accountBodySchema>;
export type JoinStatus = z.infer<typeof joinStatusSchema>;
export type JoinResult = z.infer<typeof joinResultSchema>;
export type JoinConfirmStatus = z.infer<typeof joinConfirmStatusSchema>;
export type JoinConfirmResult = z.infer<typeof joinConfirmResultSchema>;
