// The Lab: presets, the server, the load, and the run.
import { LivePanel } from './LivePanel.tsx';
import { LoadPanel } from './LoadPanel.tsx';
import { PresetBar } from './PresetBar.tsx';
import { ServerColumn } from './ownServer/ServerColumn.tsx';
import { SweepPanel } from './SweepPanel.tsx';
import { RepeatPanel } from './RepeatPanel.tsx';
import { useLab } from '../../store/LabContext.tsx';

export function LabView() {
  const sweepShown = useLab((state) => state.sweep.status.sweepId !== null);
  const repeatShown = useLab((state) => state.repeat.status.repeatId !== null);
  return (
    <div className="view lab-view">
      <PresetBar />
      <div className="lab-columns">
        <ServerColumn />
        <LoadPanel />
      </div>
      {sweepShown || repeatShown ? (
        <div className="sweep-columns">
          {repeatShown ? <RepeatPanel /> : <SweepPanel />}
          <LivePanel />
        </div>
      ) : (
        <LivePanel />
      )}
    </div>
  );
}
