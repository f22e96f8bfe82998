import { StandInError, propertyNotLoaded } from './errors';
import type { WorkbookModel } from './model';
import { undoSupported, type Platform } from './undo';
import { jsonBytes } from '../adapters/excel/request-size';

/** Excel on the web refuses a batch whose request or response exceeds 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface StandInStats {
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
}

export interface Env {
  model: WorkbookModel;
  stats: StandInStats;
  /** [major, minor] of the highest ExcelApi set this host claims. */
  api: [number, number];
  /** Where Excel runs: the 5 MB payload limit exists only on the web; undo support differs. */
  platform: Platform;
  /** Options of the Excel.run in progress (mergeUndoGroup decides UndoNotSupported). */
  runOptions?: { delayForCellEdit?: boolean; mergeUndoGroup?: boolean };
  /** Called before each sync executes: the co-author model puts other people's edits here. */
  beforeSync?: (syncNo: number) => void;
  /** The signed-in user: Excel makes them the author of a note an add-in adds. */
  userName: string;
  /** Handlers of WorksheetCollection.onChanged (ExcelApi 1.9), told of other people's edits. */
  changeHandlers: Set<(e: WorksheetChangedArgs) => unknown>;
  changed(): void;
}

/** What Excel passes to a WorksheetCollection.onChanged handler (the fields the adapter uses). */
export interface WorksheetChangedArgs {
  type: 'WorksheetChanged';
  worksheetId: string;
  address: string;
  source: 'Local' | 'Remote';
  changeType: string;
}

export interface OpResult {
  response?: number;
  /** Loaded values are handed to the proxies only when the whole batch has succeeded. */
  commit?: () => void;
  wrote?: boolean;
}

interface Op {
  request: number;
  run(): OpResult | void | Promise<OpResult | void>;
}

/** Thrown by sync(): which queued operation failed, so a protocol front end can name the action. */
export interface FailedAt {
  opIndex?: number;
}

/** UTF-8 bytes of a value as JSON (the adapter's own measure, so both count alike). */
export { jsonBytes };

/**
 * What office.js puts in the request besides the payload, measured on its serialiser
 * (test/adapters/officejs-request-size.test.ts keeps them within a third): an action record costs about
 * 75 bytes, and every object an action touches is sent once per sync as its object path with an
 * Instantiate action (~170 bytes), and so is each parent path not yet in the sync (range → sheet,
 * fill → format → range).
 */
const ACTION_BYTES = 75;
const OBJECT_BYTES = 170;

export function apiAtLeast(api: [number, number], version: string): boolean {
  const [maj, min] = version.split('.').map(Number);
  return api[0] > maj || (api[0] === maj && api[1] >= (min || 0));
}

export class RequestContextCore {
  private queue: Op[] = [];
  private touched = new WeakSet<object>();
  calcSuspended = false;
  /** False when a protocol front end charges the real request body itself (office.js in tests). */
  chargeRequest = true;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  constructor(readonly env: Env) {}

  enqueue(requestPayload: unknown, run: Op['run'], owner?: { pathParent(): unknown }): void {
    let request = ACTION_BYTES + (requestPayload === undefined ? 0 : jsonBytes(requestPayload));
    // office.js sends the object's path and every parent path not yet in this sync's request.
    for (let o = owner; o && !this.touched.has(o); o = o.pathParent() as typeof owner) {
      this.touched.add(o);
      request += OBJECT_BYTES;
    }
    this.queue.push({ request, run });
  }

  /**
   * An action of an API that cannot join an undo group: inside Excel.run({ mergeUndoGroup: true })
   * it fails at sync with UndoNotSupported, as Microsoft documents for Excel 1.20 hosts.
   */
  checkUndo(api: string): void {
    if (!this.env.runOptions?.mergeUndoGroup || undoSupported(api, this.env.platform)) return;
    throw new StandInError(
      'UndoNotSupported',
      `${api} does not support undo, so it cannot be part of an undo group (mergeUndoGroup).`,
      api,
    );
  }

  get pending(): number {
    return this.queue.length;
  }

  /** An action that fails at sync, as Office does when the host lacks the requirement set. */
  requireApi(version: string, what: string): void {
    if (apiAtLeast(this.env.api, version)) return;
    this.enqueue(undefined, () => {
      throw new StandInError('ApiNotFound', `${what} requires ExcelApi ${version}.`, what);
    });
  }

