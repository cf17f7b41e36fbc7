// How the app is shown, for the room it is shown in: zoom (the whole web
// view, as a browser zooms) and high contrast, both remembered on this
// computer; and whether the keyboard shortcuts are on screen.

/** Zoom steps as browsers have them, from 67 % to 200 %. */
export const ZOOM_STEPS = [0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2] as const;

const ZOOM_KEY = 'clausewise.zoom';
const CONTRAST_KEY = 'clausewise.high-contrast';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage full or disabled: the choice holds until the app closes.
  }
}

/** The nearest step to a remembered factor (steps may change between versions). */
function nearestStep(factor: number): number {
  return ZOOM_STEPS.reduce((best, step) => (Math.abs(step - factor) < Math.abs(best - factor) ? step : best), 1);
}

export type ApplyZoom = (factor: number) => Promise<void>;

class Display {
  zoom = $state(1);
  highContrast = $state(false);
  shortcutsOpen = $state(false);
  /** Set when the web view refused a zoom level. */
  zoomError = $state('');
  #apply: ApplyZoom = async () => {};

  /** Applies what was remembered; `apply` zooms the web view. */
  start(apply: ApplyZoom): void {
    this.#apply = apply;
    this.shortcutsOpen = false;
    const zoom = Number(read(ZOOM_KEY));
    this.zoom = Number.isFinite(zoom) && zoom > 0 ? nearestStep(zoom) : 1;
    if (this.zoom !== 1) void this.#zoomView();
    this.highContrast = read(CONTRAST_KEY) === 'on';
    this.#applyContrast();
  }

  get percent(): string {
    return `${Math.round(this.zoom * 100)} %`;
  }

  get canZoomIn(): boolean {
    return this.zoom < ZOOM_STEPS[ZOOM_STEPS.length - 1]!;
  }

  get canZoomOut(): boolean {
    return this.zoom > ZOOM_STEPS[0];
  }

  zoomIn(): void {
    const next = ZOOM_STEPS.find((step) => step > this.zoom + 1e-6);
    if (next) this.setZoom(next);
  }

  zoomOut(): void {
    const next = [...ZOOM_STEPS].reverse().find((step) => step < this.zoom - 1e-6);
    if (next) this.setZoom(next);
  }

  zoomReset(): void {
    this.setZoom(1);
  }

  setZoom(factor: number): void {
    this.zoom = factor;
    write(ZOOM_KEY, String(factor));
    void this.#zoomView();
  }

  toggleContrast(): void {
    this.highContrast = !this.highContrast;
    write(CONTRAST_KEY, this.highContrast ? 'on' : 'off');
    this.#applyContrast();
  }

  async #zoomView(): Promise<void> {
    try {
      await this.#apply(this.zoom);
      this.zoomError = '';
    } catch (error) {
      this.zoomError = error instanceof Error ? error.message : String(error);
    }
  }

  #applyContrast(): void {
    document.documentElement.classList.toggle('high-contrast', this.highContrast);
  }
}

export const display = new Display();
