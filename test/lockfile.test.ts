import * as fs from 'node:fs';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { complete, platformOf } = require('../scripts/complete-lockfile.js') as {
  complete(lock: unknown): string[];
  platformOf(name: string): { os?: string; cpu?: string; libc?: string };
};

describe('package-lock.json works with npm ci on every platform', () => {
  it('records every platform binary an optional dependency names (run `npm run lockfile` after npm install)', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package-lock.json'), 'utf8'));
    expect(complete(lock)).toEqual([]);
  });

  it.each([
    ['@swc/core-linux-x64-musl', { os: 'linux', cpu: 'x64', libc: 'musl' }],
    ['@swc/core-linux-arm-gnueabihf', { os: 'linux', cpu: 'arm', libc: 'glibc' }],
    ['@esbuild/win32-ia32', { os: 'win32', cpu: 'ia32', libc: undefined }],
    ['@unrs/resolver-binding-darwin-arm64', { os: 'darwin', cpu: 'arm64', libc: undefined }],
  ])('%s is tagged %j', (name, want) => expect(platformOf(name)).toEqual(want));
});
