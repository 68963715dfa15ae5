/**
 * The simulation's sample officer, so staff screens can be tried without a
 * hall: 王警官, staff number 100234, PIN 246810, whose card is the dock's
 * `officer-wang` sample. Used only in simulation while no hall list is cached.
 */
import { hashSync } from '@node-rs/argon2';
import type { StaffAllowList } from '../../contract/hall-link';
import { maskIdNumber, maskName } from '../../../domain/mask';
import { staffIdDigest } from './allow-list';

export const SANDBOX_OFFICER = {
  staffNumber: '100234',
  pin: '246810',
  name: '王建国',
  /** The dock's sample card `officer-wang` (resources/citizens/officer-wang.json). */
  idNumber: '410402198205122018',
  sampleCard: 'officer-wang',
} as const;

/** The key a simulated kiosk matches officer cards with when config names none (simulation only: not a secret). */
export const SANDBOX_STAFF_ID_KEY = '5a'.repeat(32);

/** The sandbox allow-list (version 0, so any list from a hall replaces it); the PIN hash is made once. */
export function sandboxAllowList(staffIdKey: string, now: Date): StaffAllowList {
  return {
    version: 0,
    issuedAt: now.toISOString(),
    staff: [
      {
        staffNumber: SANDBOX_OFFICER.staffNumber,
        nameMasked: maskName(SANDBOX_OFFICER.name),
        idDigest: staffIdDigest(staffIdKey, SANDBOX_OFFICER.idNumber),
        idNumberMasked: maskIdNumber(SANDBOX_OFFICER.idNumber),
        role: 'officer',
        // Low cost: a sandbox PIN, hashed at every start.
        pinHash: hashSync(SANDBOX_OFFICER.pin, { algorithm: 2, memoryCost: 4096, timeCost: 2, parallelism: 1 }),
      },
    ],
  };
}
