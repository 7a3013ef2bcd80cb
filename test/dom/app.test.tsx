// @vitest-environment happy-dom
// The window against the real app layer in a temp data folder: the API client calls the same
// dispatch as IPC and HTTP, in process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelNames, dispatch, type ApiClient } from '../../core/api';
import { openApp, type AdvisorDeckApp } from '../../electron/services/app';
import { TEMPLATES_DIR } from '../../electron/services/recipes';
import { App } from '../../renderer/src/App';
import { createAppStore, StoreProvider } from '../../renderer/src/store';
import { sampleIntakeInput as sampleIntake } from '../support/samples';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let dir: string;
let app: AdvisorDeckApp;
let container: HTMLElement;
let root: Root;

function clientOf(a: AdvisorDeckApp): ApiClient {
  const client: Record<string, unknown> = Object.fromEntries(
    channelNames.map((c) => [c, (input?: unknown) => dispatch(a.handlers, c, input)]),
  );
  client['onFollowUpFocus'] = () => () => undefined;
  client['onReminder'] = () => () => undefined;
  client['onShareChange'] = () => () => undefined;
  return client as ApiClient;
}

async function renderApp(): Promise<void> {
  const store = createAppStore(clientOf(app));
  await act(async () => {
    root.render(
      <StoreProvider store={store}>
        <App />
      </StoreProvider>,
    );
  });
  // Let the first list arrive.
  await act(async () => {
    await new Promise((r) => setTimeout(r, 50));
  });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'advisor-deck-dom-'));
  app = await openApp({
    dataDir: dir,
    templatesDir: TEMPLATES_DIR,
    holder: 'a DOM test',
    platform: {
      name: 'Advisor Deck',
      version: '9.9.9',
      openExternal: async () => false,
      openPath: async () => false,
      notify: () => false,
      applySettings: () => undefined,
    },
  });
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(async () => {
  act(() => root.unmount());
  container.remove();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('App', () => {
  it('shows the app name, its version and the empty state with its two ways in', async () => {
    await renderApp();
    expect(container.querySelector('h1')?.textContent).toBe('Advisor Deck');
    expect(container.textContent).toContain('Version 9.9.9');
    expect(container.textContent).toContain('No prospects yet');
    const buttons = [...container.querySelectorAll('button')].map((b) => b.textContent);
    expect(buttons).toEqual(expect.arrayContaining(['New prospect', 'Import intake', 'Prospects', 'Settings']));
  });

  it('shows the saved prospects (the rows themselves need a layout: see test/e2e/app.test.ts)', async () => {
    const saved = await app.handlers['prospects:save']({
      intake: sampleIntake() as unknown as Record<string, unknown>,
    });
    expect(saved.saved).toBe(true);
    await renderApp();
    expect(container.textContent).not.toContain('No prospects yet');
    expect(container.querySelector('[role="list"]')?.getAttribute('aria-label')).toBe('Prospects');
    expect(container.textContent).toContain('1 prospect');
    expect(container.textContent).not.toContain('1 prospects');
  });
});
