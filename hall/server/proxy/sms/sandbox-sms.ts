/**
 * The SMS sandbox: "sends" by keeping the message (the last 50, in memory)
 * for the tests and `npm run hall -- sms list`. Its log line names only the
 * masked number, never the text (the text holds the one-time link).
 */
import { randomUUID } from 'node:crypto';
import { ok } from '../../../../domain/result';
import type { SmsPort } from '../ports';
import { maskMobile } from './sms-text';

export interface SandboxMessage {
  messageId: string;
  mobile: string;
  text: string;
  at: Date;
}

export interface SandboxSms extends SmsPort {
  /** Oldest first. */
  messages(): readonly SandboxMessage[];
}

export const SANDBOX_KEEP = 50;

export function createSandboxSms(options: { log?: (line: string) => void; now?: () => Date } = {}): SandboxSms {
  const kept: SandboxMessage[] = [];
  const now = options.now ?? (() => new Date());
  return {
    send(message) {
      const messageId = randomUUID();
      kept.push({ messageId, mobile: message.mobile, text: message.text, at: now() });
      if (kept.length > SANDBOX_KEEP) kept.splice(0, kept.length - SANDBOX_KEEP);
      options.log?.(`SMS (sandbox) → ${maskMobile(message.mobile)}`);
      return Promise.resolve(ok({ messageId }));
    },
    messages: () => [...kept],
  };
}
