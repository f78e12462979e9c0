// The one way Seminar sends e-mail: SMTP when configured, otherwise .eml files in DATA_DIR/outbox/ (never dropped).
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The one link the message is about (reset, invitation, set-up); logged when mail goes to the outbox. */
  link?: string;
  /** Extra header lines (List-Unsubscribe and List-Unsubscribe-Post for notification mail). */
  headers?: Record<string, string>;
  /**
   * Makes the Message-ID stable (<key@sender's domain>): a queued job sent again after a crash
   * between the server's acceptance and the "sent" mark arrives as the same message, which mail
   * readers show once.
   */
  idempotencyKey?: string;
}

export interface SentMail {
  via: 'smtp' | 'outbox';
  messageId: string;
  /** Path of the .eml file when written to the outbox. */
  file: string | null;
}

export interface Mailer {
  send(message: MailMessage): Promise<SentMail>;
  close(): void;
}

export interface MailerOptions {
  /** smtp://user:pass@host:port or smtps://…; null writes to the outbox. */
  smtpUrl: string | null;
  from: string;
  outboxDir: string;
  /** Where outbox deliveries are announced (subject, recipient and link). */
  log: (line: string) => void;
}

/** Builds the mailer for a configuration. */
export function createMailer(options: MailerOptions): Mailer {
  return options.smtpUrl ? smtpMailer(options.smtpUrl, options.from) : outboxMailer(options);
}

/** Message-ID of a message with an idempotency key, else nodemailer's own. */
function messageIdOf(message: MailMessage, from: string): { messageId?: string } {
  if (!message.idempotencyKey) return {};
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'seminar.invalid';
  return { messageId: `<${message.idempotencyKey}@${domain}>` };
}

function smtpMailer(smtpUrl: string, from: string): Mailer {
  // One kept connection for a queue round's messages, not a new connection (and TLS handshake) per message;
  // settings in the URL (?pool=false) still win.
  const transport: Transporter = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 1 });
  return {
    async send(message) {
      const info = await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        ...(message.headers ? { headers: message.headers } : {}),
        ...messageIdOf(message, from),
      });
      return { via: 'smtp', messageId: String(info.messageId), file: null };
    },
    close() {
      transport.close();
    },
  };
}

function outboxMailer({ from, outboxDir, log }: MailerOptions): Mailer {
  // nodemailer's stream transport renders the full RFC 5322 message without sending it.
  const transport: Transporter = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });
  return {
    async send(message) {
      const info = (await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        ...(message.headers ? { headers: message.headers } : {}),
        ...messageIdOf(message, from),
      })) as { messageId: string; message: Buffer };
      await mkdir(outboxDir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const file = join(outboxDir, `${stamp}-${randomBytes(4).toString('hex')}.eml`);
      await writeFile(file, info.message);
      log(
        `mail to ${message.to}: "${message.subject}"${message.link ? ` ${message.link}` : ''} (written to ${file}; set SMTP_URL to send)`,
      );
      return { via: 'outbox', messageId: String(info.messageId), file };
    },
    close() {
      transport.close();
    },
  };
}
