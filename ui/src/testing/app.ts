// What the component tests share: the whole app mounted on a test host of
// its own (a fresh, empty database for every test), and the inputs they
// create assessments and findings with.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach } from 'vitest';
import App from '../App.svelte';
import { backendContext } from '../lib/context';
import { workspaceHref, type Tab } from '../lib/router.svelte';
import type { FindingInput, NewAssessment } from '../lib/bindings';
import { EMPTY_LIFECYCLE } from '../lib/labels';
import { TestBackend } from './testBackend';

export function newAssessment(fields: Partial<NewAssessment> = {}): NewAssessment {
  return {
    client_name: 'Acme',
    title: 'Readiness',
    scope: '',
    assessors: '',
    target_level: 3,
    starts_on: null,
    ends_on: null,
    ...fields,
  };
}

/** An open finding with nothing but its clause, kind and title filled in. */
export function newFinding(fields: Pick<FindingInput, 'clause_id' | 'kind' | 'title'> & Partial<FindingInput>): FindingInput {
  return {
    observation: '',
    evidence: '',
    recommendation: '',
    priority: 'low',
    owner: '',
    due_date: null,
    status: 'open',
    phase: null,
    lifecycle: { ...EMPTY_LIFECYCLE },
    ...fields,
  };
}

export interface TestApp {
  backend: TestBackend;
  /** The assessment created for the test ('' when there is none). */
  id: string;
}

/**
 * Each test of the file starts on an empty database with nothing stored in
 * the browser; given `assessment`, with that assessment created and its
 * workspace as the location, otherwise at the assessment list.
 */
export function testApp(assessment?: Partial<NewAssessment>): TestApp {
  const app: TestApp = { backend: undefined as unknown as TestBackend, id: '' };
  beforeEach(async () => {
    app.backend = new TestBackend();
    sessionStorage.clear();
    localStorage.clear();
    app.id = '';
    location.hash = '#/';
    if (assessment) {
      app.id = (await app.backend.createAssessment(newAssessment(assessment))).id;
      location.hash = `#/assessments/${app.id}`;
    }
  });
  afterEach(() => {
    location.hash = '';
  });
  return app;
}

/** Mounts the app on `backend` at the current location. */
export function renderApp(backend: TestBackend) {
  return render(App, { context: backendContext(backend) });
}

/** Mounts the app on an assessment's workspace and waits for `heading` (its first requirement). */
export async function openWorkspace(backend: TestBackend, heading: RegExp = /^4\.1 /) {
  const user = userEvent.setup();
  renderApp(backend);
  await screen.findByRole('heading', { level: 2, name: heading });
  return user;
}

/** Mounts the app on one view of the test's assessment (its findings, KPIs, dashboard…). */
export function openView(app: TestApp, view: Tab) {
  location.hash = workspaceHref(app.id, view);
  return renderApp(app.backend);
}