  /** Operations queued so far; a protocol front end maps them back to its actions. */
  get queued(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    this.touched = new WeakSet<object>();
    const stats = this.env.stats;
    stats.syncs++;
    this.env.beforeSync?.(stats.syncs);
    const web = this.env.platform === 'web';
    if (this.chargeRequest) {
      const request = ops.reduce((n, o) => n + o.request, 0);
      stats.maxRequestBytes = Math.max(stats.maxRequestBytes, request);
      if (web && request > PAYLOAD_LIMIT_BYTES) {
        throw new StandInError(
          'RequestPayloadSizeLimitExceeded',
          `The request payload size (${request} bytes) has exceeded the limit.`,
        );
      }
    }
    const commits: (() => void)[] = [];
    let response = 0;
    let wrote = false;
    let i = 0;
    try {
      for (; i < ops.length; i++) {
        const r = await ops[i].run();
        if (!r) continue;
        response += r.response ?? 0;
        if (r.commit) commits.push(r.commit);
        if (r.wrote) wrote = true;
      }
    } catch (e) {
      if (e && typeof e === 'object') (e as FailedAt).opIndex = i;
      throw e;
    } finally {
      this.calcSuspended = false;
      if (wrote) this.env.changed();
    }
    stats.maxResponseBytes = Math.max(stats.maxResponseBytes, response);
    if (web && response > PAYLOAD_LIMIT_BYTES) {
      throw new StandInError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size (${response} bytes) has exceeded the limit.`,
      );
    }
    for (const c of commits) c();
  }
}

type LoadArg = string | string[] | { select?: string | string[] } | Record<string, unknown> | undefined;

export function parseLoad(arg: LoadArg): string[] {
  if (arg === undefined) return [];
  if (typeof arg === 'string') return arg.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => parseLoad(a));
  const o = arg as Record<string, unknown>;
  if ('select' in o) return parseLoad(o.select as string | string[]);
  return Object.entries(o)
    .filter(([, v]) => v)
    .map(([k]) => k);
}

/**
 * The proxy rules every stand-in object follows: scalar properties exist only after load()+sync()
 * (reading earlier throws PropertyNotLoaded); setters queue an action applied at sync and, like
 * office.js, keep the assigned value readable on the proxy.
 */
export abstract class ClientObject {
  protected readonly _v: Record<string, unknown> = {};

  constructor(readonly context: RequestContextCore) {}

  protected abstract get typeName(): string;
  /** Property readers evaluated against the model when the load action runs. */
  protected abstract loaders(): Record<string, () => unknown>;
  /** Child objects reachable through 'child/prop' paths. */
  protected children(): Record<string, ClientObject> {
    return {};
  }
  /** False for a *OrNullObject that found nothing: its properties load as null. */
  protected exists(): boolean {
    return true;
  }

  load(arg?: LoadArg): this {
    const paths = parseLoad(arg);
    const loaders = this.loaders();
    const children = this.children();
    const own: string[] = [];
    const nested = new Map<string, string[]>();
    for (const p of paths) {
      const [head, ...rest] = p.split('/');
      if (rest.length > 0 || (head in children && !(head in loaders))) {
        if (!(head in children)) throw new StandInError('InvalidArgument', `Unknown navigation '${head}'.`, `${this.typeName}.load`);
        nested.set(head, [...(nested.get(head) ?? []), ...(rest.length ? [rest.join('/')] : [])]);
      } else {
        if (!(head in loaders)) throw new StandInError('InvalidArgument', `Unknown property '${head}'.`, `${this.typeName}.load`);
        own.push(head);
      }
    }
    const props = own.length === 0 && nested.size === 0 ? Object.keys(loaders) : own;
    if (props.length > 0) {
      this.context.enqueue(
        props,
        () => {
          const got: Record<string, unknown> = {};
          const there = this.exists();
          for (const p of props) got[p] = there ? loaders[p]() : null;
          return { response: jsonBytes(got), commit: () => Object.assign(this._v, got) };
        },
        this,
      );
    }
    for (const [child, sub] of nested) children[child].load(sub.length ? sub : undefined);
    return this;
  }

  /** The object whose path this one's path extends (range → sheet, fill → format → range); for request sizes. */
  pathParent(): ClientObject | undefined {
    return undefined;
  }

  protected get<T>(prop: string): T {
    if (!(prop in this._v)) throw propertyNotLoaded(prop, this.typeName);
    return this._v[prop] as T;
  }

  protected set(prop: string, value: unknown, apply: () => void): void {
    this._v[prop] = value;
    this.context.enqueue(
      value,
      () => {
        apply();
        return { wrote: true };
      },
      this,
    );
  }

  /** A method call that changes the workbook at sync. */
  protected act(payload: unknown, apply: () => void): void {
    this.context.enqueue(
      payload,
      () => {
        apply();
        return { wrote: true };
      },
      this,
    );
  }

  toJSON(): Record<string, unknown> {
    return { ...this._v };
  }
}
