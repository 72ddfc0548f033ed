// Writes docs/site-interface.asyncapi.json from the code (main/site-link/interface).
// Run after changing a channel or a payload: npx tsx scripts/write-asyncapi.ts
// main/site-link/interface/asyncapi.test.ts fails while the committed file differs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAsyncApi } from '../main/site-link/interface/asyncapi';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/site-interface.asyncapi.json');
fs.writeFileSync(file, `${JSON.stringify(buildAsyncApi(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), file)}`);
