/**
 * argon2id hashes for console passwords and kiosk staff PINs (@node-rs/argon2:
 * its default algorithm is argon2id, 19 MiB, 2 passes), and a dummy hash so an
 * unknown username costs the same verify as a known one.
 */
import { hash, verify } from '@node-rs/argon2';

export function hashSecret(secret: string): Promise<string> {
  return hash(secret);
}

/**
 * A kiosk staff PIN: six digits whose hash is copied to every kiosk, so it is
 * made costlier than a console password (64 MiB, 3 passes: ~0.2 s a try on a
 * kiosk's CPU, checked there once per attempt).
 */
export function hashPin(pin: string): Promise<string> {
  return hash(pin, { memoryCost: 65_536, timeCost: 3, parallelism: 1 });
}

/** false for a wrong secret and for a hash that is not one (never throws). */
export async function verifySecret(phc: string, secret: string): Promise<boolean> {
  try {
    return await verify(phc, secret);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;

/** Verifies against a hash of a random secret: same work, always false. */
export async function verifyDummy(secret: string): Promise<false> {
  dummy ??= hash(`dummy-${Math.random()}-${Date.now()}`);
  await verifySecret(await dummy, secret);
  return false;
}
