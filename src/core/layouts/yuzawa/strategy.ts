import type { SheetView } from '../../grid/sheet-view';
import type { Item, Policy } from '../../model/plan';
import { finding } from '../../validation/finding';
import { defineLayout, type HookContext } from '../kit/define';
import type { ItemRow, RowKind } from '../kit/rows';
import type { LayoutSpecInput } from '../kit/spec';
import type { LayoutRead } from '../types';
import { findContentsHeader, readContents, type Contents } from './contents';
import { headingRow, nonEmptyCells, policyOfSheetName, ROMAN_KEYS } from './headings';
import { measureTitle, parseRepost } from './schedule-table';

/**
 * 湯沢市経営戦略 (R3–R8). Two kinds of table sit under 基本方針 / テーマプログラム headings:
 *  - a KPI table per テーマプログラム → one item per 指標 (classes.種別 = 'KPI');
 *  - a schedule table per 取組事項 → one item per 実施項目 (classes.種別 = '実施項目').
 * Both are kit tables. The hooks are the city's own: the 取組事項 title row and its numbering, the
 * 目次 that places each 取組事項, and the 【再掲】 rows (取組事項 8, 9, 13 listed again under 25)
 * linked to their originals and counted once. docs/layouts/yuzawa.md.
 */

const LAYOUT = 'yuzawa';
const KPI = 0;

/** Progress columns staff add to either table, named as they name them (令和5年度 実績, 取組状況, 評価 …). */
const PROGRESS = {
  status: ['*取組状況*', '*進捗状況*', '*実施状況*', '*推進状況*', '*取組実績*', '*取組内容*'],
  rating: ['*評価*', '*達成状況*', '*達成度*', '*判定*'],
  actual: ['*実績*'],
  note: ['*課題*', '*今後*', '*改善*', '*方向性*', '*備考*', '*要因*'],
};

export const YUZAWA_SPEC = {
  id: LAYOUT,
  label: { ja: '湯沢市 経営戦略', en: 'Yuzawa strategy' },
  policyLabel: '基本方針',
  scale: 'A-D',
  sample: 'yuzawa.xlsx',
  tables: [
    {
      name: 'kpi',
      header: { maxRows: 2, minLabels: 2 },
      fields: {
        name: ['指標名', '指標', 'KPI', '成果指標', '指標名(KPI)'],
        baseline: ['現状*', '基準値*', '現況*'],
        target: ['目標*'],
        unit: ['単位'],
        department: ['担当課', '所管課', '担当'],
        ...PROGRESS,
      },
      required: ['name', 'target'],
      expected: ['baseline', 'target'],
      lastTargetIsFinal: true,
      carryDown: [],
      continuation: 'none',
      maxScore: 0.7,
      wrap: 'join',
    },
    {
      name: 'schedule',
      header: { maxRows: 3, minLabels: 3 },
      fields: {
        name: ['実施項目'],
        department: { labels: ['担当課', '所管課', '担当'], required: 'warning' },
        ...PROGRESS,
      },
      spanning: ['展開スケジュール'],
      required: ['name', 'schedule'],
      expected: ['department', 'schedule'],
      carryDown: ['department'],
      continuation: 'rows',
      yearColumns: 'schedule',
      maxScore: 0.95,
      wrap: 'join',
    },
  ],
} satisfies LayoutSpecInput;

/** Rows the spec's rules cannot read: the 取組事項 title, the body headings, the KPI caption, ※ notes, 【再掲】 marks. */
function yuzawaRow(view: SheetView, r: number, cells: { col: number; text: string }[]): RowKind | undefined {
  const own = nonEmptyCells(view, r);
  const title = measureTitle(own);
  if (title) return { level: 'caption', key: title.no !== undefined ? String(title.no) : '', name: title.name ?? '' };
  if (own.length === 1 && /^[◆◇■□]/.test(own[0].text)) {
    const rp = parseRepost(own[0].text);
    if (rp?.source !== undefined && rp.rest === '') return { mark: 'repost', name: rp.source };
  }
  if (cells.length > 2) return undefined;
  const h = headingRow(view, r);
  if (!h) return undefined;
  if (h.kind === 'policy') return { level: 'policy', key: h.policy.key, name: h.policy.name };
  if (h.kind === 'theme') return { level: 'group', key: String(h.theme.no), name: h.theme.name };
  if (h.kind === 'measure') return { level: 'caption', key: String(h.no), name: h.name };
  return 'skip';
}

interface State {
  kpiCount: Map<string, number>;
  perTable: Map<unknown, { own: number; reposts: number; source?: string; told?: boolean }>;
  contents?: Contents;
}

function stateOf(ctx: HookContext): State {
  let s = ctx.state.get('yuzawa') as State | undefined;
  if (!s) {
    s = { kpiCount: new Map(), perTable: new Map() };
    ctx.state.set('yuzawa', s);
  }
  return s;
}

