import fc from 'fast-check';
import { indicatorOf, actualValues, pairDirection } from '../../src/core/layouts/nihonmatsu/indicator';
import { parseMainActions } from '../../src/core/layouts/nihonmatsu/main-actions';
import { valueIn } from '../../src/core/values/units';

const at = { sheet: 'S', address: 'D5' };

/** Every form the seed (002) writes a KPI in 主な取組, verbatim, and what it means. */
const CASES: {
  form: string;
  text: string;
  kpis: { name: string; base: number; target: number; unit: string; cumulative?: boolean }[];
  bullets?: number;
  subActions?: number;
}[] = [
  {
    form: '〔・…〕 with a line-wrap space inside the label',
    text: '各種手続の簡素化、オンライン化 ・コンビニ交付サービスの推進 ・オンライン手続き業務の拡大  〔・証明書等のコンビニ交付による 交付率 24%⇒30%〕',
    kpis: [{ name: '証明書等のコンビニ交付による交付率', base: 24, target: 30, unit: '%' }],
    bullets: 2,
  },
  {
    form: 'two KPIs in one 〔〕 after ①② sub-actions',
    text: '①市税等の納付におけるキャッシュレス決済の利用拡大 ②行政手続のオンライン化と連携したキャッシュレス決済の利用拡大  〔・市税等のキャッシュレス決済による納付率 50%⇒60% ・証明書等交付手数料のキャッシュレス決済による納付率 10%⇒20%〕',
    kpis: [
      { name: '市税等のキャッシュレス決済による納付率', base: 50, target: 60, unit: '%' },
      { name: '証明書等交付手数料のキャッシュレス決済による納付率', base: 10, target: 20, unit: '%' },
    ],
    subActions: 2,
  },
  {
    form: 'bullet without brackets after ①②③ (企業・団体 keeps its 中黒)',
    text: '①窓口におけるカード申請補助 ②企業・団体等への出張申請受付 ③日曜窓口におけるカード交付等  ・市民のマイナンバーカード保有率 79%⇒90%',
    kpis: [{ name: '市民のマイナンバーカード保有率', base: 79, target: 90, unit: '%' }],
    subActions: 3,
  },
  {
    form: 'one label with four 区分, one at base 0',
    text: '電子申告の周知  ・電子申告の利用率 給与報告書 59%⇒80% 償却資産 28%⇒40% 入湯税 20%⇒40% 市県民税 0%⇒30%',
    kpis: [
      { name: '電子申告の利用率(給与報告書)', base: 59, target: 80, unit: '%' },
      { name: '電子申告の利用率(償却資産)', base: 28, target: 40, unit: '%' },
      { name: '電子申告の利用率(入湯税)', base: 20, target: 40, unit: '%' },
      { name: '電子申告の利用率(市県民税)', base: 0, target: 30, unit: '%' },
    ],
  },
  {
    form: '〔〕 without 「・」, counter unit',
    text: '各種財源確保のための取り組み実施 ・広報にほんまつ等への広告掲載 ・未利用財産の売り払い ・ネーミングライツ※の付与 ・クラウドファンディング※による資金募集  〔ネーミングライツ付与施設数 1施設⇒3施設〕',
    kpis: [{ name: 'ネーミングライツ付与施設数', base: 1, target: 3, unit: '施設' }],
    bullets: 4,
  },
  {
    form: 'kanji multipliers 億 and 千万',
    text: '①返礼品の充実、PR ②地場産品のブランド力の強化 ③企業版ふるさと納税の推進  〔ふるさと納税による寄附額 1億5千万円⇒2億5千万円〕',
    kpis: [{ name: 'ふるさと納税による寄附額', base: 150_000_000, target: 250_000_000, unit: '円' }],
    subActions: 3,
  },
  {
    form: 'a number inside the label (150時間超)',
    text: '定員管理等に係るヒアリングの実施 ・年間超過勤務時間が150時間超の職員数 85人⇒40人',
    kpis: [{ name: '年間超過勤務時間が150時間超の職員数', base: 85, target: 40, unit: '人' }],
  },
  {
    form: 'KPIs among action bullets, 万 and (累計)',
    text: '各種コスト削減の取り組み実施 ・車両の集中管理 ・庁舎内節電の徹底 ・印刷代・用紙の節約、ペーパーレス化の推進 ・街路灯のLED化 ・PPC用紙(A4)年間使用枚数 629万枚⇒560万枚 ・街路灯LED化更新数(累計) 303基⇒495基',
    kpis: [
      { name: 'PPC用紙(A4)年間使用枚数', base: 6_290_000, target: 5_600_000, unit: '枚' },
      { name: '街路灯LED化更新数(累計)', base: 303, target: 495, unit: '基', cumulative: true },
    ],
    bullets: 4,
  },
  {
    form: 'as typed in Excel: line breaks, full-width digits, base without unit, → arrow',
    text: '証明書の交付\n〔・コンビニ交付による交付率\n２４→３０％〕',
    kpis: [{ name: 'コンビニ交付による交付率', base: 24, target: 30, unit: '%' }],
  },
];

