// Saves clause responses as they change, with no save button, one field at a
// time: each edit is queued under its requirement and field, one save is in
// flight at a time, and only the newest value of a field is sent, so fast
// typing never piles up requests. A field the Rust side refuses (too long,
// say) stays refused, shown at the field and in the header, until it is
// corrected; it never holds back the other fields, and no later save of
// another field can make the header claim it was saved. Refused values are
// kept as drafts (localStorage) so they are still there after a restart.
// Saves that fail for a passing reason (disk full, database busy) are
// retried.
import type { ApiError, Field, ResponseEdit, SavedResponse } from '../../lib/bindings';
import { toApiError } from '../../lib/backend';

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/** The field an edit writes. Rating and "not applicable" both set the rating. */
export type EditSlot = Exclude<ResponseEdit['field'], 'not_applicable'>;

export function slotOf(edit: ResponseEdit): EditSlot {
  return edit.field === 'not_applicable' ? 'rating' : edit.field;
}

/** The input field a slot is, as named in messages (see `FIELD_LABEL`). */
export function fieldOf(slot: EditSlot): Field {
  return slot === 'rating' ? 'level' : slot;
}

export interface PendingEdit {
  clauseId: string;
  edit: ResponseEdit;
}

export interface Rejection extends PendingEdit {
  error: ApiError;
}

/** An edit waiting its turn; `settle` is told how it went (see `attempt`). */
interface Queued extends PendingEdit {
  settle?: (refusal: ApiError | null) => void;
}

/** Where refused edits are kept between runs (localStorage in the app). */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const RETRY_MS = 2000;
/** Errors that sending the same value again would repeat. */
const FINAL_CODES: readonly ApiError['code'][] = ['validation', 'not_found', 'final'];

const key = (clauseId: string, slot: EditSlot) => `${clauseId}\u0000${slot}`;

export class Autosave {
  /** Refused edits by requirement and field, newest refusal each. */
  rejected = $state<Record<string, Rejection>>({});
  /** The last passing failure while a retry is pending. */
  retrying = $state<ApiError | null>(null);
  savedAt = $state<Date | null>(null);
  private busy = $state(false);
  private queued = $state(0);

