// The room's request schemas refuse what the service must never see: unknown keys, control characters, overlong text.
import { describe, expect, it } from 'vitest';
import {
  askBodySchema,
  critiqueBodySchema,
  critiquePatchBodySchema,
  phaseBodySchema,
  projectorBodySchema,
  roomEventsQuerySchema,
  roomQuestionParamsSchema,
  roomSettingsBodySchema,
  statusBodySchema,
  timerBodySchema,
} from '../../src/contracts/room.js';

describe('room contract', () => {
  it('takes the documented bodies', () => {
    expect(timerBodySchema.parse({ action: 'reset', minutes: 30 })).toEqual({ action: 'reset', minutes: 30 });
    expect(phaseBodySchema.parse({ phase: 'panel' }).phase).toBe('panel');
    expect(askBodySchema.parse({ paperIndex: 0, text: '  Why PPO?  ' }).text).toBe('Why PPO?');
    expect(statusBodySchema.parse({ status: 'answered' }).status).toBe('answered');
    expect(critiquePatchBodySchema.parse({ ticked: true })).toEqual({ ticked: true });
    expect(projectorBodySchema.parse({ showCheckInCode: true }).showCheckInCode).toBe(true);
    expect(roomSettingsBodySchema.parse({ timerMinutes: null, anonymousQuestions: true })).toEqual({
      timerMinutes: null,
      anonymousQuestions: true,
    });
    expect(roomEventsQuerySchema.parse({ after: '42' }).after).toBe('42');
  });

  it('refuses unknown keys, control characters, overlong or empty text and odd ids', () => {
    expect(timerBodySchema.safeParse({ action: 'start', extra: 1 }).success).toBe(false);
    expect(timerBodySchema.safeParse({ action: 'stop' }).success).toBe(false);
    expect(askBodySchema.safeParse({ paperIndex: null, text: 'a\u0000b' }).success).toBe(false);
    expect(askBodySchema.safeParse({ paperIndex: null, text: 'x'.repeat(1001) }).success).toBe(false);
    expect(critiqueBodySchema.safeParse({ text: '   ' }).success).toBe(false);
    expect(critiquePatchBodySchema.safeParse({}).success).toBe(false);
    expect(
      roomQuestionParamsSchema.safeParse({ slug: 's', date: '2026-12-08', questionId: 'x'.repeat(65) })
        .success,
    ).toBe(false);
    expect(roomQuestionParamsSchema.safeParse({ slug: 's', date: '', questionId: 'a' }).success).toBe(false);
    expect(roomEventsQuerySchema.safeParse({ after: '-1' }).success).toBe(false);
  });
});