function yuzawaItem(item: Item, ir: ItemRow, ctx: HookContext & { table: { specIndex: number } }): void {
  const s = stateOf(ctx);
  const pKey = ir.policy?.key;
  const policy = pKey ?? '?';
  if (!pKey) {
    item.policyKey = '?';
    item.policyName = '(不明)';
  }
  const theme = ir.group;
  if (ctx.table.specIndex === KPI) {
    const base = theme ? `${policy}-${theme.key}` : policy;
    const k = (s.kpiCount.get(base) ?? 0) + 1;
    s.kpiCount.set(base, k);
    item.id = `KPI-${base}-${k}`;
    item.classes = { 種別: 'KPI' };
    if (theme) item.groupKey = `${policy}-${theme.key}`;
    return;
  }

  const t = s.perTable.get(ctx.table) ?? { own: 0, reposts: 0 };
  s.perTable.set(ctx.table, t);
  // 【再掲】: a mark above in this table, or the first line of the item cell (◆source【再掲】 / item【再掲】).
  const mark = ir.marks.filter((m) => m.key === 'repost' && m.row < ir.row.row).pop();
  const rp = parseRepost(ir.row.text('name'));
  if (rp) {
    item.name = rp.rest;
    if (rp.source !== undefined) t.source = rp.source;
  }
  const source = rp?.source ?? t.source ?? mark?.name;
  const repost = rp !== undefined || source !== undefined;
  if (repost && !item.flags.includes('repost')) item.flags.push('repost');
  const no = ir.caption?.key ? Number(ir.caption.key) : undefined;
  const k = repost ? ++t.reposts : ++t.own;
  if (no !== undefined) item.id = `${no}-${repost ? 'R' : ''}${k}`;
  else if (!t.told) {
    t.told = true;
    ctx.findings.push(finding('LAY009', item.cells.name!, { id: item.id, number: { ja: '取組事項No.', en: '取組事項 number' } }));
  }
  item.classes = { 種別: '実施項目', ...(no !== undefined ? { 取組事項: String(no) } : {}) };
  item.notes = { ...item.notes, ...(no !== undefined ? { measure: `${no} ${ir.caption?.name ?? ''}`.trim() } : {}), ...(source ? { repostOf: source } : {}) };
  if (theme) item.groupKey = `${policy}-${theme.key}`;

  // The 目次 places each 取組事項; where the body puts it elsewhere, the 目次 wins and it is said once per table.
  const listed = no !== undefined ? s.contents?.entries.get(no) : undefined;
  if (listed) {
    if (pKey !== listed.policy.key || theme?.key !== String(listed.theme.no)) {
      if (!t.told) {
        t.told = true;
        ctx.findings.push(
          finding('LAY012', item.cells.name!, {
            what: { ja: `取組事項No.${no}のテーマプログラム`, en: `theme programme of 取組事項 ${no}` },
            first: `本文 ${pKey ?? '?'}-${theme?.key ?? '?'}`,
            second: `目次 ${listed.policy.key}-${listed.theme.no} ${listed.theme.name}`,
            used: `目次 ${listed.policy.key}-${listed.theme.no}`,
          }),
        );
      }
    }
    item.policyKey = listed.policy.key;
    item.policyName = listed.policy.name;
    item.groupKey = `${listed.policy.key}-${listed.theme.no}`;
    item.groupName = listed.theme.name;
    item.notes.measure ??= `${no} ${listed.measureName}`;
  }
}

const compact = (s: string) => s.normalize('NFKC').replace(/[\s、,，・()（）「」]/g, '');

/** 【再掲】 rows linked to their originals by name (the text drifts: 「処分方法の検討実施」); policies named and in plan order. */
function yuzawaAfter(read: LayoutRead, ctx: HookContext): void {
  const originals = new Map<string, Item>();
  for (const it of read.items) if (!it.flags.includes('repost') && it.classes?.種別 === '実施項目') originals.set(compact(it.name), it);
  for (const it of read.items) {
    if (!it.flags.includes('repost')) continue;
    const orig = originals.get(compact(it.name));
    if (orig) it.notes = { ...it.notes, repostId: orig.id };
    else read.findings.push(finding('LAY018', it.cells.name ?? { sheet: it.source.sheet }, { name: it.name }, it.id));
  }
  const names = new Map<string, string>();
  for (const e of stateOf(ctx).contents?.entries.values() ?? []) if (e.policy.name) names.set(e.policy.key, e.policy.name);
  for (const it of read.items) if (it.policyName && it.policyKey !== '?' && !names.has(it.policyKey)) names.set(it.policyKey, it.policyName);
  // The name a sheet's title gave before its heading (地域経営) yields to the heading's (地域経営マネジメント).
  for (const it of read.items) {
    const heading = read.items.find((x) => x.policyKey === it.policyKey && x.policyName.length > it.policyName.length)?.policyName;
    if (heading && !names.has(it.policyKey)) names.set(it.policyKey, heading);
  }
  for (const it of read.items) if (names.has(it.policyKey)) it.policyName = names.get(it.policyKey)!;
  const keys = [...new Set(read.items.map((i) => i.policyKey).filter((k) => k !== '?'))];
  read.policies = keys
    .map((key): Policy => ({ key, name: names.get(key) ?? '', order: ROMAN_KEYS.indexOf(key) + 1 || 99 }))
    .sort((a, b) => a.order - b.order);
}

export const yuzawaLayout = defineLayout(YUZAWA_SPEC, {
  row: yuzawaRow,
  start: (view) => {
    const p = policyOfSheetName(view.name);
    return p ? { policy: { key: p.key, name: p.name } } : undefined;
  },
  item: yuzawaItem,
  after: yuzawaAfter,
  sheets: {
    detect: (view) =>
      findContentsHeader(view)
        ? { sheet: view.name, score: 0.7, reason: { ja: '目次(基本方針・テーマプログラム・取組事項)のシートです', en: 'the table of contents (基本方針, テーマプログラム, 取組事項)' } }
        : undefined,
    read: (view, ctx) => {
      const c = readContents(view);
      const s = stateOf(ctx);
      if (c && !s.contents) s.contents = c;
    },
  },
});
