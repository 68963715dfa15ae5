/**
 * The card photo and the seam for decoding it.
 *
 * WLT facts (DOMAIN.md §1):
 * - the card stores the photo as 1024 bytes of proprietary WLT compression;
 * - decoded it is a 102×126 image, 24-bit colour;
 * - as a BMP file that is 38 862 bytes: a 54-byte header plus 126 rows of
 *   308 bytes (102 × 3 = 306, padded to a multiple of 4);
 * - decoding needs a licensed vendor library (WltRS.dll / libwlt2bmp), so
 *   the real decoder is plugged in per site through {@link PhotoDecoder}.
 *
 * No decoder here ever fakes a picture: without a licensed library the
 * answer is the typed error `noLicensedDecoder`.
 */
import type { Result } from './card';

/** Bytes of WLT data in the card's photo field. */
export const WLT_PHOTO_BYTES = 1024;
/** Width of the decoded photo in pixels. */
export const PHOTO_WIDTH = 102;
/** Height of the decoded photo in pixels. */
export const PHOTO_HEIGHT = 126;
/** Bytes per BMP pixel row: 102 × 3 padded to a multiple of 4. */
export const PHOTO_BMP_STRIDE = 308;
/** Size of the decoded BMP file: 54-byte header + 126 × 308. */
export const PHOTO_BMP_BYTES = 38_862;

/** A decoded card photo as a 24-bit BMP file. */
export interface DecodedPhoto {
  readonly width: typeof PHOTO_WIDTH;
  readonly height: typeof PHOTO_HEIGHT;
  /** The whole BMP file, {@link PHOTO_BMP_BYTES} bytes. */
  readonly bmp: Uint8Array;
}

/** Why a photo could not be decoded. */
export type PhotoDecodeError =
  | { readonly kind: 'noLicensedDecoder'; readonly message: string }
  | {
      readonly kind: 'wrongLength';
      readonly expected: typeof WLT_PHOTO_BYTES;
      readonly actual: number;
      readonly message: string;
    }
  | { readonly kind: 'decoderFailed'; readonly code?: number; readonly message: string };

/** Turns WLT bytes into a BMP; implemented by a site-specific, licensed adapter. */
export interface PhotoDecoder {
  decode(wlt: Uint8Array): Promise<Result<DecodedPhoto, PhotoDecodeError>>;
}

/** The default decoder: there is no licensed library, so every decode is refused. */
export const unavailablePhotoDecoder: PhotoDecoder = {
  decode(): Promise<Result<DecodedPhoto, PhotoDecodeError>> {
    return Promise.resolve({
      ok: false,
      error: {
        kind: 'noLicensedDecoder',
        message: 'no licensed WLT photo decoder is configured (needs the vendor library, e.g. libwlt2bmp)',
      },
    });
  },
};
