#!/usr/bin/env node
/**
 * The npm registry reachable from our machines serves only this platform's native packages, so
 * `npm install` here writes a lockfile without the other platforms' optional binaries (@swc/core-*,
 * @esbuild/*, …), and `npm ci` then refuses it ("Missing: … from lock file") — here and anywhere.
 * This adds the missing entries as optional, platform-tagged records, exactly as npm writes them on
 * a full registry, so `npm ci` skips them on other platforms and fetches the matching one.
 * Run after every `npm install` that changes package-lock.json: `npm run lockfile`.
 */
const fs = require('node:fs');
const path = require('node:path');

const OS = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openbsd', 'netbsd', 'sunos', 'aix', 'openharmony'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'wasm32'];

function platformOf(name) {
  const base = name.split('/').pop();
  const parts = base.split(/[-_]/);
  const os = OS.find((o) => parts.includes(o));
  const cpu = CPU.find((c) => parts.includes(c));
  const libc = parts.includes('musl') || parts.includes('musleabihf') ? 'musl' : parts.includes('gnu') || parts.includes('gnueabihf') || parts.includes('glibc') ? 'glibc' : undefined;
  return { os, cpu, libc };
}

function complete(lock) {
  const pkgs = lock.packages;
  const added = [];
  for (const [where, info] of Object.entries(pkgs)) {
    for (const [dep, version] of Object.entries(info.optionalDependencies ?? {})) {
      // npm looks a dependency up in the nearest node_modules first, then at the root.
      const nested = `${where ? `${where}/` : ''}node_modules/${dep}`;
      const root = `node_modules/${dep}`;
      if (pkgs[nested] || pkgs[root]) continue;
      const { os, cpu, libc } = platformOf(dep);
      if (!os && !cpu) continue; // not a platform binary: leave it to npm
      pkgs[root] = {
        version: String(version).replace(/^[\^~=]/, ''),
        ...(cpu ? { cpu: [cpu] } : {}),
        ...(libc ? { libc: [libc] } : {}),
        optional: true,
        ...(os ? { os: [os] } : {}),
      };
      added.push(`${dep}@${pkgs[root].version}`);
    }
  }
  lock.packages = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
  return added;
}

module.exports = { complete, platformOf };

if (require.main === module) {
  const file = path.resolve(process.argv[2] ?? 'package-lock.json');
  const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
  const added = complete(lock);
  fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
  console.log(`${path.basename(file)}: ${added.length} platform entries added${added.length ? `: ${added.join(', ')}` : ''}`);
}
