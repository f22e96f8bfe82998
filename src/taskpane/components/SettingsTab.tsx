import { Button, Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Direction } from '../../core/model/plan';
import type { RuleConfig } from '../../core/rules/config';
import { loadSettingsView, saveSettings, type SaveResult, type SettingsView } from '../commands/settings';
import { draftOf, specOf, type SpecDraft } from '../commands/spec-draft';
import type { MessageKey, Translate } from '../i18n';
import { usePane } from './context';
import { LayoutSpecEditor } from './LayoutSpecEditor';

const DIRECTIONS: [Direction, MessageKey][] = [
  ['higher', 'directionHigher'],
  ['lower', 'directionLower'],
  ['cap-le', 'directionCapLe'],
  ['cap-lt', 'directionCapLt'],
  ['match', 'directionMatch'],
];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  narrow: { width: '6.5em' },
  // Long option texts must not widen the pane: the native select shrinks to the field instead.
  select: { minWidth: 0, maxWidth: '100%', '& select': { minWidth: 0, textOverflow: 'ellipsis' } },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, width: '100%' },
  td: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 4px' },
});

/** Where in a layout spec a zod issue is, named as the control that edits it. */
function specPlace(path: string, t: Translate): string {
  if (/headings/.test(path)) return t('specHeadingPattern');
  if (/^scale/.test(path)) return t('specScale');
  if (/amountUnit/.test(path)) return t('specUnit');
  if (/fields|required/.test(path)) return t('specColumns');
  return path;
}

function saveMessage(r: SaveResult, t: Translate, lang: 'ja' | 'en'): string {
  if (r.ok) return t('settingsSaved');
  if ('spec' in r) return t('specInvalid', { where: [...new Set(r.spec.map((i) => specPlace(i.path, t)))].join(', ') });
  if ('where' in r) return t('settingsInvalid', { where: r.where });
  return r.refused.map((x) => x.message[lang]).join(' ');
}

/** Thresholds are typed as text so a half-typed number is not rejected mid-edit; the schema checks on save. */
const toNum = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

