/// <reference types="node" />
// Builds the Rust test host the component tests talk to (crates/test-host):
// cargo does nothing when it is up to date. The full test run (.ci/test)
// builds it beforehand together with the Rust tests, so that one compiled
// set of dependencies serves both, and says so with
// CLAUSEWISE_TEST_HOST_BUILT=1 (building it here on its own would compile
// the dependencies again with other features).
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export default function setup() {
  if (process.env.CLAUSEWISE_TEST_HOST_BUILT === '1') return;
  execFileSync('cargo', ['build', '--quiet', '-p', 'clausewise-test-host'], {
    cwd: resolve(__dirname, '..'),
    stdio: 'inherit',
  });
}
