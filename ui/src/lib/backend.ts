// The UI talks to the Rust side only through this interface, so components
// can be tested against the Rust test host (see ../testing/testBackend.ts).
import { invoke } from '@tauri-apps/api/core';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import type {
  Narrative,
  ApiError,
  AppInfo,
  Assessment,
  AssessmentStatus,
  AssessmentSummary,
  Catalogue,
  Client,
  CsvDelimiter,
  Dashboard,
  DocumentCheck,
  AttachReport,
  Engagement,
  FindingScope,
  HistoryEntry,
  MergeChoices,
  MergePreview,
  Merged,
  HistoryQuery,
  Reverted,
  UndoState,
  EvidenceInput,
  EvidenceItem,
  Interview,
  OpenedFile,
  Person,
  ScopeItem,
  PracticeRecord,
  ErrorCode,
  ExportedReport,
  ExportFormat,
  Finding,
  FindingInput,
  FollowUpInput,
  ImportResult,
  KpiInput,
  KpiRow,
  Lang,
  NewAssessment,
  OnConflict,
  Progress,
  RecoveryInfo,
  ReportOptions,
  ResponseEdit,
  SavedResponse,
  Snapshot,
  Workspace,
} from './bindings';
import { ERROR_CODES } from './bindings';

/**
 * Files dragged over the window from the file manager: where they come in,
 * move, leave again without being dropped, or are dropped (with their paths).
 */
export type FileDrag =
  | { kind: 'enter'; paths: string[] }
  | { kind: 'over' }
  | { kind: 'leave' }
  | { kind: 'drop'; paths: string[] };

