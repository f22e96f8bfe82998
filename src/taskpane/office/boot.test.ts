import { bootFailureText, officeReady } from './boot';

const g = globalThis as unknown as { Office?: unknown };

afterEach(() => {
  delete g.Office;
});

describe('officeReady', () => {
  test('no Office global: office.js did not load', async () => {
    expect((await officeReady(50)).state).toBe('missing');
  });

  test('Office.onReady resolves: ready, with Office’s display language', async () => {
    g.Office = { onReady: () => Promise.resolve({ host: 'Excel' }), context: { displayLanguage: 'en-US' } };
    expect(await officeReady(1000)).toEqual({ state: 'ready', displayLanguage: 'en-US' });
  });

  test('Office.onReady never resolves (its files are blocked): a timeout, not a blank pane', async () => {
    g.Office = { onReady: () => new Promise(() => undefined) };
    const t0 = Date.now();
    const boot = await officeReady(100);
    expect(boot.state).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(2000);
    const text = bootFailureText(boot, 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js')!;
    expect(text.ja).toContain('appsforoffice.microsoft.com');
    expect(text.ja).toContain('build:selfhost');
    expect(text.en).toContain('blocked');
  });

  test('the message for a missing office.js names where it was asked for', () => {
    const text = bootFailureText({ state: 'missing', displayLanguage: undefined }, 'https://host/office/office.js')!;
    expect(text.ja).toContain('https://host/office/office.js');
    expect(text.en).toContain('could not be loaded');
    expect(bootFailureText({ state: 'ready', displayLanguage: 'ja-JP' }, 'x')).toBeNull();
  });
});
