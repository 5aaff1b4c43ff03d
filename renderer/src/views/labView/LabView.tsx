// The Lab: presets, the server, the load, and the run.
import { LivePanel } from './LivePanel.tsx';
import { LoadPanel } from './LoadPanel.tsx';
import { PresetBar } from './PresetBar.tsx';
import { ServerColumn } from './ownServer/ServerColumn.tsx';
import { SweepPanel } from './SweepPanel.tsx';
import { useLab } from '../../store/LabContext.tsx';

export function LabView() {
  const sweepShown = useLab((state) => state.sweep.status.sweepId !== null);
  return (
    <div className="view lab-view">
      <PresetBar />
      <div className="lab-columns">
        <ServerColumn />
        <LoadPanel />
      </div>
      {sweepShown ? (
        <div className="sweep-columns">
          <SweepPanel />
          <LivePanel />
        </div>
      ) : (
        <LivePanel />
      )}
    </div>
  );
}
