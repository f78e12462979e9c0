// The account mail the worker sends from queued requests (password reset, join by e-mail): one renderer per kind.
import type { MailRenderer } from '../../mail/queue.js';
import { JOIN_REQUEST_MAIL, renderJoinRequestMail } from '../enrollment/join-by-email.js';
import type { AuthContext } from './context.js';
import { PASSWORD_RESET_MAIL, renderPasswordResetMail } from './password-reset.js';

export function accountMailRenderers(ctx: AuthContext): Record<string, MailRenderer> {
  return {
    [PASSWORD_RESET_MAIL]: renderPasswordResetMail(ctx),
    [JOIN_REQUEST_MAIL]: renderJoinRequestMail(ctx),
  };
}
