// nginx (1 worker) pinned to core 0 for the duration of a callback; always stopped afterwards.
import { startNginx, type NginxOptions, type NginxServer } from '../peers/nginx.ts';
import { onInterrupt } from './cleanup.ts';

export const SERVER_CPU = '0';
export const GENERATOR_CPU = '1';

export async function withNginx<T>(body: (server: NginxServer) => Promise<T>, options: Pick<NginxOptions, 'backlog' | 'tls'> = {}): Promise<T> {
  const server = await startNginx({ workers: 1, cpu: SERVER_CPU, ...options });
  const unregister = onInterrupt(() => server.stop());
  try {
    return await body(server);
  } finally {
    unregister();
    await server.stop();
  }
}
