// How a dialog sends its form: one request at a time (a second press while
// the first is on its way does nothing), busy meanwhile, and what the Rust
// side refuses shown where it belongs: a validation error at the field it
// names, focused so that it can be corrected at once; anything else as the
// form's own error. The rules themselves are the Rust side's: the dialogs
// only read what is typed (a date, a number) before sending it.
import { tick } from 'svelte';
import type { Field } from './bindings';
import { toApiError } from './backend';

export class Submit<K extends string = Field> {
  /** True while a submission is on its way. */
  busy = $state(false);
  /** Messages by field, shown at the field. */
  errors = $state<Partial<Record<K, string>>>({});
  /** A message that belongs to no field of the form. */
  formError = $state('');
  readonly #inputs: Partial<Record<K, string>>;

  /** `inputs`: the id of the input each field is typed in. */
  constructor(inputs: Partial<Record<K, string>>) {
    this.#inputs = inputs;
  }

  /** The message at a field ('' when there is none). */
  error(field: K): string {
    return this.errors[field] ?? '';
  }

  /** A field's message goes as soon as the field is edited. */
  edited(field: K): void {
    if (this.errors[field]) this.errors = { ...this.errors, [field]: '' };
  }

  /** Shows a message at a field and focuses the field. */
  refuse(field: K, message: string): void {
    this.errors = { ...this.errors, [field]: message };
    const id = this.#inputs[field];
    if (id) void tick().then(() => document.getElementById(id)?.focus());
  }

  /** Shows an error at its field, or as the form's error. */
  show(error: unknown): void {
    const e = toApiError(error);
    const field = e.field as K | null;
    if (e.code === 'validation' && field && this.#inputs[field]) this.refuse(field, e.message);
    else this.formError = e.message;
  }

  /**
   * Runs `send` unless a submission is on its way, clearing the messages
   * first; resolves true once it went through.
   */
  async run(send: () => Promise<unknown>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.errors = {};
    this.formError = '';
    try {
      await send();
      return true;
    } catch (error) {
      this.show(error);
      return false;
    } finally {
      this.busy = false;
    }
  }
}
