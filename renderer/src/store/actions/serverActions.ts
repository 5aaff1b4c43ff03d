// Starting and stopping the built-in server with the panel's settings.
import type { ServerStatus } from '../../../../common/labApi.ts';
import { serverParams, serverPlan } from '../serverPlan.ts';
import { attempt, setBusy, setError, type ActionContext } from './context.ts';

export function serverActions(ctx: ActionContext) {
  const { api, store } = ctx;

  /** Makes the running server match the panel (start or restart as needed); false when it could not. */
  async function ensureServer(): Promise<boolean> {
    const parsed = serverParams(store.getState().serverForm);
    if (!parsed.ok) {
      setError(ctx, 'server', parsed.problem);
      return false;
    }
    const plan = serverPlan(store.getState().server, parsed.params);
    if (plan === 'use') return true;
    setBusy(ctx, 'server', true);
    try {
      const status = await attempt(ctx, 'server', async () => {
        if (plan === 'restart') store.setState({ server: await api.call('server.stop', {}) });
        return api.call('server.start', parsed.params);
      });
      if (status === null) return false;
      store.setState({ server: status });
      return status.state === 'running' || status.state === 'starting';
    } finally {
      setBusy(ctx, 'server', false);
    }
  }

  async function stopServer(): Promise<void> {
    setBusy(ctx, 'server', true);
    const status: ServerStatus | null = await attempt(ctx, 'server', () => api.call('server.stop', {}));
    if (status !== null) store.setState({ server: status });
    setBusy(ctx, 'server', false);
  }

  return { ensureServer, startServer: ensureServer, stopServer };
}
