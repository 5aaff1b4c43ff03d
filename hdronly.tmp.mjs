import { parentPort } from 'node:worker_threads'; import * as h from 'hdr-histogram-js'; parentPort.postMessage({type:'ready'});
