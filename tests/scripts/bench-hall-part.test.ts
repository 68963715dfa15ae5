import { describe, expect, it } from 'vitest';
import { hallPartsFor } from '../../scripts/bench/hall-part';

describe('which hall benchmarks npm run bench runs', () => {
  it('runs every hall part in a full run', () => {
    expect(hallPartsFor([])).toEqual(['stats', 'kiosks', 'journal']);
  });

  it('runs all of them for --only hall and one part for its row-id prefix', () => {
    expect(hallPartsFor(['hall'])).toEqual(['stats', 'kiosks', 'journal']);
    expect(hallPartsFor(['hall.help'])).toEqual(['kiosks']);
    expect(hallPartsFor(['hall.help.press-to-console.p99'])).toEqual(['kiosks']);
    expect(hallPartsFor(['hall.journal.', 'hall.stats.12m'])).toEqual(['stats', 'journal']);
  });

  it('runs none when --only names kiosk rows only', () => {
    expect(hallPartsFor(['face.flow', 'ui.'])).toEqual([]);
  });
});
