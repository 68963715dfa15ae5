/** The no-criminal-record service's fixed data: id, purposes, settings. */
import { z } from 'zod';

export const SERVICE_ID = 'no-criminal-record';

/** 入职, 出国, 落户, 其他. */
export const PURPOSES = ['employment', 'abroad', 'settlement', 'other'] as const;
export type CertificatePurpose = (typeof PURPOSES)[number];

/** Site settings (`services.settings.no-criminal-record`). */
export const NcrSettings = z
  .object({
    /** Print and show a note on the certificate's validity (some provinces ask for one; most leave it to the receiving organisation). */
    validityNote: z.boolean().default(false),
  })
  .strict()
  .default({ validityNote: false });
export type NcrSettings = z.infer<typeof NcrSettings>;

/** 证件类型 printed on the certificate. */
export function idDocumentTypeOf(cardType: 'resident' | 'hmt' | 'foreigner' | null): string {
  switch (cardType) {
    case 'hmt':
      return '港澳台居民居住证';
    case 'foreigner':
      return '外国人永久居留身份证';
    case 'resident':
    case null:
      return '居民身份证';
    default: {
      const unknown: never = cardType;
      return unknown;
    }
  }
}
