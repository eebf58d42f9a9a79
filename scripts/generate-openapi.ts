// Writes openapi.yaml from the live app's route specs (npm run openapi). test/openapi.test.ts fails
// when the committed file differs from this output.
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';

export async function renderOpenApiYaml(): Promise<string> {
  const app = await buildApp(loadConfig({}));
  await app.ready();
  const doc = app.swagger();
  await app.close();
  return stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../openapi.yaml', import.meta.url), await renderOpenApiYaml());
  process.stdout.write('openapi.yaml written\n');
}
