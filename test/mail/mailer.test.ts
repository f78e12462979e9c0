// The mail module: real SMTP delivery to a local server, and the outbox when no SMTP is configured.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMailer } from '../../src/mail/mailer.js';
import { invitationMail, passwordResetMail } from '../../src/mail/templates.js';
import { startSmtpSink, unquote, type ReceivedMail, type SmtpSink } from '../support/smtp-sink.js';

describe('mail through SMTP', () => {
  let sink: SmtpSink;
  let received: ReceivedMail[] = [];
  let port = 0;

  beforeAll(async () => {
    sink = await startSmtpSink();
    received = sink.received;
    port = sink.port;
  });

  afterAll(async () => {
    await sink.close();
  });

  it('delivers a password-reset message with its link to the SMTP server', async () => {
    const logged: string[] = [];
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: 'Seminar <seminar@example.edu>',
      outboxDir: '/nonexistent',
      log: (l) => logged.push(l),
    });
    const sent = await mailer.send(
      passwordResetMail('ada@example.edu', 'http://localhost:3000/reset-password?token=abc123'),
    );
    mailer.close();
    expect(sent.via).toBe('smtp');
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['ada@example.edu']);
    expect(received[0]!.from).toBe('seminar@example.edu');
    expect(received[0]!.raw).toContain('Subject: Reset your Seminar password');
    expect(unquote(received[0]!.raw)).toContain('reset-password?token=abc123');
    expect(logged).toEqual([]);
  });

  it('delivers an invitation naming the course, with a non-ASCII name intact', async () => {
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: 'Seminar <seminar@example.edu>',
      outboxDir: '/nonexistent',
      log: () => {},
    });
    await mailer.send(
      invitationMail(
        'jose@example.edu',
        'José Núñez',
        'CS 598 Systems for Generative AI',
        'http://localhost:3000/invitation?token=inv42',
      ),
    );
    mailer.close();
    const mail = received[received.length - 1]!;
    expect(mail.to).toEqual(['jose@example.edu']);
    expect(mail.raw).toContain('Subject: You are invited to CS 598 Systems for Generative AI on Seminar');
    const body = unquote(mail.raw);
    expect(body).toContain('invitation?token=inv42');
    expect(Buffer.from(body, 'latin1').toString('utf8')).toContain('Hello José Núñez,');
  });
});

describe('mail without SMTP', () => {
  it('writes the message to the outbox as an .eml file and logs its subject and link', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'seminar-outbox-'));
    const logged: string[] = [];
    const mailer = createMailer({
      smtpUrl: null,
      from: 'Seminar <seminar@localhost>',
      outboxDir: join(dir, 'outbox'),
      log: (l) => logged.push(l),
    });
    const sent = await mailer.send(
      passwordResetMail('grace@example.edu', 'http://localhost:3000/reset-password?token=xyz'),
    );
    expect(sent.via).toBe('outbox');
    const files = await readdir(join(dir, 'outbox'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const eml = await readFile(join(dir, 'outbox', files[0]!), 'utf8');
    expect(eml).toContain('To: grace@example.edu');
    expect(unquote(eml)).toContain('reset-password?token=xyz');
    expect(logged[0]).toContain('Reset your Seminar password');
    expect(logged[0]).toContain('http://localhost:3000/reset-password?token=xyz');
    await rm(dir, { recursive: true, force: true });
  });
});
