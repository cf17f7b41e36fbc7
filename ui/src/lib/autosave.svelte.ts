// Saves clause responses as they change, with no save button. Each change is
// queued per clause; one save is in flight at a time and only the newest
// version of a clause is sent, so fast typing never piles up requests and the
// order of changes is kept. Failed saves (disk full, database busy) are
// retried; the UI shows the state throughout.
import type { ApiError, ClauseResponse, SavedResponse } from './bindings';
import { toApiError } from './backend';

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

const RETRY_MS = 2000;

export class Autosave {
  state = $state<SaveState>('idle');
  error = $state<ApiError | null>(null);
  savedAt = $state<Date | null>(null);

  private pending = new Map<string, ClauseResponse>();
  private inflight = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly save: (response: ClauseResponse) => Promise<SavedResponse>,
    private readonly onSaved: (saved: SavedResponse) => void,
    private readonly onRejected: (response: ClauseResponse, error: ApiError) => void = () => {},
  ) {}

  /** True while anything typed is not yet on disk. */
  get dirty(): boolean {
    return this.inflight || this.pending.size > 0;
  }

  queue(response: ClauseResponse): void {
    this.pending.set(response.clause_id, $state.snapshot(response) as ClauseResponse);
    void this.pump();
  }

  /**
   * Resolves true once everything typed is on disk; false after `timeoutMs`,
   * or when the last save failed (a rejected change is not on disk either).
   */
  async settled(timeoutMs = 10_000): Promise<boolean> {
    const start = Date.now();
    while (this.dirty) {
      if (Date.now() - start > timeoutMs) return false;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return this.state !== 'failed';
  }

  dispose(): void {
    clearTimeout(this.retryTimer);
  }

  private async pump(): Promise<void> {
    if (this.inflight) return;
    const next = this.pending.values().next();
    if (next.done) return;
    const response = next.value;
    this.pending.delete(response.clause_id);
    this.inflight = true;
    this.state = 'saving';
    try {
      const saved = await this.save(response);
      this.onSaved(saved);
      this.savedAt = new Date();
      this.error = null;
      this.state = this.pending.size > 0 ? 'saving' : 'saved';
    } catch (raw) {
      const error = toApiError(raw);
      this.error = error;
      if (error.code === 'validation' || error.code === 'not_found') {
        // Sending it again would fail the same way; the UI shows why.
        this.state = this.pending.size > 0 ? 'saving' : 'failed';
        this.onRejected(response, error);
      } else {
        // Keep it (unless a newer version is already queued) and try again.
        if (!this.pending.has(response.clause_id)) this.pending.set(response.clause_id, response);
        this.state = 'failed';
        this.inflight = false;
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => void this.pump(), RETRY_MS);
        return;
      }
    }
    this.inflight = false;
    void this.pump();
  }
}