export interface Backend {
  appInfo(): Promise<AppInfo>;
  listAssessments(): Promise<AssessmentSummary[]>;
  listClients(): Promise<Client[]>;
  createAssessment(input: NewAssessment): Promise<Assessment>;
  renameAssessment(id: string, title: string): Promise<Assessment>;
  /** Client, title, scope, assessors, target and fieldwork dates. */
  updateAssessment(id: string, details: NewAssessment): Promise<Assessment>;
  /** Final (issued; refuses changes) or back to draft. */
  setAssessmentStatus(id: string, status: AssessmentStatus): Promise<Assessment>;
  deleteAssessment(id: string): Promise<void>;
  getCatalogue(): Promise<Catalogue>;
  getWorkspace(id: string): Promise<Workspace>;
  /** Changes one field of a requirement's response; resolves once it is on disk. */
  editResponse(id: string, clauseId: string, edit: ResponseEdit): Promise<SavedResponse>;
  /** Records whether an item of the 7.5.4 checklist was seen (null: not checked); the whole checklist. */
  setDocument(id: string, item: string, present: boolean | null): Promise<DocumentCheck[]>;
  /** A KPI line of the catalogue as a KPI to complete and add (nothing is stored). */
  adoptKpi(clauseId: string, line: string): Promise<KpiInput>;
  /** Records one practice of the ITIL practice profile; the record as stored. */
  setPractice(id: string, record: PracticeRecord): Promise<PracticeRecord>;
  /** The consultant's own words for the report. */
  getNarrative(id: string): Promise<Narrative>;
  /** Saves one part ("summary", "key_messages", "conclusions", "next_steps", "clause:N"). */
  saveNarrative(id: string, part: string, text: string): Promise<Narrative>;
  listFindings(id: string): Promise<Finding[]>;
  createFinding(id: string, input: FindingInput): Promise<Finding>;
  updateFinding(id: string, findingId: string, input: FindingInput): Promise<Finding>;
  /** Resolves with the deleted finding, for undo. */
  deleteFinding(id: string, findingId: string): Promise<Finding>;
  restoreFinding(id: string, finding: Finding): Promise<Finding>;
  /** The KPIs, each with whether it meets its target. */
  listKpis(id: string): Promise<KpiRow[]>;
  createKpi(id: string, input: KpiInput): Promise<KpiRow>;
  updateKpi(id: string, kpiId: string, input: KpiInput): Promise<KpiRow>;
  deleteKpi(id: string, kpiId: string): Promise<void>;
  kpiSuggestions(): Promise<KpiInput[]>;
  getDashboard(id: string): Promise<Dashboard>;
  /** Creates a follow-up of the assessment `id`, measured against it. */
  startFollowUp(id: string, input: FollowUpInput): Promise<Assessment>;
  /** Progress since the baseline; null when the assessment has none. */
  getProgress(id: string): Promise<Progress | null>;
  recoveryInfo(): Promise<RecoveryInfo>;
  listSnapshots(): Promise<Snapshot[]>;
  takeSnapshot(): Promise<Snapshot>;
  /** Restores one of the app's own snapshots (the current state is snapshotted first). */
  restoreSnapshot(path: string): Promise<void>;
  /** Sets an unusable database aside (never deleting it) and starts empty. */
  startFresh(): Promise<void>;
  /** What merging a file picked for import into the same assessment here would do (nothing is written). */
  previewMerge(path: string): Promise<MergePreview>;
  /** Merges the picked file into the same assessment here, the conflicts decided as `choices` say. */
  mergeAssessment(path: string, choices: MergeChoices): Promise<Merged>;
  /** The assessment's change log, newest first, as `query` narrows it. */
  getHistory(id: string, query: HistoryQuery): Promise<HistoryEntry[]>;
  /** Everyone who changed the assessment, by name. */
  getHistoryAuthors(id: string): Promise<string[]>;
  /** What undo and redo would take back or bring back now. */
  getUndoState(id: string): Promise<UndoState>;
  /** Takes back the latest change that stands (recorded as a change of its own). */
  undoChange(id: string): Promise<Reverted>;
  /** Brings back what the latest undo took back, unless something changed since. */
  redoChange(id: string): Promise<Reverted>;
  /** The consultant's name recorded with each change; null until given. */
  getAuthor(): Promise<string | null>;
  /** Keeps the consultant's name for every later change; the name as kept. */
  setAuthor(name: string): Promise<string>;
  /** Asks where to save (native dialog) and writes the PDF; null if cancelled. */
  exportReport(id: string, options: ReportOptions): Promise<ExportedReport | null>;
  /** The language last chosen for the reports of the assessment's client. */
  reportLang(id: string): Promise<Lang | null>;
  /** Native file picker for the firm's logo (PNG or JPEG); null if cancelled. */
  chooseLogo(): Promise<string | null>;
  /** Picks the firm's Word template and keeps a copy; its path, or null when cancelled. */
  chooseTemplate(): Promise<string | null>;
  /** Opens a report exported in this session, or shows it in its folder. */
  openReport(path: string, reveal: boolean): Promise<void>;
  /**
   * Save dialog, then writes the assessment; the path, or null if cancelled.
   * A CSV table is comma-separated unless `delimiter` says otherwise.
   */
  exportAssessment(
    id: string,
    format: ExportFormat,
    delimiter?: CsvDelimiter,
    withFiles?: boolean,
  ): Promise<string | null>;
  /** Scope, people, interviews, the evidence register and the document register, with the 8.2.3 matrix and interview coverage. */
  getEngagement(id: string): Promise<Engagement>;
  saveScopeItem(id: string, item: ScopeItem): Promise<ScopeItem[]>;
  deleteScopeItem(id: string, itemId: string): Promise<ScopeItem[]>;
  /** Adds or changes a person of the client's directory; the whole directory. */
  savePerson(id: string, person: Person): Promise<Person[]>;
  deletePerson(id: string, personId: string): Promise<Person[]>;
  saveInterview(id: string, interview: Interview): Promise<Interview[]>;
  deleteInterview(id: string, interviewId: string): Promise<Interview[]>;
  addEvidence(id: string, input: EvidenceInput): Promise<EvidenceItem>;
  updateEvidence(id: string, evidenceId: string, input: EvidenceInput): Promise<EvidenceItem>;
  deleteEvidence(id: string, evidenceId: string): Promise<void>;
  /** Attaches dropped files (paths), or those picked in the open dialog (null: cancelled). */
  attachFiles(id: string, evidenceId: string, paths: string[] | null): Promise<AttachReport | null>;
  detachFile(id: string, evidenceId: string, sha256: string): Promise<EvidenceItem>;
  /** Copies an attached file out, hash checked, and opens it with the system viewer. */
  openAttachment(id: string, sha256: string): Promise<OpenedFile>;
  /** Raises the finding a sample with exceptions calls for and links it to the item. */
  raiseSampleFinding(id: string, evidenceId: string): Promise<[Finding, EvidenceItem]>;
  /** Records one entry of the documented information register; the whole register. */
  setDocumentCheck(id: string, check: DocumentCheck): Promise<DocumentCheck[]>;
  /** Sets the services, sites and parties a finding concerns; what every finding concerns. */
  setFindingScope(id: string, findingId: string, scopeIds: string[]): Promise<FindingScope[]>;
  /**
   * Imports an assessment file. Without a path the open dialog asks for one
   * (null if cancelled); with the path of a file picked before and a choice,
   * it retries after a conflict.
   */
  importAssessment(path: string | null, onConflict: OnConflict | null): Promise<ImportResult | null>;
  /** Zooms the whole web view (1 is 100 %), layout included, as a browser does. */
  setZoom(factor: number): Promise<void>;
  /**
   * Tells `handler` about files dragged over the window and dropped on it;
   * resolves with what stops it. Where the window cannot tell (no desktop
   * shell), nothing is ever reported.
   */
  onFileDrop(handler: (drag: FileDrag) => void): Promise<() => void>;
}

export function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.message === 'string' && ERROR_CODES.includes(v.code as ErrorCode);
}

/** Any rejection as an ApiError: the shell's own errors arrive as plain strings. */
export function toApiError(error: unknown): ApiError {
  if (isApiError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message, field: null };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toApiError(error);
  }
}

