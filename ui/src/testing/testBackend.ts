/// <reference types="node" />
// The Backend the component tests mount the app with. Every command goes
// to the Rust test host (crates/test-host), which runs the app's own
// operations on a temporary database of its own: roll-ups, validation,
// follow-ups, progress and readiness are the real rules, not copies. Only
// what the desktop shell does with native dialogs (save and open files, the
// logo picker) and the web view's zoom are stood in for here, as scripted
// answers the tests set; those hold no domain logic.
import type { Backend, FileDrag } from '../lib/backend';
import type {
  ApiError,
  Narrative,
  Lang,
  AppInfo,
  Assessment,
  AssessmentFile,
  AssessmentStatus,
  AssessmentSummary,
  Catalogue,
  Client,
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
  ClauseResponse,
  CsvDelimiter,
  Dashboard,
  ExportedReport,
  ExportFormat,
  Finding,
  FindingInput,
  FollowUpInput,
  ImportResult,
  KpiInput,
  KpiRow,
  NewAssessment,
  OnConflict,
  Progress,
  RecoveryInfo,
  ReportOptions,
  ResponseEdit,
  SavedResponse,
  Snapshot,
  Workspace,
} from '../lib/bindings';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call } from './host';

export class TestBackend implements Backend {
  /** Every field edit sent, in order (refused ones too). */
  edits: { clauseId: string; edit: ResponseEdit }[] = [];
  /** Every response as the host saved it, in order. */
  saves: ClauseResponse[] = [];
  /** Set to make edits fail as a full disk or a busy database would. */
  saveFailure: ApiError | null = null;
  private ready: Promise<unknown>;

  /**
   * A fresh, empty database (`demo`: with the demo assessment), changed by
   * a consultant named "Test Consultant" (`anonymous`: one who has not
   * given a name yet, as on the first start).
   */
  constructor(options: { demo?: boolean; anonymous?: boolean } = {}) {
    this.ready = call('reset', { demo: options.demo ?? false, anonymous: options.anonymous ?? false });
  }

