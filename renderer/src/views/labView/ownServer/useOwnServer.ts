// The lab's launched server as the page sees it: the profiles, the status (from profiles.status
// and profiles.serverStatus), the latest process sample and the log (profiles.telemetry).
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../../../../common/errorMessage.ts';
import type { LabApi, ProfileServerStatus } from '../../../../../common/labApi.ts';
import type { ProcessTelemetryPoint } from '../../../../../common/processTelemetry.ts';
import type { ServerProfile } from '../../../../../common/serverProfile.ts';

export interface OwnServer {
  profiles: ServerProfile[];
  status: ProfileServerStatus | null;
  last: ProcessTelemetryPoint | null;
  /** The latest point whose connections by state were read (the sampler skips the socket table when it is costly). */
  lastStates: ProcessTelemetryPoint | null;
  logLines: string[];
  /** The last failed call, as the lab said it. */
  error: string | null;
  busy: boolean;
  refresh(): Promise<void>;
  start(name: string): Promise<void>;
  stop(): Promise<void>;
  /** Stops the running server and starts `name`'s again. */
  restart(name: string): Promise<void>;
  /** Saves a profile (profiles.put) and lists the profiles again; resolves with the lab's refusal, or null. */
  save(profile: ServerProfile, replace: boolean): Promise<string | null>;
  remove(name: string): Promise<string | null>;
}

export function useOwnServer(api: LabApi): OwnServer {
  const [profiles, setProfiles] = useState<ServerProfile[]>([]);
  const [status, setStatus] = useState<ProfileServerStatus | null>(null);
  const [last, setLast] = useState<ProcessTelemetryPoint | null>(null);
  const [lastStates, setLastStates] = useState<ProcessTelemetryPoint | null>(null);
  const [logLines, setLogLines] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const [list, current] = await Promise.all([api.call('profiles.list', {}), api.call('profiles.status', {})]);
      setProfiles(list.profiles);
      setStatus(current);
      setLogLines(current.logLines);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, [api]);

  useEffect(() => {
    void refresh();
    const offStatus = api.on('profiles.serverStatus', (next) => {
      setStatus(next);
      setLogLines(next.logLines);
      if (next.state !== 'running') {
        setLast(null);
        setLastStates(null);
      }
    });
    const offTelemetry = api.on('profiles.telemetry', ({ point, logLines: lines }) => {
      setLast(point);
      if (point.tcpByState !== null) setLastStates(point);
      setLogLines(lines);
    });
    return () => {
      offStatus();
      offTelemetry();
    };
  }, [api, refresh]);

  const act = useCallback(async (call: () => Promise<ProfileServerStatus>) => {
    setBusy(true);
    setError(null);
    try {
      setStatus(await call());
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }, []);

  const edit = useCallback(
    async (call: () => Promise<unknown>): Promise<string | null> => {
      try {
        await call();
      } catch (failure) {
        return errorMessage(failure);
      }
      await refresh();
      return null;
    },
    [refresh],
  );

  return {
    profiles,
    status,
    last,
    lastStates,
    logLines,
    error,
    busy,
    refresh,
    start: (name) => act(() => api.call('profiles.start', { name })),
    stop: () => act(() => api.call('profiles.stop', {})),
    restart: (name) =>
      act(async () => {
        await api.call('profiles.stop', {});
        return api.call('profiles.start', { name });
      }),
    save: (profile, replace) => edit(() => api.call('profiles.put', { profile, replace })),
    remove: (name) => edit(() => api.call('profiles.remove', { name })),
  };
}
