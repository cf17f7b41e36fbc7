/// <reference types="node" />
// Builds the Rust test host the component tests talk to (crates/test-host):
// cargo does nothing when it is up to date.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export default function setup() {
  execFileSync('cargo', ['build', '--quiet', '-p', 'clausewise-test-host'], {
    cwd: resolve(__dirname, '..'),
    stdio: 'inherit',
  });
}