  private pending = new Map<string, Queued>();
  /** Drafts from an earlier run that are queued but not yet decided on. */
  private restored = new Set<string>();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly save: (clauseId: string, edit: ResponseEdit) => Promise<SavedResponse>,
    private readonly onSaved: (saved: SavedResponse, edit: ResponseEdit) => void,
    private readonly drafts: { storage: DraftStorage; key: string } | null = null,
  ) {}

  get state(): SaveState {
    if (this.retrying || Object.keys(this.rejected).length > 0) return 'failed';
    if (this.busy || this.queued > 0) return 'saving';
    return this.savedAt ? 'saved' : 'idle';
  }

  /** The refusals, in the order the fields were edited. */
  get rejections(): Rejection[] {
    return Object.values(this.rejected);
  }

  /** The reason a field of a requirement is not saved, if it is not. */
  rejection(clauseId: string, slot: EditSlot): Rejection | undefined {
    return this.rejected[key(clauseId, slot)];
  }

  /** Requirements with a field that is not saved. */
  get unsavedClauses(): Set<string> {
    return new Set(this.rejections.map((r) => r.clauseId));
  }

  /** True while anything typed is not yet on disk, refused fields included. */
  get dirty(): boolean {
    return this.busy || this.pending.size > 0 || this.state === 'failed';
  }

  queue(clauseId: string, edit: ResponseEdit): void {
    this.enqueue({ clauseId, edit: $state.snapshot(edit) as ResponseEdit });
  }

  /**
   * Saves an edit in its turn like `queue`, but hands a refusal back
   * instead of keeping it: for a form that stays open with what was typed
   * until the Rust side accepts it. Resolves null once the edit is saved,
   * left to a retry after a passing failure, or overtaken by a newer value.
   */
  attempt(clauseId: string, edit: ResponseEdit): Promise<ApiError | null> {
    return new Promise((settle) => this.enqueue({ clauseId, edit: $state.snapshot(edit) as ResponseEdit, settle }));
  }

  private enqueue(item: Queued): void {
    const k = key(item.clauseId, slotOf(item.edit));
    this.pending.get(k)?.settle?.(null);
    // Re-inserted, so that fields are sent in the order of their last change.
    this.pending.delete(k);
    this.pending.set(k, item);
    this.queued = this.pending.size;
    void this.pump();
  }

  /**
   * Resolves true once everything typed is on disk; false after `timeoutMs`,
   * or while any field is refused (a refused value is not on disk either).
   */
  async settled(timeoutMs = 10_000): Promise<boolean> {
    const start = Date.now();
    while (this.busy || this.pending.size > 0) {
      if (this.retrying || Date.now() - start > timeoutMs) return false;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return this.state !== 'failed';
  }

  /**
   * The refused edits kept from an earlier run, to put back into the fields
   * they came from; queued again, so the Rust side decides afresh.
   */
  restoreDrafts(): PendingEdit[] {
    if (!this.drafts) return [];
    let kept: PendingEdit[] = [];
    try {
      const parsed: unknown = JSON.parse(this.drafts.storage.getItem(this.drafts.key) ?? '[]');
      if (Array.isArray(parsed)) kept = parsed.filter(isPendingEdit);
    } catch {
      kept = [];
    }
    for (const draft of kept) {
      this.queue(draft.clauseId, draft.edit);
      this.restored.add(key(draft.clauseId, slotOf(draft.edit)));
    }
    return kept;
  }

  dispose(): void {
    clearTimeout(this.retryTimer);
  }

  private persist(): void {
    if (!this.drafts) return;
    // Refused edits, and restored drafts until the Rust side has decided.
    const list: PendingEdit[] = this.rejections.map(({ clauseId, edit }) => ({ clauseId, edit }));
    for (const k of this.restored) {
      const waiting = this.pending.get(k);
      if (waiting && !(k in this.rejected)) list.push(waiting);
    }
    try {
      if (list.length) this.drafts.storage.setItem(this.drafts.key, JSON.stringify(list));
      else this.drafts.storage.removeItem(this.drafts.key);
    } catch {
      // Storage full: the value stays in the field and the header says "Not saved".
    }
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    const next = this.pending.entries().next();
    if (next.done) return;
    const [k, item] = next.value;
    this.pending.delete(k);
    this.queued = this.pending.size;
    this.busy = true;
    try {
      const saved = await this.save(item.clauseId, item.edit);
      item.settle?.(null);
      this.onSaved(saved, item.edit);
      this.savedAt = new Date();
      this.retrying = null;
      if (k in this.rejected || this.restored.delete(k)) {
        delete this.rejected[k];
        this.persist();
      }
    } catch (raw) {
      const error = toApiError(raw);
      if (FINAL_CODES.includes(error.code)) {
        if (item.settle) item.settle(error);
        // A newer value of the same field, already queued, decides instead.
        else if (!this.pending.has(k)) {
          this.restored.delete(k);
          this.rejected[k] = { ...item, error };
          this.persist();
        }
      } else {
        item.settle?.(null);
        if (!this.pending.has(k)) {
          this.pending.set(k, { clauseId: item.clauseId, edit: item.edit });
          this.queued = this.pending.size;
        }
        this.retrying = error;
        this.busy = false;
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => void this.pump(), RETRY_MS);
        return;
      }
    }
    this.busy = false;
    void this.pump();
  }
}

function isPendingEdit(value: unknown): value is PendingEdit {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const edit = v.edit as Record<string, unknown> | null;
  return typeof v.clauseId === 'string' && typeof edit === 'object' && edit !== null && typeof edit.field === 'string';
}
