/**
 * GB/T 2260 administrative regions as the address picker and its host-side
 * check see them: a flat table of six-digit codes, the hierarchy in the
 * code itself (province `PP0000`, city `PPCC00`, county `PPCCXX`). A few
 * cities (东莞市, 中山市, 儋州市, 嘉峪关市) have no county level: for them
 * the city is the last level and the county is null.
 */
import { err, ok, type Result } from './result';

/** The region table (resources/regions/regions.json, made by scripts/build-regions.ts). */
export interface RegionTable {
  source: string;
  names: Readonly<Record<string, string>>;
}

/** A picked region: province, city, and county unless the city has none. */
export interface RegionCodes {
  province: string;
  city: string;
  county: string | null;
}

/** Why picked codes are not a region. */
export type RegionProblem = 'unknownProvince' | 'unknownCity' | 'unknownCounty' | 'countyMissing' | 'inconsistent';

/** One entry of a picker level. */
export interface RegionEntry {
  code: string;
  name: string;
}

const CODE = /^\d{6}$/;

function isProvince(code: string): boolean {
  return CODE.test(code) && code.endsWith('0000');
}
function isCity(code: string): boolean {
  return CODE.test(code) && code.endsWith('00') && !code.endsWith('0000');
}
function isCounty(code: string): boolean {
  return CODE.test(code) && !code.endsWith('00');
}

/** The provinces, in code order. */
export function provinces(table: RegionTable): RegionEntry[] {
  return entries(table, isProvince);
}

/** The cities of `province`, in code order. */
export function citiesOf(table: RegionTable, province: string): RegionEntry[] {
  const prefix = province.slice(0, 2);
  return entries(table, (code) => isCity(code) && code.startsWith(prefix));
}

/** The counties of `city`, in code order (empty for a city without counties). */
export function countiesOf(table: RegionTable, city: string): RegionEntry[] {
  const prefix = city.slice(0, 4);
  return entries(table, (code) => isCounty(code) && code.startsWith(prefix));
}

function entries(table: RegionTable, keep: (code: string) => boolean): RegionEntry[] {
  return Object.keys(table.names)
    .filter(keep)
    .sort()
    .map((code) => ({ code, name: table.names[code]! }));
}

/** The region's name, e.g. 广东省深圳市南山区; the codes must be checked first. */
export function regionName(table: RegionTable, codes: RegionCodes): string {
  return [codes.province, codes.city, codes.county]
    .filter((code): code is string => code !== null)
    .map((code) => table.names[code] ?? '')
    .join('');
}

/** Checks that each code exists at its level and belongs to the one above it. */
export function checkRegion(table: RegionTable, codes: RegionCodes): Result<RegionCodes, RegionProblem> {
  const known = (code: string) => Object.hasOwn(table.names, code);
  if (!isProvince(codes.province) || !known(codes.province)) return err('unknownProvince');
  if (!isCity(codes.city) || !known(codes.city)) return err('unknownCity');
  if (codes.city.slice(0, 2) !== codes.province.slice(0, 2)) return err('inconsistent');
  const counties = countiesOf(table, codes.city);
  if (codes.county === null) return counties.length === 0 ? ok(codes) : err('countyMissing');
  if (!isCounty(codes.county) || !known(codes.county)) return err('unknownCounty');
  if (codes.county.slice(0, 4) !== codes.city.slice(0, 4)) return err('inconsistent');
  return ok(codes);
}
