/** The host's copy of the region table the address picker shows (resources/regions/regions.json, scripts/build-regions.ts). */
import type { RegionTable } from '../../../../../domain/region';
import table from '../../../../../resources/regions/regions.json' with { type: 'json' };

/** GB/T 2260 codes → names, the same file the renderer loads. */
export const REGIONS: RegionTable = table;
