import { jsonBytes, PAYLOAD_LIMIT_BYTES, RequestContextCore, type Env, type FailedAt } from './context';
import { ClientResult, RequestContext } from './objects';

/**
 * The stand-in behind office.js: answers the requests that Microsoft's own client library builds
 * (`ProcessQuery` bodies of Actions and ObjectPaths, the RichApi protocol that office.js speaks to
 * Excel on the web) by replaying them on the stand-in's objects. The adapter then runs through
 * office.js's real proxies, request building, response handling and error objects; only Excel's side
 * is the stand-in. Requests are charged at their real size (the JSON office.js sends).
 *
 * Protocol facts used here, read from office.js 1.1.110 (excel-web-16.00.debug.js): ObjectPathType
 * 1 global object, 3 method, 4 property, 5 indexer; ActionType 1 instantiate, 2 query, 3 method,
 * 4 set property; results are `{ Results: [{ ActionId, Value }] }`, query values keyed by the
 * PascalCase property name, collections as `{ _Items: [...] }`, a null object as `null`; a failure is
 * `{ Error: { Code, Message, Location, ActionIndex } }`.
 */
interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
}

interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}

export interface RichApiRequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

export interface RichApiResponseBody {
  Results?: { ActionId: number; Value: unknown }[];
  Error?: { Code: string; Message: string; Location?: string; ActionIndex?: number; HttpStatusCode?: number };
}

/** One request as the server saw it, for tests and the bench. */
export interface RichApiExchange {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  /** The flags office.js put in the URL (64 = delayForCellEdit, 1 = writes). */
  flags: number;
  error?: string;
}

const camel = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type Dyn = Record<string, unknown> & { [k: string]: unknown };

function isCollection(o: unknown): boolean {
  const name = (o as { constructor?: { name?: string } })?.constructor?.name ?? '';
  return name.endsWith('Collection') && name !== 'RangeBorderCollection';
}

export class RichApiServer {
  readonly exchanges: RichApiExchange[] = [];

  constructor(private readonly env: Env) {}

  /** Handles one ProcessQuery body; `flags` is the number from the request URL. */
  async process(body: RichApiRequestBody, flags = 0): Promise<RichApiResponseBody> {
    const requestBytes = jsonBytes(body);
    const stats = this.env.stats;
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, requestBytes);
    const record: RichApiExchange = { requestBytes, responseBytes: 0, actions: body.Actions.length, flags };
    this.exchanges.push(record);
    const fail = (Code: string, Message: string, ActionIndex?: number, Location?: string): RichApiResponseBody => {
      record.error = Code;
      const out: RichApiResponseBody = { Error: { Code, Message, HttpStatusCode: 400, ...(Location ? { Location } : {}), ...(ActionIndex !== undefined ? { ActionIndex } : {}) } };
      record.responseBytes = jsonBytes(out);
      return out;
    };
    if (this.env.platform === 'web' && requestBytes > PAYLOAD_LIMIT_BYTES) {
      // Refused before anything runs; office.js still counts it as a round trip.
      stats.syncs++;
      return fail('RequestPayloadSizeLimitExceeded', `The request payload size (${requestBytes} bytes) has exceeded the limit.`);
    }

    const core = new RequestContextCore(this.env);
    core.chargeRequest = false;
    const ctx = new RequestContext(core);
    const objects = new Map<number, unknown>();
    const resolve = (id: number): unknown => {
      if (objects.has(id)) return objects.get(id);
      const p = body.ObjectPaths[String(id)];
      if (!p) throw new Error(`stand-in: no object path ${id}`);
      const args = this.args(p.ArgumentInfo, resolve);
      let o: unknown;
      if (p.ObjectPathType === 1) o = ctx.workbook;
      else {
        const parent = resolve(p.ParentObjectPathId!) as Dyn;
        if (p.ObjectPathType === 4) o = parent[camel(p.Name)];
        else if (p.ObjectPathType === 3) {
          const f = parent[camel(p.Name)];
          if (typeof f !== 'function') throw new Error(`stand-in: ${parent.constructor?.name}.${camel(p.Name)}() is not implemented`);
          o = (f as (...a: unknown[]) => unknown).apply(parent, args);
        } else if (p.ObjectPathType === 5) o = (parent.getItem as (k: unknown) => unknown).call(parent, args[0]);
        else throw new Error(`stand-in: object path type ${p.ObjectPathType} is not served`);
      }
      if (o === undefined || o === null) throw new Error(`stand-in: ${p.Name} is not implemented`);
      objects.set(id, o);
      return o;
    };

