/// <reference types="node" />
// The Rust test host (crates/test-host) as a child process: one JSON line
// per request and per answer. One host per test file; `call` queues the
// requests so they are answered in order.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { hostBinary } from './hostBinary';

type Pending = { resolve: (value: unknown) => void; reject: (error: unknown) => void };

let child: ChildProcessWithoutNullStreams | null = null;
const pending = new Map<number, Pending>();
let next = 1;

function start(): ChildProcessWithoutNullStreams {
  const proc = spawn(hostBinary(), [], { stdio: ['pipe', 'pipe', 'pipe'] });
  createInterface({ input: proc.stdout }).on('line', (line) => {
    const answer = JSON.parse(line) as { id: number | null; ok?: unknown; err?: unknown };
    const waiting = answer.id == null ? undefined : pending.get(answer.id);
    if (!waiting) throw new Error(`The test host answered what nobody asked: ${line}`);
    pending.delete(answer.id as number);
    if ('err' in answer) waiting.reject(answer.err);
    else waiting.resolve(answer.ok);
  });
  proc.stderr.on('data', (chunk) => process.stderr.write(chunk));
  proc.on('exit', (code) => {
    for (const waiting of pending.values()) waiting.reject(new Error(`The test host stopped (${code}).`));
    pending.clear();
    child = null;
  });
  return proc;
}

/** Sends one command to the host; rejects with the ApiError it answers. */
export function call<T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
  child ??= start();
  const id = next++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    child!.stdin.write(`${JSON.stringify({ id, cmd, args })}\n`);
  });
}
