#!/usr/bin/env node
// The switchboard command. The TypeScript sources are compiled to dist/ by `npm install`
// (the "prepare" script) or `npm run build`.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'switchboard: dist/ is missing. Run "npm install" (or "npm run build") in the repository first.\n',
  );
  process.exit(2);
}
/** @type {{ main: (argv: string[]) => Promise<number> }} */
const cli = await import(entry.href);
process.exitCode = await cli.main(process.argv);
