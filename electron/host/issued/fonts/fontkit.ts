/**
 * @pdf-lib/fontkit ships a UMD bundle whose types declare named exports; under
 * Node ESM the API sits on `default`. This module hides that difference.
 */
import * as fontkitModule from '@pdf-lib/fontkit';

export type { Font } from '@pdf-lib/fontkit';

type FontkitApi = typeof fontkitModule;

/** The fontkit API (for `PDFDocument.registerFontkit` and `create`). */
export const fontkit: FontkitApi = (fontkitModule as unknown as { default?: FontkitApi }).default ?? fontkitModule;
