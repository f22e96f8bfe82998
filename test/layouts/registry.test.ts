import fs from 'node:fs';
import path from 'node:path';
import { readXlsx } from '../../src/adapters/file/read-xlsx';
import { detectLayouts } from '../../src/core/layouts/detect';
import { LAYOUTS, SAMPLES } from '../../src/core/layouts/registry';

const ASSETS = path.resolve(__dirname, '../../assets/samples');

describe('registry: a layout registered is a layout sampled', () => {
  it('every layout names a bundled sample, and the playground lists them all', () => {
    expect(SAMPLES.map((s) => s.layout)).toEqual(LAYOUTS.map((l) => l.id));
    for (const s of SAMPLES) expect(fs.existsSync(path.join(ASSETS, s.file))).toBe(true);
  });

  it.each(SAMPLES.map((s) => [s.layout, s.file]))('%s: its sample %s is detected as that layout', async (layout, file) => {
    const wb = await readXlsx(path.join(ASSETS, file));
    expect(detectLayouts(wb).chosen.map((c) => c.layout)).toContain(layout);
  });
});