    // Replay every action on the stand-in, noting which of its queued operations each one made.
    const opEnd: number[] = [];
    const after: (() => { ActionId: number; Value: unknown } | null)[] = [];
    for (const a of body.Actions) {
      const target = resolve(a.ObjectPathId) as Dyn;
      const args = this.args(a.ArgumentInfo, resolve);
      if (a.ActionType === 1) {
        after.push(() => ({ ActionId: a.Id, Value: isNull(target) ? null : {} }));
      } else if (a.ActionType === 2) {
        const select = [...(a.QueryInfo?.Select ?? []), ...(a.QueryInfo?.Expand ?? [])];
        // Worksheets come back with their id, so office.js addresses them by id in later syncs
        // (an indexer path) rather than by position, which a co-author's new sheet would shift.
        const withId = target.constructor?.name === 'WorksheetCollection' && select.length > 0 ? [...select, 'id'] : select;
        (target.load as (s: string[]) => void).call(target, withId);
        after.push(() => ({ ActionId: a.Id, Value: this.queryValue(target, select) }));
      } else if (a.ActionType === 4) {
        target[camel(a.Name)] = args[0];
        after.push(() => null);
      } else if (a.ActionType === 3) {
        const f = target[camel(a.Name)] as ((...x: unknown[]) => unknown) | undefined;
        if (typeof f !== 'function') {
          // Bookkeeping methods of office.js (references, tracing) have no effect on the workbook.
          after.push(() => ({ ActionId: a.Id, Value: null }));
        } else {
          const r = f.apply(target, args);
          after.push(() => ({ ActionId: a.Id, Value: r instanceof ClientResult ? r.value : null }));
        }
      } else {
        after.push(() => null);
      }
      opEnd.push(core.queued);
    }

    try {
      await core.sync();
    } catch (e) {
      const err = e as { code?: string; message?: string; debugInfo?: { errorLocation?: string } } & FailedAt;
      const op = err.opIndex ?? 0;
      const actionIndex = opEnd.findIndex((end) => end > op);
      return fail(err.code ?? 'GeneralException', err.message ?? String(e), actionIndex < 0 ? undefined : actionIndex, err.debugInfo?.errorLocation);
    }
    const results = after.map((f) => f()).filter((r): r is { ActionId: number; Value: unknown } => r !== null);
    const out: RichApiResponseBody = { Results: results };
    record.responseBytes = jsonBytes(out);
    if (this.env.platform === 'web' && record.responseBytes > PAYLOAD_LIMIT_BYTES) {
      return fail('ResponsePayloadSizeLimitExceeded', `The response payload size (${record.responseBytes} bytes) has exceeded the limit.`);
    }
    stats.maxResponseBytes = Math.max(stats.maxResponseBytes, record.responseBytes);
    return out;
  }

  private args(info: ActionInfo['ArgumentInfo'], resolve: (id: number) => unknown): unknown[] {
    const args = [...(info?.Arguments ?? [])];
    info?.ReferencedObjectPathIds?.forEach((id, i) => {
      if (id) args[i] = resolve(id);
    });
    return args;
  }

  /** A loaded proxy as the query result office.js expects: PascalCase keys, `_Items` for collections. */
  private queryValue(target: Dyn, select: string[]): unknown {
    if (isNull(target)) return null;
    if (isCollection(target)) {
      const items = target.items as Dyn[];
      const own = select.map((s) => s.replace(/^items\//, '')).filter((s) => !s.includes('/'));
      return {
        _Items: items.map((it) => {
          const row = this.props(it, own);
          const id = safeGet(it, 'id');
          if (id !== undefined && !('Id' in row)) row.Id = id;
          return row;
        }),
      };
    }
    const own = select.filter((s) => !s.includes('/'));
    return this.props(target, own);
  }

  private props(o: Dyn, names: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const n of names) out[pascal(n)] = o[n];
    return out;
  }
}

function isNull(o: Dyn): boolean {
  try {
    return 'isNullObject' in o && o.isNullObject === true;
  } catch {
    return false;
  }
}

function safeGet(o: Dyn, k: string): unknown {
  try {
    return o[k];
  } catch {
    return undefined;
  }
}