  private async host<T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
    await this.ready;
    return call<T>(cmd, args);
  }

  // For assertions: what the database holds now.
  assessments = () => this.listAssessments();
  findingsOf = (id: string) => this.listFindings(id);
  kpisOf = (id: string) => this.listKpis(id);
  practicesOf = async (id: string) => (await this.getWorkspace(id)).practices;
  async responsesOf(id: string): Promise<ClauseResponse[]> {
    return (await this.getWorkspace(id)).responses;
  }
  async response(id: string, clauseId: string): Promise<ClauseResponse | undefined> {
    return (await this.responsesOf(id)).find((r) => r.clause_id === clauseId);
  }

  /**
   * Writes an assessment's `.clausewise` file to a temporary folder, after
   * `change` (to make a file that something is wrong with); its path.
   */
  async exportFile(id: string, change?: (file: AssessmentFile) => void): Promise<string> {
    let json = await this.host<string>('export_file', { id });
    if (change) {
      const file = JSON.parse(json) as AssessmentFile;
      change(file);
      json = JSON.stringify(file);
    }
    const path = join(mkdtempSync(join(tmpdir(), 'clausewise-test-')), 'assessment.clausewise');
    writeFileSync(path, json);
    return path;
  }

  /** Overwrites the database behind the app's back: the recovery screen's case. */
  damageDatabase(): Promise<void> {
    return this.host('damage_database');
  }

  appInfo = () => this.host<AppInfo>('app_info');
  listAssessments = () => this.host<AssessmentSummary[]>('list_assessments');
  listClients = () => this.host<Client[]>('list_clients');
  createAssessment = (input: NewAssessment) => this.host<Assessment>('create_assessment', { input });
  renameAssessment = (id: string, title: string) => this.host<Assessment>('rename_assessment', { id, title });
  updateAssessment = (id: string, details: NewAssessment) => this.host<Assessment>('update_assessment', { id, details });
  setAssessmentStatus = (id: string, status: AssessmentStatus) =>
    this.host<Assessment>('set_assessment_status', { id, status });
  deleteAssessment = (id: string) => this.host<void>('delete_assessment', { id });
  getCatalogue = () => this.host<Catalogue>('get_catalogue');
  getWorkspace = (id: string) => this.host<Workspace>('get_workspace', { id });
  previewMerge = (path: string) => this.host<MergePreview>('preview_merge', { path });
  mergeAssessment = (path: string, choices: MergeChoices) => this.host<Merged>('merge_assessment', { path, choices });
  getHistory = (id: string, query: HistoryQuery) => this.host<HistoryEntry[]>('get_history', { id, query });
  getHistoryAuthors = (id: string) => this.host<string[]>('get_history_authors', { id });
  getUndoState = (id: string) => this.host<UndoState>('get_undo_state', { id });
  undoChange = (id: string) => this.host<Reverted>('undo_change', { id });
  redoChange = (id: string) => this.host<Reverted>('redo_change', { id });
  getAuthor = () => this.host<string | null>('get_author');
  setAuthor = (name: string) => this.host<string>('set_author', { name });

  async editResponse(id: string, clauseId: string, edit: ResponseEdit): Promise<SavedResponse> {
    this.edits.push({ clauseId, edit: structuredClone(edit) });
    if (this.saveFailure) throw this.saveFailure;
    const saved = await this.host<SavedResponse>('edit_response', { id, clauseId, edit });
    this.saves.push(saved.response);
    return saved;
  }

  getEngagement = (id: string) => this.host<Engagement>('get_engagement', { id });
  saveScopeItem = (id: string, item: ScopeItem) => this.host<ScopeItem[]>('save_scope_item', { id, item });
  deleteScopeItem = (id: string, itemId: string) => this.host<ScopeItem[]>('delete_scope_item', { id, itemId });
  savePerson = (id: string, person: Person) => this.host<Person[]>('save_person', { id, person });
  deletePerson = (id: string, personId: string) => this.host<Person[]>('delete_person', { id, personId });
  saveInterview = (id: string, interview: Interview) => this.host<Interview[]>('save_interview', { id, interview });
  deleteInterview = (id: string, interviewId: string) =>
    this.host<Interview[]>('delete_interview', { id, interviewId });
  addEvidence = (id: string, input: EvidenceInput) => this.host<EvidenceItem>('add_evidence', { id, input });
  updateEvidence = (id: string, evidenceId: string, input: EvidenceInput) =>
    this.host<EvidenceItem>('update_evidence', { id, evidenceId, input });
  deleteEvidence = (id: string, evidenceId: string) => this.host<void>('delete_evidence', { id, evidenceId });
  /** The files the open dialog picks next for an attachment; null: cancelled. */
  attachDialogAnswer: string[] | null = null;
  attachFiles = (id: string, evidenceId: string, paths: string[] | null) => {
    const files = paths ?? this.attachDialogAnswer;
    if (files == null) return Promise.resolve(null);
    return this.host<AttachReport | null>('attach_files', { id, evidenceId, paths: files });
  };
  detachFile = (id: string, evidenceId: string, sha256: string) =>
    this.host<EvidenceItem>('detach_file', { id, evidenceId, sha256 });
  /** Every attached file copied out to be opened, where the copy is (the viewer is not started). */
  attachmentsOpened: OpenedFile[] = [];
  async openAttachment(id: string, sha256: string): Promise<OpenedFile> {
    const opened = await this.host<OpenedFile>('open_attachment', { id, sha256 });
    this.attachmentsOpened.push(opened);
    return opened;
  }
  raiseSampleFinding = (id: string, evidenceId: string) =>
    this.host<[Finding, EvidenceItem]>('raise_sample_finding', { id, evidenceId });
  setFindingScope = (id: string, findingId: string, scopeIds: string[]) =>
    this.host<FindingScope[]>('set_finding_scope', { id, findingId, scopeIds });
  setDocumentCheck = (id: string, check: DocumentCheck) =>
    this.host<DocumentCheck[]>('set_document_check', { id, check });
  setDocument = (id: string, item: string, present: boolean | null) =>
    this.host<DocumentCheck[]>('set_document', { id, item, present });
  adoptKpi = (clauseId: string, line: string) => this.host<KpiInput>('adopt_kpi', { clauseId, line });
  setPractice = (id: string, record: PracticeRecord) => this.host<PracticeRecord>('set_practice', { id, record });
  getNarrative = (id: string) => this.host<Narrative>('get_narrative', { id });
  saveNarrative = (id: string, part: string, text: string) =>
    this.host<Narrative>('save_narrative', { id, part, text });
  listFindings = (id: string) => this.host<Finding[]>('list_findings', { id });
  createFinding = (id: string, input: FindingInput) => this.host<Finding>('create_finding', { id, input });
  updateFinding = (id: string, findingId: string, input: FindingInput) =>
    this.host<Finding>('update_finding', { id, findingId, input });
  deleteFinding = (id: string, findingId: string) => this.host<Finding>('delete_finding', { id, findingId });
  restoreFinding = (id: string, finding: Finding) => this.host<Finding>('restore_finding', { id, finding });
  listKpis = (id: string) => this.host<KpiRow[]>('list_kpis', { id });
  createKpi = (id: string, input: KpiInput) => this.host<KpiRow>('create_kpi', { id, input });
  updateKpi = (id: string, kpiId: string, input: KpiInput) => this.host<KpiRow>('update_kpi', { id, kpiId, input });
  deleteKpi = (id: string, kpiId: string) => this.host<void>('delete_kpi', { id, kpiId });
  kpiSuggestions = () => this.host<KpiInput[]>('kpi_suggestions');
  getDashboard = (id: string) => this.host<Dashboard>('get_dashboard', { id });
  startFollowUp = (id: string, input: FollowUpInput) => this.host<Assessment>('start_follow_up', { id, input });
  getProgress = (id: string) => this.host<Progress | null>('get_progress', { id });

  async recoveryInfo(): Promise<RecoveryInfo> {
    await this.ready;
    return call<RecoveryInfo>('recovery_info');
  }
  listSnapshots = () => this.host<Snapshot[]>('list_snapshots');
  takeSnapshot = () => this.host<Snapshot>('take_snapshot');
  /** Snapshot paths restored, in order. */
  restored: string[] = [];
  async restoreSnapshot(path: string): Promise<void> {
    this.restored.push(path);
    await this.ready;
    return call('restore_snapshot', { path });
  }
  async startFresh(): Promise<void> {
    await this.ready;
    return call('start_fresh');
  }

  // The native dialogs, scripted.

  /**
   * The reports asked for whose options passed the checks the app makes
   * before its save dialog; set `exportAnswer` to script the dialog.
   */
  exports: { id: string; options: ReportOptions }[] = [];
  exportAnswer: ExportedReport | null | ApiError = {
    path: '/home/consultant/Nordwind - gap report.pdf',
    pages: 36,
    bytes: 160_000,
    warnings: [],
  };
  logoAnswer: string | null = '/home/consultant/logo.png';
  opened: { path: string; reveal: boolean }[] = [];

  async exportReport(id: string, options: ReportOptions): Promise<ExportedReport | null> {
    await this.host('check_report_options', { options });
    this.exports.push({ id, options: structuredClone(options) });
    const answer = this.exportAnswer;
    if (answer && 'code' in answer) throw answer;
    // Once written, the app keeps the language for the client's next report.
    if (answer) await this.host('remember_report_lang', { id, lang: options.lang });
    return answer;
  }

  reportLang = (id: string) => this.host<Lang | null>('report_lang', { id });

  async chooseLogo(): Promise<string | null> {
    return this.logoAnswer;
  }

  templateAnswer: string | null = null;
  async chooseTemplate(): Promise<string | null> {
    return this.templateAnswer;
  }

  async openReport(path: string, reveal: boolean): Promise<void> {
    this.opened.push({ path, reveal });
  }

  exported: { id: string; format: ExportFormat; delimiter?: CsvDelimiter; withFiles?: boolean }[] = [];
  async exportAssessment(
    id: string,
    format: ExportFormat,
    delimiter?: CsvDelimiter,
    withFiles?: boolean,
  ): Promise<string | null> {
    const entry: { id: string; format: ExportFormat; delimiter?: CsvDelimiter; withFiles?: boolean } = { id, format };
    if (delimiter) entry.delimiter = delimiter;
    if (withFiles) entry.withFiles = withFiles;
    this.exported.push(entry);
    return `/home/consultant/export.${format.startsWith('csv') ? 'csv' : format}`;
  }

  /** The file the open dialog picks next (see `exportFile`); null: cancelled. */
  openDialogAnswer: string | null = null;
  imports: { path: string | null; onConflict: OnConflict | null }[] = [];
  async importAssessment(path: string | null, onConflict: OnConflict | null): Promise<ImportResult | null> {
    this.imports.push({ path, onConflict });
    const file = path ?? this.openDialogAnswer;
    if (file == null) return null;
    return this.host<ImportResult>('import_file', { path: file, onConflict });
  }

  /** Every zoom factor the web view was set to. */
  zooms: number[] = [];
  async setZoom(factor: number): Promise<void> {
    this.zooms.push(factor);
  }

  // Files dragged from the file manager, scripted: `drag` reports them to
  // whoever listens, as the web view does.
  private dropListeners = new Set<(drag: FileDrag) => void>();
  async onFileDrop(handler: (drag: FileDrag) => void): Promise<() => void> {
    this.dropListeners.add(handler);
    return () => this.dropListeners.delete(handler);
  }
  /** Files dragged over the window, then dropped (or, with `drop: false`, held there). */
  dragFiles(paths: string[], options: { drop?: boolean } = {}): void {
    this.drag({ kind: 'enter', paths });
    this.drag({ kind: 'over' });
    if (options.drop ?? true) this.drag({ kind: 'drop', paths });
  }
  drag(event: FileDrag): void {
    for (const listener of [...this.dropListeners]) listener(event);
  }
  /** How many views listen for dropped files now. */
  get dropListenerCount(): number {
    return this.dropListeners.size;
  }
}
