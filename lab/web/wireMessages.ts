// One WebSocket message in, what to do about it out. Pure but for the lab call itself.
import type { LabErrorPayload, LabMethod } from '../../common/labApi.ts';
import { settleLabCall } from '../../common/labBridge.ts';
import { isLabMethodName, labMethodNames } from '../../common/labNames.ts';
import { wireCallSchema, type WireResult } from '../../common/labWire.ts';
import type { ServedLab } from './servedLab.ts';
import { errorMessage } from '../../common/errorMessage.ts';
import { describeZodIssues } from '../../common/zodIssues.ts';

const EXPECTED = 'expected {"type":"call","id":<integer ≥ 0>,"method":"<name>","params":{…}}';

export interface LabCall {
  id: number;
  method: LabMethod;
  params: unknown;
}

export type Incoming =
  /** A call to run. */
  | { kind: 'call'; call: LabCall }
  /** A message with a usable id that is wrong anyway: answer it at once. */
  | { kind: 'answer'; result: WireResult }
  /** Not even an id to answer: the connection is closed with this reason (code 1007). */
  | { kind: 'unreadable'; reason: string };

function failure(id: number, code: LabErrorPayload['code'], message: string): WireResult {
  return { type: 'result', id, ok: false, error: { code, message } };
}

function usableId(json: unknown): number | null {
  if (typeof json !== 'object' || json === null || !('id' in json)) return null;
  const { id } = json;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}

export function readIncoming(text: string): Incoming {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { kind: 'unreadable', reason: `malformed JSON (${errorMessage(error)}); ${EXPECTED}` };
  }
  const parsed = wireCallSchema.safeParse(json);
  if (!parsed.success) {
    const problems = describeZodIssues(parsed.error).join('; ');
    const id = usableId(json);
    const message = `bad message: ${problems}; ${EXPECTED}`;
    return id === null ? { kind: 'unreadable', reason: message } : { kind: 'answer', result: failure(id, 'bad-params', message) };
  }
  const { id, method, params } = parsed.data;
  if (!isLabMethodName(method)) {
    return { kind: 'answer', result: failure(id, 'not-found', `unknown method "${method}"; the lab API has ${labMethodNames.join(', ')}`) };
  }
  return { kind: 'call', call: { id, method, params } };
}

/** Runs a call; a failure becomes an error result, never a thrown error. */
export async function runCall(lab: ServedLab, { id, method, params }: LabCall): Promise<WireResult> {
  return { type: 'result', id, ...(await settleLabCall(method, () => lab.call(method, params))) };
}
