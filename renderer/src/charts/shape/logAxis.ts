// The log latency axis lives in common/ (the sweep exports draw it too); re-exported for the charts.
export { logLatencyAxis, logTicks, type LogAxis } from '../../../../common/chart/logAxis.ts';
