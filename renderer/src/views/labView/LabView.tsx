// The Lab: presets, the server, the load, and the run.
import { LivePanel } from './LivePanel.tsx';
import { LoadPanel } from './LoadPanel.tsx';
import { PresetBar } from './PresetBar.tsx';
import { ServerColumn } from './ownServer/ServerColumn.tsx';

export function LabView() {
  return (
    <div className="view lab-view">
      <PresetBar />
      <div className="lab-columns">
        <ServerColumn />
        <LoadPanel />
      </div>
      <LivePanel />
    </div>
  );
}