describe('parseMainActions: KPI pairs in 主な取組', () => {
  it.each(CASES)('$form', ({ text, kpis, bullets, subActions }) => {
    const r = parseMainActions(text, at);
    expect(r.unreadable).toEqual([]);
    expect(r.kpis.map((k) => k.name)).toEqual(kpis.map((k) => k.name));
    r.kpis.forEach((k, i) => {
      const want = kpis[i];
      // Values keep the unit they were typed in (1.5 億円); compare in the base unit.
      expect(valueIn(k.base, want.unit)).toBeCloseTo(want.base);
      expect(valueIn(k.target, want.unit)).toBeCloseTo(want.target);
      expect(k.cumulative).toBe(Boolean(want.cumulative));
      expect(k.base.cell).toEqual(at);
    });
    if (bullets !== undefined) expect(r.bullets).toHaveLength(bullets);
    if (subActions !== undefined) expect(r.subActions.map((s) => s.n)).toEqual([1, 2, 3].slice(0, subActions));
  });

  it('reports an arrow it cannot read instead of guessing', () => {
    const r = parseMainActions('・利用者満足度 向上⇒さらに向上', at);
    expect(r.kpis).toEqual([]);
    expect(r.unreadable).toEqual(['利用者満足度 向上⇒さらに向上']);
  });

  it('plain actions hold no KPI', () => {
    const r = parseMainActions('①行政評価手法の再考 ②行政評価の実施', at);
    expect(r.kpis).toEqual([]);
    expect(r.subActions).toEqual([
      { n: 1, mark: '①', text: '行政評価手法の再考' },
      { n: 2, mark: '②', text: '行政評価の実施' },
    ]);
  });

  it('finds any generated pair whatever the label, unit and separators', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[あ-んア-ン漢字数率額]{1,12}$/),
        fc.integer({ min: 0, max: 99_999 }),
        fc.integer({ min: 0, max: 99_999 }),
        fc.constantFrom('%', '人', '件', '施設', '基', '回'),
        fc.constantFrom(' ', '\n', '  '),
        fc.constantFrom('〔・', '・', '〔'),
        (label, base, target, unit, sep, open) => {
          const text = `取組の実施${sep}${open}${label} ${base.toLocaleString('en')}${unit}⇒${target.toLocaleString('en')}${unit}${open.startsWith('〔') ? '〕' : ''}`;
          const r = parseMainActions(text, at);
          expect(r.kpis).toHaveLength(1);
          expect(r.kpis[0].label).toBe(label);
          expect(r.kpis[0].base.value).toBe(base);
          expect(r.kpis[0].target.value).toBe(target);
        },
      ),
    );
  });
});

describe('direction and aggregation of the 13 pairs', () => {
  const all = CASES.slice(0, 8).flatMap((c) => parseMainActions(c.text, at).kpis);
  const ind = all.map((k) => indicatorOf(k, { baseFy: 2024, targetFy: 2030 }, at));

  it('there are 13, two lower-is-better and one cumulative', () => {
    expect(all).toHaveLength(13);
    expect(ind.filter((i) => i.direction === 'lower').map((i) => i.name)).toEqual([
      '年間超過勤務時間が150時間超の職員数',
      'PPC用紙(A4)年間使用枚数',
    ]);
    expect(ind.filter((i) => i.aggregation === 'cumulative').map((i) => i.name)).toEqual(['街路灯LED化更新数(累計)']);
    expect(ind.filter((i) => i.direction === 'higher')).toHaveLength(11);
    for (const i of ind) {
      expect(i.baseline?.fy).toBe(2024);
      expect(i.finalTarget?.fy).toBe(2030);
      expect(i.qualitative).toBe(false);
    }
  });

  it('wording decides first; the base⇒target pair only when wording says nothing', () => {
    const k = all.find((x) => x.name.startsWith('年間超過勤務'))!;
    // 超過勤務 is lower-is-better by its name even if someone planned it upward.
    expect(pairDirection({ ...k, target: { ...k.target, value: 90 } }).direction).toBe('lower');
    const paper = all.find((x) => x.name.startsWith('PPC'))!;
    expect(pairDirection(paper)).toEqual({ direction: 'lower', source: 'inferred' });
    expect(pairDirection({ ...paper, target: paper.base }).source).toBe('default');
  });
});

describe('actualValues: one number per KPI in a 実績 cell', () => {
  it.each([
    ['26%', 1, [26]],
    ['２６％', 1, [26]],
    ['53%\n12%', 2, [53, 12]],
    ['給与報告書 64% 償却資産 30% 入湯税 25% 市県民税 6%', 4, [64, 30, 25, 6]],
    ['PPC用紙 615万枚 / 街路灯 340基', 2, [615, 340]],
    ['年間超過勤務時間が150時間超の職員数 78人', 1, [78]],
  ] as const)('%s', (raw, n, want) => {
    const v = actualValues(raw, n, at)!;
    expect(v.map((x) => (x.kind === 'number' ? x.value : NaN))).toEqual(want);
  });

  it('says when the count does not match', () => {
    expect(actualValues('53%', 2, at)).toBeUndefined();
    expect(actualValues(12, 2, at)).toBeUndefined();
    expect(actualValues(null, 2, at)).toEqual([]);
  });
});
