// usage: tsx libs/usp/src/codegen/write-descriptor.ts — rewrites src/generated/usp-descriptor.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROTO_FILES, renderDescriptorModule } from './render-descriptor.js';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sources = PROTO_FILES.map((file) => readFileSync(join(projectRoot, 'proto', file), 'utf8'));
const target = join(projectRoot, 'src', 'generated', 'usp-descriptor.ts');
writeFileSync(target, renderDescriptorModule(sources));
console.log(`wrote ${target}`);
