import { Badge, Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { HeaderInfo } from '../commands/load';
import type { Lang, Translate } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  reason: { color: tokens.colorNeutralForeground3 },
});

export function HeaderCard({ info, lang, t, onReload, busy }: { info: HeaderInfo | null; lang: Lang; t: Translate; onReload: () => void; busy: boolean }) {
  const s = useStyles();
  return (
    <section className={s.root} aria-label={t('headerLayout')} data-testid="header">
      {info && (
        <>
          <Caption1>{t('headerWorkbook', { name: info.workbook })}</Caption1>
          {info.layouts.length === 0 && <Text weight="semibold">{t('headerNoLayout')}</Text>}
          {info.layouts.map((l) => (
            <div key={l.id}>
              <div className={s.row}>
                <Text weight="semibold" data-testid="layout-label">
                  {l.label[lang]}
                </Text>
                {l.forced && <Badge appearance="outline">{t('headerForced')}</Badge>}
                <Caption1>
                  {t('headerSheets')}: {l.sheets.join('、')}
                </Caption1>
              </div>
              {l.reasons.slice(0, 3).map((r) => (
                <Caption1 block key={r.sheet} className={s.reason}>
                  {t('headerReason')}: {r.sheet} — {r.reason[lang]}
                </Caption1>
              ))}
            </div>
          ))}
          <div className={s.row}>
            <Text data-testid="fiscal-year">
              {t('headerFy')}: {info.fyLabel ? info.fyLabel[lang] : t('headerFyUnknown')}
            </Text>
            <Caption1>{t('headerItems', { n: info.items })}</Caption1>
          </div>
        </>
      )}
      <div>
        <Button size="small" onClick={onReload} disabled={busy}>
          {t('headerReload')}
        </Button>
      </div>
    </section>
  );
}
