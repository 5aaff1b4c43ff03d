// Runs the journal did not take: read the list (on attach and after a reconnect), retry the save,
// download the record as JSON, or forget it (its fallback file stays on disk).
import { downloadFiles } from '../../export/download.ts';
import { unsavedRecordFileName } from '../unsaved.ts';
import { attempt, setBusy, type ActionContext } from './context.ts';

export function saveActions(ctx: ActionContext) {
  const { api, store } = ctx;

  async function readUnsaved(): Promise<void> {
    const unsaved = await attempt(ctx, 'save', () => api.call('run.unsaved', {}));
    if (unsaved !== null) store.setState({ unsaved });
  }

  async function retrySave(id: string): Promise<void> {
    setBusy(ctx, 'save', true);
    try {
      // Success arrives as run.unsavedChanged and journal.changed; a failure stays in the banner.
      await attempt(ctx, 'save', () => api.call('run.retrySave', { id }));
    } finally {
      setBusy(ctx, 'save', false);
    }
  }

  async function downloadUnsaved(id: string): Promise<void> {
    const record = await attempt(ctx, 'save', () => api.call('run.unsavedRecord', { id }));
    if (record !== null) downloadFiles([{ name: unsavedRecordFileName(id), content: `${JSON.stringify(record, null, 2)}\n` }]);
  }

  async function discardUnsaved(id: string): Promise<void> {
    await attempt(ctx, 'save', () => api.call('run.discardUnsaved', { id }));
  }

  return { readUnsaved, retrySave, downloadUnsaved, discardUnsaved };
}
