// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdvisorDeckApi } from '../../core/api';
import { App } from '../../renderer/src/App';
import { useAppStore } from '../../renderer/src/store';

// Tells React this is a test environment, so act() flushes effects and updates.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type BridgeWindow = { advisorDeck?: AdvisorDeckApi };

let container: HTMLElement;
let root: Root;

async function renderApp(): Promise<void> {
  await act(async () => {
    root.render(<App />);
  });
}

beforeEach(() => {
  useAppStore.setState(useAppStore.getInitialState(), true);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  delete (window as BridgeWindow).advisorDeck;
});

describe('App', () => {
  it('shows the app name and the empty state in a plain browser (no preload bridge)', async () => {
    expect((window as BridgeWindow).advisorDeck).toBeUndefined();
    await renderApp();
    expect(container.querySelector('h1')?.textContent).toBe('Advisor Deck');
    expect(container.textContent).toContain('No prospects yet');
    expect(container.textContent).not.toContain('Version');
  });

  it('shows the version that main reports through the bridge', async () => {
    (window as BridgeWindow).advisorDeck = {
      'app:info': () => Promise.resolve({ ok: true, value: { name: 'Advisor Deck', version: '1.2.3' } }),
    };
    await renderApp();
    expect(container.textContent).toContain('Version 1.2.3');
    expect(container.textContent).toContain('No prospects yet');
  });

  it('lists prospects instead of the empty state once there are some', async () => {
    useAppStore.setState({ prospects: [{ id: 'p1', name: 'Ana Souza' }] });
    await renderApp();
    expect(container.textContent).toContain('Ana Souza');
    expect(container.textContent).not.toContain('No prospects yet');
  });
});