export const tauriBackend: Backend = {
  appInfo: () => call('app_info'),
  listAssessments: () => call('list_assessments'),
  listClients: () => call('list_clients'),
  createAssessment: (input) => call('create_assessment', { input }),
  renameAssessment: (id, title) => call('rename_assessment', { id, title }),
  updateAssessment: (id, details) => call('update_assessment', { id, details }),
  setAssessmentStatus: (id, status) => call('set_assessment_status', { id, status }),
  deleteAssessment: (id) => call('delete_assessment', { id }),
  getCatalogue: () => call('get_catalogue'),
  getWorkspace: (id) => call('get_workspace', { id }),
  editResponse: (id, clauseId, edit) => call('edit_response', { id, clauseId, edit }),
  setDocument: (id, item, present) => call('set_document', { id, item, present }),
  setPractice: (id, record) => call('set_practice', { id, record }),
  getNarrative: (id) => call('get_narrative', { id }),
  saveNarrative: (id, part, text) => call('save_narrative', { id, part, text }),
  adoptKpi: (clauseId, line) => call('adopt_kpi', { clauseId, line }),
  listFindings: (id) => call('list_findings', { id }),
  createFinding: (id, input) => call('create_finding', { id, input }),
  updateFinding: (id, findingId, input) => call('update_finding', { id, findingId, input }),
  deleteFinding: (id, findingId) => call('delete_finding', { id, findingId }),
  restoreFinding: (id, finding) => call('restore_finding', { id, finding }),
  listKpis: (id) => call('list_kpis', { id }),
  createKpi: (id, input) => call('create_kpi', { id, input }),
  updateKpi: (id, kpiId, input) => call('update_kpi', { id, kpiId, input }),
  deleteKpi: (id, kpiId) => call('delete_kpi', { id, kpiId }),
  kpiSuggestions: () => call('kpi_suggestions'),
  getDashboard: (id) => call('get_dashboard', { id }),
  startFollowUp: (id, input) => call('start_follow_up', { id, input }),
  getProgress: (id) => call('get_progress', { id }),
  recoveryInfo: () => call('recovery_info'),
  listSnapshots: () => call('list_snapshots'),
  takeSnapshot: () => call('take_snapshot'),
  restoreSnapshot: (path) => call('restore_snapshot', { path }),
  startFresh: () => call('start_fresh'),
  previewMerge: (path) => call('preview_merge', { path }),
  mergeAssessment: (path, choices) => call('merge_assessment', { path, choices }),
  getHistory: (id, query) => call('get_history', { id, query }),
  getHistoryAuthors: (id) => call('get_history_authors', { id }),
  getUndoState: (id) => call('get_undo_state', { id }),
  undoChange: (id) => call('undo_change', { id }),
  redoChange: (id) => call('redo_change', { id }),
  getAuthor: () => call('get_author'),
  setAuthor: (name) => call('set_author', { name }),
  exportReport: (id, options) => call('export_report', { id, options }),
  reportLang: (id) => call('report_lang', { id }),
  chooseLogo: () => call('choose_logo'),
  chooseTemplate: () => call('choose_template'),
  openReport: (path, reveal) => call('open_report', { path, reveal }),
  exportAssessment: (id, format, delimiter, withFiles) =>
    call('export_assessment', { id, format, delimiter: delimiter ?? null, withFiles: withFiles ?? null }),
  getEngagement: (id) => call('get_engagement', { id }),
  saveScopeItem: (id, item) => call('save_scope_item', { id, item }),
  deleteScopeItem: (id, itemId) => call('delete_scope_item', { id, itemId }),
  savePerson: (id, person) => call('save_person', { id, person }),
  deletePerson: (id, personId) => call('delete_person', { id, personId }),
  saveInterview: (id, interview) => call('save_interview', { id, interview }),
  deleteInterview: (id, interviewId) => call('delete_interview', { id, interviewId }),
  addEvidence: (id, input) => call('add_evidence', { id, input }),
  updateEvidence: (id, evidenceId, input) => call('update_evidence', { id, evidenceId, input }),
  deleteEvidence: (id, evidenceId) => call('delete_evidence', { id, evidenceId }),
  attachFiles: (id, evidenceId, paths) => call('attach_files', { id, evidenceId, paths }),
  detachFile: (id, evidenceId, sha256) => call('detach_file', { id, evidenceId, sha256 }),
  openAttachment: (id, sha256) => call('open_attachment', { id, sha256 }),
  raiseSampleFinding: (id, evidenceId) => call('raise_sample_finding', { id, evidenceId }),
  setDocumentCheck: (id, check) => call('set_document_check', { id, check }),
  setFindingScope: (id, findingId, scopeIds) => call('set_finding_scope', { id, findingId, scopeIds }),
  importAssessment: (path, onConflict) => call('import_assessment', { path, onConflict }),
  setZoom: async (factor) => {
    try {
      await getCurrentWebview().setZoom(factor);
    } catch (error) {
      throw toApiError(error);
    }
  },
  onFileDrop: async (handler) => {
    try {
      return await getCurrentWebview().onDragDropEvent(({ payload }) => {
        if (payload.type === 'over') handler({ kind: 'over' });
        else if (payload.type === 'leave') handler({ kind: 'leave' });
        else handler({ kind: payload.type, paths: payload.paths });
      });
    } catch {
      // Outside the desktop shell, or where the window is not granted
      // listening to events: files are still attached with the open dialog.
      return () => {};
    }
  },
};
