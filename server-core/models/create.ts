// The model a config names.
import type { ServerConfig } from '../config.ts';
import { EventLoopModel } from './eventLoop.ts';
import type { Model } from './model.ts';
import { PoolModel } from './pool.ts';
import { SingleModel } from './single.ts';
import { ThreadPerRequestModel } from './threadPerRequest.ts';

/** `waitingConnections` counts the connections held back by the `single` gate. */
export function createModel(config: ServerConfig, waitingConnections: () => number): Model {
  switch (config.model) {
    case 'single':
      return new SingleModel(waitingConnections);
    case 'thread-per-request':
      return new ThreadPerRequestModel(config.limits.maxThreads);
    case 'pool-shared':
      return new PoolModel(config.workers, 'shared');
    case 'pool-per-worker':
      return new PoolModel(config.workers, 'per-handler');
    case 'event-loop':
      return new EventLoopModel();
  }
}
