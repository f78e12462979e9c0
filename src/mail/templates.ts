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

/** To someone who asked to join a course with an e-mail that already has an account. */
export function joinRequestMail(to: string, courseTitle: string, link: string): MailMessage {
  return {
    to,
    subject: `Finish joining ${courseTitle} on Seminar`,
    link,
    text: [
      `Someone (hopefully you) asked to join ${courseTitle} with this e-mail address, which already has a Seminar account.`,
      '',
      'Sign in and confirm here:',
      link,
      '',
      'If you did not ask for this, ignore this message.',
    ].join('\n'),
  };
}
