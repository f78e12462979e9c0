// The texts of Seminar's account e-mails: each returns a MailMessage with its one link.
import type { MailMessage } from './mailer.js';

export function passwordResetMail(to: string, link: string): MailMessage {
  return {
    to,
    subject: 'Reset your Seminar password',
    link,
    text: [
      'Someone (hopefully you) asked to reset the password of your Seminar account.',
      '',
      `Choose a new password here (the link works once, within one hour):`,
      link,
      '',
      'If you did not ask for this, ignore this message: your password stays as it is.',
    ].join('\n'),
  };
}

export function invitationMail(to: string, name: string, courseTitle: string, link: string): MailMessage {
  return {
    to,
    subject: `You are invited to ${courseTitle} on Seminar`,
    link,
    text: [
      `Hello ${name},`,
      '',
      `You have been added to ${courseTitle}. Set your password to sign in (the link works once, within 7 days):`,
      link,
      '',
      'If the link has expired, use "Forgot password" on the sign-in page with this e-mail address.',
    ].join('\n'),
  };
}

/**
 * To someone who asked to join a course with this address: the link confirms the address, and
 * only then is anyone enrolled (a new address also chooses its password there).
 */
export function joinConfirmMail(
  to: string,
  input: { name: string; courseTitle: string; link: string; hasAccount: boolean },
): MailMessage {
  const { name, courseTitle, link, hasAccount } = input;
  return {
    to,
    subject: `Confirm your address to join ${courseTitle} on Seminar`,
    link,
    text: [
      `Hello ${name},`,
      '',
      `Someone (hopefully you) asked to join ${courseTitle} with this e-mail address.`,
      hasAccount
        ? 'Confirm here to be enrolled, then sign in with your Seminar password (the link works once, within 24 hours):'
        : 'Confirm here and choose a password to be enrolled (the link works once, within 24 hours):',
      link,
      '',
      'If you did not ask for this, ignore this message: nobody is enrolled with your address unless you confirm.',
    ].join('\n'),
  };
}
