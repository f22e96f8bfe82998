import { Checkbox, Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { FieldSchema, type Field as MappingField } from '../../core/layouts/generic/mapping';
import { HEADING_KEYWORDS } from '../../core/layouts/kit/spec';
import { AMOUNT_UNITS, type HeadingChoice, type SpecDraft } from '../commands/spec-draft';
import type { SettingsView } from '../commands/settings';
import type { MessageKey } from '../i18n';
import { usePane } from './context';

const FIELD_KEY = Object.fromEntries(
  FieldSchema.options.map((f) => [f, `field${f[0].toUpperCase()}${f.slice(1)}` as MessageKey]),
) as Record<MappingField, MessageKey>;

const HEADING_KEY: Record<(typeof HEADING_KEYWORDS)[number], MessageKey> = {
  paren: 'headingParen',
  circled: 'headingCircled',
  roman: 'headingRoman',
  arabic: 'headingArabic',
  'arabic-dot': 'headingArabicDot',
  dai: 'headingDai',
  word: 'headingWord',
  mark: 'headingMark',
  plain: 'headingPlain',
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // Long option texts must not widen the pane: the native select shrinks to the field instead.
  select: { minWidth: 0, maxWidth: '100%', '& select': { minWidth: 0, textOverflow: 'ellipsis' } },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, width: '100%', tableLayout: 'fixed' },
  td: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 4px', overflowWrap: 'anywhere' },
});

/**
 * The layout spec the 設定 tab saves in the workbook (`layoutSpec`): which header is which field,
 * whether heading rows give the top level, the rating scale and the unit amounts are typed in.
 */
export function LayoutSpecEditor({
  view,
  draft,
  onChange,
  use,
  onUse,
}: {
  view: SettingsView;
  draft: SpecDraft;
  onChange: (d: SpecDraft) => void;
  use: boolean;
  onUse: (on: boolean) => void;
}) {
  const { t, lang } = usePane();
  const s = useStyles();
  const spec = view.spec!;
  const own = spec.scale !== undefined && typeof spec.scale !== 'string' ? spec.scale : undefined;
  // Changing the layout means using it: the box is ticked for the person.
  const change = (d: SpecDraft) => {
    onChange(d);
    if (!use) onUse(true);
  };
  const units = view.effectUnits.length ? view.effectUnits.join('・') : '千円';

  const heading = (level: 'policy' | 'group', c: HeadingChoice, label: string, auto: MessageKey) => (
    <>
      <Field label={label}>
        <Select
          className={s.select}
          value={c.match}
          disabled={level === 'group' && draft.policy.match === ''}
          onChange={(_, d) => change({ ...draft, [level]: { ...c, match: d.value as HeadingChoice['match'] } })}
          data-testid={`spec-heading-${level}`}
        >
          <option value="">{t(auto)}</option>
          {HEADING_KEYWORDS.map((k) => (
            <option key={k} value={k}>
              {t(HEADING_KEY[k])}
            </option>
          ))}
          <option value="regex">{t('headingRegex')}</option>
        </Select>
      </Field>
      {c.match === 'regex' && (
        <Field label={t('specHeadingPattern')} hint={t('specHeadingPatternHint')}>
          <Input value={c.pattern} onChange={(_, d) => change({ ...draft, [level]: { ...c, pattern: d.value } })} data-testid={`spec-pattern-${level}`} />
        </Field>
      )}
    </>
  );

  return (
    <div className={s.root} data-testid="spec-editor">
      <Text size={200} block>
        {view.specSaved ? t('specSaved') : view.suggestion ? t('settingsMappingSuggest', { score: Math.round(view.suggestion.score * 100) }) : ''}{' '}
        {!view.specSaved && view.suggestion ? view.suggestion.reason[lang] : ''}
      </Text>
      <Text size={200} block>
        {t('settingsMappingSheet', { sheet: spec.sheet ?? '', row: spec.tables[0]?.header.row ?? '' })}
      </Text>
      <Checkbox checked={use} onChange={(_, d) => onUse(!!d.checked)} label={t('settingsMappingUse')} data-testid="spec-use" />
      <Field label={t('specScale')}>
        <Select className={s.select} value={draft.scale} onChange={(_, d) => change({ ...draft, scale: d.value })} data-testid="spec-scale">
          <option value="">{t('specScaleAuto')}</option>
          {own && <option value="own">{t('specScaleOwn', { symbols: own.symbols.map((x) => x.symbol).join(' / ') })}</option>}
          {view.scales.map((x) => (
            <option key={x.id} value={x.id}>
              {`${x.label[lang]}: ${x.symbols.join(' / ')}`}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('specUnit')} hint={t('specUnitHint')}>
        <Select className={s.select} value={draft.unit} onChange={(_, d) => change({ ...draft, unit: d.value as SpecDraft['unit'] })} data-testid="spec-unit">
          <option value="">{t('specUnitHeader', { unit: units })}</option>
          {AMOUNT_UNITS.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </Select>
      </Field>
      {heading('policy', draft.policy, t('specHeadingPolicy'), 'specHeadingAuto')}
      {heading('group', draft.group, t('specHeadingGroup'), 'specHeadingNone')}
      <Field label={t('specPolicyLabel')} hint={t('specPolicyLabelHint')}>
        <Input value={draft.policyLabel} onChange={(_, d) => change({ ...draft, policyLabel: d.value })} data-testid="spec-policy-label" />
      </Field>
      <table className={s.table}>
        <caption>
          <Text size={200}>{t('specColumns')}</Text>
        </caption>
        <tbody>
          {Object.entries(draft.columns).map(([label, field]) => (
            <tr key={label}>
              <td className={s.td}>{label}</td>
              <td className={s.td}>
                <Select
                  className={s.select}
                  size="small"
                  aria-label={label}
                  value={field}
                  onChange={(_, d) => change({ ...draft, columns: { ...draft.columns, [label]: d.value as MappingField } })}
                >
                  {FieldSchema.options.map((f) => (
                    <option key={f} value={f}>
                      {t(FIELD_KEY[f])}
                    </option>
                  ))}
                </Select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