export function SettingsTab({ active }: { active: boolean }) {
  const { t, lang, host, run, busy } = usePane();
  const s = useStyles();
  const [view, setView] = useState<SettingsView | null>(null);
  const [rules, setRules] = useState<RuleConfig | null>(null);
  const [th, setTh] = useState({ A: '', B: '', C: '' });
  const [layout, setLayout] = useState('');
  const [fy, setFy] = useState('');
  const [draft, setDraft] = useState<SpecDraft | null>(null);
  const [useSpec, setUseSpec] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const load = () =>
    run(
      (onStep) => loadSettingsView(host, onStep),
      (v) => {
        setView(v);
        setRules(v.settings.rules);
        setTh({ A: String(v.settings.rules.thresholds.A), B: String(v.settings.rules.thresholds.B), C: String(v.settings.rules.thresholds.C) });
        setLayout(v.settings.layout ?? '');
        setFy(v.settings.reportFy !== undefined ? String(v.settings.reportFy) : '');
        setDraft(v.spec && v.spec.tables.length ? draftOf(v.spec, v.suggestion?.mapping) : null);
        setUseSpec(v.specSaved);
        setSaved(null);
        return t('settingsLoad');
      },
    );

  useEffect(() => {
    if (active && !view && !busy) void load();
    // Loading once on first visit is enough; the user reloads with the button.
  }, [active]);

  const save = () =>
    rules &&
    view &&
    run(
      (onStep) =>
        saveSettings(
          host,
          view,
          {
            rules: { ...rules, thresholds: { ...rules.thresholds, A: toNum(th.A), B: toNum(th.B), C: toNum(th.C) } },
            ...(layout ? { layout } : {}),
            ...(fy.trim() ? { reportFy: Number(fy) } : {}),
            ...(useSpec && view.spec && draft ? { layoutSpec: specOf(view.spec, draft) } : {}),
          },
          onStep,
        ),
      (r) => {
        const msg = saveMessage(r, t, lang);
        if (r.ok && r.view) setView(r.view);
        setSaved(msg);
        return msg;
      },
    );

  const setDirection = (id: string, d: string) => {
    if (!rules) return;
    const directions = { ...rules.directions };
    if (d) directions[id] = d as Direction;
    else delete directions[id];
    setRules({ ...rules, directions });
  };

  return (
    <div className={s.root}>
      <Text>{t('settingsIntro')}</Text>
      <div>
        <Button onClick={load} disabled={busy}>
          {t('settingsLoad')}
        </Button>
      </div>
      {view?.problem && (
        <MessageBar layout="multiline" intent="warning">
          <MessageBarBody>{t('settingsBroken', { message: view.problem[lang] })}</MessageBarBody>
        </MessageBar>
      )}
      {view && rules && (
        <form
          className={s.root}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          data-testid="settings-form"
        >
          <Field label={t('settingsRatingRule')} hint={rules.ratingRule === 'thresholds' ? t('ruleThresholdsHint') : t('ruleDirectionHint')}>
            <Select className={s.select} value={rules.ratingRule} onChange={(_, d) => setRules({ ...rules, ratingRule: d.value as RuleConfig['ratingRule'] })}>
              <option value="direction-vs-baseline">{t('ruleDirection')}</option>
              <option value="thresholds">{t('ruleThresholds')}</option>
            </Select>
          </Field>
          <Field label={t('settingsRatioRule')}>
            <Select className={s.select} value={rules.ratioRule} onChange={(_, d) => setRules({ ...rules, ratioRule: d.value as RuleConfig['ratioRule'] })}>
              <option value="actual-over-target">{t('ratioActualOverTarget')}</option>
              <option value="progress-from-baseline">{t('ratioFromBaseline')}</option>
            </Select>
          </Field>
          <div className={s.row}>
            {(['A', 'B', 'C'] as const).map((k) => (
              <Field key={k} label={t(`settingsThreshold${k}`)} validationMessage={Number.isFinite(toNum(th[k])) ? undefined : '!'}>
                <Input className={s.narrow} inputMode="decimal" value={th[k]} onChange={(_, d) => setTh({ ...th, [k]: d.value })} />
              </Field>
            ))}
            <Field label={t('settingsBoundary')}>
              <Select
                className={s.select}
                value={rules.thresholds.boundary}
                onChange={(_, d) => setRules({ ...rules, thresholds: { ...rules.thresholds, boundary: d.value as 'gte' | 'gt' } })}
              >
                <option value="gte">{t('boundaryGte')}</option>
                <option value="gt">{t('boundaryGt')}</option>
              </Select>
            </Field>
          </div>
          <Checkbox checked={rules.inferDirection} onChange={(_, d) => setRules({ ...rules, inferDirection: !!d.checked })} label={t('settingsInfer')} />
          <Field label={t('settingsLayout')}>
            <Select className={s.select} value={layout} onChange={(_, d) => setLayout(d.value)}>
              <option value="">{t('layoutAuto')}</option>
              {view.layouts.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.label[lang]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('settingsFy')}>
            <Input className={s.narrow} inputMode="numeric" value={fy} onChange={(_, d) => setFy(d.value)} />
          </Field>
          <details data-testid="settings-layout-spec">
            <summary>{t('settingsMapping')}</summary>
            {view.spec && draft ? (
              <LayoutSpecEditor view={view} draft={draft} onChange={setDraft} use={useSpec} onUse={setUseSpec} />
            ) : (
              <Text size={200}>{t('settingsMappingNone')}</Text>
            )}
          </details>
          <details>
            <summary>{t('settingsDirections')}</summary>
            <Text size={200} block>
              {t('settingsDirectionsHint')}
            </Text>
            <table className={s.table}>
              <tbody>
                {view.items.map((it) => (
                  <tr key={it.id}>
                    <td className={s.td}>
                      {it.id} {it.name}
                    </td>
                    <td className={s.td}>
                      <Select className={s.select} size="small" aria-label={`${it.id} ${it.name}`} value={rules.directions[it.id] ?? ''} onChange={(_, d) => setDirection(it.id, d.value)}>
                        <option value="">
                          {t('directionAuto')} ({t(DIRECTIONS.find(([d]) => d === it.direction)?.[1] ?? 'directionHigher')})
                        </option>
                        {DIRECTIONS.map(([d, k]) => (
                          <option key={d} value={d}>
                            {t(k)}
                          </option>
                        ))}
                      </Select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          <div>
            <Button appearance="primary" type="submit" disabled={busy} data-testid="settings-save">
              {t('settingsSave')}
            </Button>
          </div>
          {saved && <Text role="status">{saved}</Text>}
        </form>
      )}
    </div>
  );
}
