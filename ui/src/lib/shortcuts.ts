// Every keyboard shortcut of the app, in one table: the key handlers
// dispatch from it and the shortcuts dialog (?) is generated from it, so the
// two cannot drift apart.

/** Where a shortcut works. */
export type Where =
  | 'clauses'
  | 'practices'
  | 'evidence'
  | 'matrix'
  | 'workspace'
  | 'search'
  | 'text'
  | 'calendar'
  | 'dialog'
  | 'assessments'
  | 'app'
  | 'everywhere';

export type Action =
  | 'rate'
  | 'next'
  | 'previous'
  | 'notApplicable'
  | 'clearRating'
  | 'notes'
  | 'newFinding'
  | 'search'
  | 'openFirstMatch'
  | 'leaveField'
  | 'submitDialog'
  | 'closeDialog'
  | 'dayBefore'
  | 'dayAfter'
  | 'weekBefore'
  | 'weekAfter'
  | 'weekStart'
  | 'weekEnd'
  | 'monthBefore'
  | 'monthAfter'
  | 'yearBefore'
  | 'yearAfter'
  | 'chooseDay'
  | 'newAssessment'
  | 'help'
  | 'zoomIn'
  | 'zoomOut'
  | 'zoomReset'
  | 'practiceStatus'
  | 'capability'
  | 'clearPractice'
  | 'newEvidence'
  | 'cellLeft'
  | 'cellRight'
  | 'cellUp'
  | 'cellDown'
  | 'undo'
  | 'redo';

export interface Shortcut {
  /**
   * The keys, as `KeyboardEvent.key` values, optionally prefixed with
   * `Ctrl+` (⌘ on a Mac), `Shift+`. A single character ignores Shift (`?`
   * needs it on most layouts), except a letter with Ctrl; named keys
   * (ArrowDown) want no modifier.
   */
  keys: string[];
  /** How the keys read in the shortcuts dialog, when not simply listed. */
  label?: string;
  description: string;
  where: Where;
  action: Action;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['0', '1', '2', '3', '4', '5'], label: '0 – 5', description: 'Set the current maturity level', where: 'clauses', action: 'rate' },
  { keys: ['j', 'ArrowDown'], description: 'Next requirement', where: 'clauses', action: 'next' },
  { keys: ['k', 'ArrowUp'], description: 'Previous requirement', where: 'clauses', action: 'previous' },
  { keys: ['n'], description: 'Not applicable (with a justification)', where: 'clauses', action: 'notApplicable' },
  { keys: ['Backspace', 'Delete'], description: 'Clear the rating', where: 'clauses', action: 'clearRating' },
  { keys: ['e'], description: 'Write notes', where: 'clauses', action: 'notes' },
  { keys: ['j', 'ArrowDown'], description: 'Next practice', where: 'practices', action: 'next' },
  { keys: ['k', 'ArrowUp'], description: 'Previous practice', where: 'practices', action: 'previous' },
  { keys: ['i', 'p', 'n'], label: 'I / P / N', description: 'In place, partial, not in place (again: unset)', where: 'practices', action: 'practiceStatus' },
  { keys: ['1', '2', '3', '4', '5'], label: '1 – 5', description: 'Set the practice capability', where: 'practices', action: 'capability' },
  { keys: ['Backspace', 'Delete'], description: 'Clear what was recorded for the practice', where: 'practices', action: 'clearPractice' },
  { keys: ['j', 'ArrowDown'], description: 'Next item of the register', where: 'evidence', action: 'next' },
  { keys: ['k', 'ArrowUp'], description: 'Previous item of the register', where: 'evidence', action: 'previous' },
  { keys: ['n'], description: 'New evidence item', where: 'evidence', action: 'newEvidence' },
  { keys: ['ArrowLeft'], description: 'Party to the left', where: 'matrix', action: 'cellLeft' },
  { keys: ['ArrowRight'], description: 'Party to the right', where: 'matrix', action: 'cellRight' },
  { keys: ['ArrowUp'], description: 'Process above', where: 'matrix', action: 'cellUp' },
  { keys: ['ArrowDown'], description: 'Process below', where: 'matrix', action: 'cellDown' },
  { keys: ['f'], description: 'New finding (for the clause last opened)', where: 'workspace', action: 'newFinding' },
  { keys: ['/'], description: 'Search clauses', where: 'workspace', action: 'search' },
  { keys: ['Ctrl+z'], description: 'Undo the latest change (in a text field: the typing)', where: 'workspace', action: 'undo' },
  { keys: ['Ctrl+Shift+z', 'Ctrl+y'], description: 'Redo what was undone', where: 'workspace', action: 'redo' },
  { keys: ['Enter'], description: 'Open the first match and leave the search', where: 'search', action: 'openFirstMatch' },
  { keys: ['Escape'], description: 'Leave the field (shortcuts work again)', where: 'text', action: 'leaveField' },
  { keys: ['Ctrl+Enter'], description: 'Save: the main button of the dialog or form', where: 'dialog', action: 'submitDialog' },
  { keys: ['Escape'], description: 'Close (asks first if you typed something)', where: 'dialog', action: 'closeDialog' },
  { keys: ['ArrowLeft'], description: 'Day before', where: 'calendar', action: 'dayBefore' },
  { keys: ['ArrowRight'], description: 'Day after', where: 'calendar', action: 'dayAfter' },
  { keys: ['ArrowUp'], description: 'Week before', where: 'calendar', action: 'weekBefore' },
  { keys: ['ArrowDown'], description: 'Week after', where: 'calendar', action: 'weekAfter' },
  { keys: ['Home'], description: 'First day of the week', where: 'calendar', action: 'weekStart' },
  { keys: ['End'], description: 'Last day of the week', where: 'calendar', action: 'weekEnd' },
  { keys: ['PageUp'], description: 'Month before', where: 'calendar', action: 'monthBefore' },
  { keys: ['PageDown'], description: 'Month after', where: 'calendar', action: 'monthAfter' },
  { keys: ['Shift+PageUp'], description: 'Year before', where: 'calendar', action: 'yearBefore' },
  { keys: ['Shift+PageDown'], description: 'Year after', where: 'calendar', action: 'yearAfter' },
  { keys: ['Enter', ' '], description: 'Choose the day', where: 'calendar', action: 'chooseDay' },
  { keys: ['Escape'], description: 'Close the calendar', where: 'calendar', action: 'closeDialog' },
  { keys: ['n'], description: 'New assessment', where: 'assessments', action: 'newAssessment' },
  { keys: ['?'], description: 'Show these shortcuts', where: 'app', action: 'help' },
  { keys: ['Ctrl+=', 'Ctrl++'], description: 'Zoom in', where: 'everywhere', action: 'zoomIn' },
  { keys: ['Ctrl+-'], description: 'Zoom out', where: 'everywhere', action: 'zoomOut' },
  { keys: ['Ctrl+0'], description: 'Actual size (100 %)', where: 'everywhere', action: 'zoomReset' },
];

