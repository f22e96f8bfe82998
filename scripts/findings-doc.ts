import * as fs from 'node:fs';
import * as path from 'node:path';
import { findingsMarkdown } from '../src/core/validation/catalogue-doc';

/** Regenerates docs/findings.md from the findings catalogue. */
const out = path.join(__dirname, '..', 'docs', 'findings.md');
fs.writeFileSync(out, findingsMarkdown());
console.log(path.relative(process.cwd(), out));
