// The load threads' latency histograms: made, recorded into and encoded exactly as
// common/histogram.ts does (same shape, common/histogramShape.ts), so the host decodes and adds
// them as before. Only the import differs: the package's index also loads its WebAssembly build,
// its log reader and writer and more, in every thread; these deep imports load only an
// Int32Histogram and its compressed encoding, which makes a thread start cheaper. Threads only:
// elsewhere (the renderer's bundle maps the package to its browser build) use common/histogram.ts.
import type { JsHistogram } from 'hdr-histogram-js/dist/JsHistogram.js';
import * as int32Module from 'hdr-histogram-js/dist/Int32Histogram.js';
// For its side effect: puts encodeIntoCompressedBase64 on JsHistogram.prototype.
import 'hdr-histogram-js/dist/JsHistogram.encoding.js';
import { HIGHEST_US, LOWEST_US, SIGNIFICANT_DIGITS, trackableUs } from '../../common/histogramShape.ts';

export { HIGHEST_US, LOWEST_US };

type Int32HistogramClass = typeof int32Module.default;

/**
 * The CommonJS module's class: the build (and tsx) hand its `exports.default` over as the default
 * export; Node's own import (vitest) hands over `module.exports`, whose `default` it is.
 */
const Int32Histogram: Int32HistogramClass = (() => {
  const exported: unknown = int32Module.default;
  if (typeof exported === 'function') return exported as Int32HistogramClass;
  return (exported as { default: Int32HistogramClass }).default;
})();

export function createLatencyHistogram(): JsHistogram {
  const histogram = new Int32Histogram(LOWEST_US, HIGHEST_US, SIGNIFICANT_DIGITS);
  histogram.autoResize = false;
  return histogram;
}

/** Records a latency, clamped into the trackable range (a 0 µs reply counts as 1 µs). */
export function recordLatencyUs(histogram: JsHistogram, latencyUs: number): void {
  histogram.recordValue(trackableUs(latencyUs));
}

export function encodeHistogram(histogram: JsHistogram): string {
  return histogram.encodeIntoCompressedBase64();
}