/** The groups of the shortcuts dialog, in its order. */
export const WHERE_LABEL: Record<Where, string> = {
  clauses: 'Clauses view',
  practices: 'ITIL practice profile',
  evidence: 'Evidence register',
  matrix: 'Processes operated by other parties (8.2.3)',
  workspace: 'Every view of an assessment',
  search: 'In the clause search',
  text: 'In a text field',
  dialog: 'In a dialog or form',
  calendar: 'In the date picker',
  assessments: 'Assessment list',
  app: 'Anywhere outside a text field',
  everywhere: 'Anywhere, also while typing',
};

const KEY_NAME: Record<string, string> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  ArrowLeft: '←',
  ArrowRight: '→',
  Backspace: '⌫',
  Delete: 'Del',
  Escape: 'Esc',
  PageUp: 'Page ↑',
  PageDown: 'Page ↓',
  ' ': 'Space',
};

function keyName(spec: string): string {
  return spec
    .split(/\+(?=.)/)
    .map((part) => KEY_NAME[part] ?? (part.length === 1 ? part.toUpperCase() : part))
    .join(' + ');
}

/** The keys of a shortcut as the dialog shows them, one entry per alternative: ["J", "↓"]. */
export function keyLabels(shortcut: Shortcut): string[] {
  return shortcut.label ? [shortcut.label] : shortcut.keys.map(keyName);
}

/** Whether a key event is the key written as `spec` (see `Shortcut.keys`). */
export function matches(spec: string, event: KeyboardEvent): boolean {
  const parts = spec.split(/\+(?=.)/);
  const key = parts.pop() ?? '';
  const ctrl = parts.includes('Ctrl');
  const shift = parts.includes('Shift');
  if (event.altKey || (event.ctrlKey || event.metaKey) !== ctrl) return false;
  if (key.length === 1) {
    // With Ctrl, a letter means what Shift says (Ctrl+Z undoes, Ctrl+Shift+Z redoes).
    if (ctrl && /^[a-z]$/i.test(key) && event.shiftKey !== shift) return false;
    if (event.key.toLowerCase() === key.toLowerCase()) return true;
    // Ctrl+0 wherever the 0 sits on the layout (Shift+à on AZERTY).
    return ctrl && /^[0-9]$/.test(key) && (event.code === `Digit${key}` || event.code === `Numpad${key}`);
  }
  return event.key === key && event.shiftKey === shift;
}

export type Handlers = Partial<Record<Action, (event: KeyboardEvent) => boolean | void>>;

/**
 * Runs the first shortcut that works in one of `where` (most specific
 * first), matches the event and has a handler that does not decline it
 * (returns false). Returns whether one ran; its default is then prevented.
 */
export function dispatch(event: KeyboardEvent, where: readonly Where[], handlers: Handlers): boolean {
  if (event.defaultPrevented || event.isComposing) return false;
  for (const area of where) {
    for (const shortcut of SHORTCUTS) {
      if (shortcut.where !== area) continue;
      const run = handlers[shortcut.action];
      if (!run || !shortcut.keys.some((k) => matches(k, event))) continue;
      if (run(event) === false) continue;
      event.preventDefault();
      return true;
    }
  }
  return false;
}

/** Whether the key event comes from a field that takes typing. */
export function typingIn(event: KeyboardEvent): HTMLElement | null {
  const target = event.target instanceof HTMLElement ? event.target : null;
  const field = target?.closest<HTMLElement>('input, textarea, select, [contenteditable="true"]') ?? null;
  // Checkboxes and radios take no text: shortcuts still work on them.
  if (field instanceof HTMLInputElement && ['checkbox', 'radio', 'button'].includes(field.type)) return null;
  return field;
}

/** Whether a dialog (or a question about discarding changes) is open. */
export function dialogOpen(): boolean {
  return document.querySelector('[role="dialog"], [role="alertdialog"]') !== null;
}
