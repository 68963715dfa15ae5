/**
 * GA 467 commands (DOMAIN.md §1): CMD/PARA pairs the reader understands.
 */

import { encodeCommand } from './frame';

/** One command: its CMD and PARA bytes. */
export interface Ga467Command {
  readonly cmd: number;
  readonly para: number;
}

/** Every command this driver sends or the simulator answers. */
export const GA467_COMMANDS = {
  /** 复位 SAM. */
  resetSam: { cmd: 0x10, para: 0xff },
  /** 检测状态: SAM self-check. */
  samStatus: { cmd: 0x11, para: 0xff },
  /** SAM ID (management info), 16 data bytes. */
  samId: { cmd: 0x12, para: 0xff },
  /** 寻找证/卡. */
  findCard: { cmd: 0x20, para: 0x01 },
  /** 选取证/卡. */
  selectCard: { cmd: 0x20, para: 0x02 },
  /** 读固定信息: text (256) + photo (1024). */
  readText: { cmd: 0x30, para: 0x01 },
  /** Text + photo + fingerprint (0 or 1024). */
  readTextAndFingerprint: { cmd: 0x30, para: 0x10 },
  /** 追加住址. */
  readAppendedAddress: { cmd: 0x30, para: 0x03 },
  /** Card management number (unverified, one source). */
  readManagementNumber: { cmd: 0x30, para: 0x05 },
  /** Set max RF frame bytes; takes one data byte, e.g. 0x50. */
  setMaxRfFrame: { cmd: 0x61, para: 0xff },
} as const satisfies Record<string, Ga467Command>;

/** The name of a known command. */
export type Ga467CommandName = keyof typeof GA467_COMMANDS;

/** Encodes a named command as a full frame. */
export function encodeNamedCommand(name: Ga467CommandName, data?: Uint8Array): Uint8Array {
  const { cmd, para } = GA467_COMMANDS[name];
  return encodeCommand(cmd, para, data);
}

/** Finds the name of a CMD/PARA pair, or `undefined` when it is not a known command. */
export function commandName(cmd: number, para: number): Ga467CommandName | undefined {
  for (const [name, c] of Object.entries(GA467_COMMANDS) as [Ga467CommandName, Ga467Command][]) {
    if (c.cmd === cmd && c.para === para) return name;
  }
  return undefined;
}
