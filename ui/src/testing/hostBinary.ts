/// <reference types="node" />
// Where the test host binary is: built by the global setup of the UI tests
// (vitest.globalSetup.ts) into the workspace's target folder.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export function hostBinary(): string {
  const target = process.env.CARGO_TARGET_DIR ?? resolve(__dirname, '../../../target');
  const path = resolve(target, 'debug', process.platform === 'win32' ? 'clausewise-test-host.exe' : 'clausewise-test-host');
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`cargo build -p clausewise-test-host\``);
  return path;
}
