// The API client over HTTP, for `npm run web`: one POST per call to /api/<channel>, answered
// by the same app layer as the Electron window. Same-origin, so the session cookie goes along.
import { channelNames, type ApiClient, type Result } from '../../../core/api';

async function call(channel: string, input: unknown): Promise<Result<unknown>> {
  try {
    const response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ input }),
      credentials: 'same-origin',
    });
    if (!response.ok) return { ok: false, error: `${response.status} ${(await response.text()).slice(0, 300)}` };
    return (await response.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: 'The Advisor Deck web host does not answer. Is `npm run web` still running?' };
  }
}

export function createHttpClient(): ApiClient {
  const client: Record<string, unknown> = Object.fromEntries(channelNames.map((channel) => [channel, (input?: unknown) => call(channel, input)]));
  // Reminders show in the terminal that runs the web host; there is no click to follow here.
  client['onFollowUpFocus'] = () => () => undefined;
  return client as ApiClient;
}
