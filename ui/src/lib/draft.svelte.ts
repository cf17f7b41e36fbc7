// Whether a form holds something typed that closing it would throw away.
// A form starts unchanged; it is changed while its content differs from
// where it started (typing a letter and deleting it again is no change).

function fingerprint(value: unknown): string {
  return JSON.stringify($state.snapshot(value));
}

export class Draft {
  readonly #read: () => unknown;
  #start = $state('');
  /** True while the form differs from where it started. */
  changed: boolean;

  /** `read` returns everything the form holds, e.g. `() => form`. */
  constructor(read: () => unknown) {
    this.#read = read;
    this.#start = fingerprint(read());
    this.changed = $derived(fingerprint(this.#read()) !== this.#start);
  }

  /** What the form holds now becomes its unchanged state (e.g. once saved). */
  settle(): void {
    this.#start = fingerprint(this.#read());
  }
}
