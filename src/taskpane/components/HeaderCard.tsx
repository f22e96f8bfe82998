import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { HeaderInfo } from '../commands/load';
import type { Lang, Translate } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  line: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  dot: { color: tokens.colorNeutralForeground3 },
  details: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  reason: { color: tokens.colorNeutralForeground3 },
  accordionHeader: { '& button': { paddingLeft: 0, minHeight: 'auto' } },
});

/** Reasons listed per layout before "and N more sheets" (isehara-full has 68 sheets). */
const REASONS_SHOWN = 3;

/**
 * One line a person can take in at a glance (city layout · year · items), with how the layout was
 * detected on demand: the detail is for when the line looks wrong, and must not push the pane's
 * main button below the fold.
 */
export function HeaderCard({ info, lang, t, onReload, busy }: { info: HeaderInfo | null; lang: Lang; t: Translate; onReload: () => void; busy: boolean }) {
  const s = useStyles();
  const items = info ? (info.reposts ? t('headerItemsRepost', { n: info.items, reposts: info.reposts }) : t('headerItems', { n: info.items })) : '';
  return (
    <section className={s.root} aria-label={t('headerLayout')} data-testid="header">
      {info && (
        <div className={s.line}>
          {info.layouts.length === 0 && <Text weight="semibold">{t('headerNoLayout')}</Text>}
          {info.layouts.map((l) => (
            <Text key={l.id} weight="semibold" data-testid="layout-label">
              {l.label[lang]}
            </Text>
          ))}
          <Text data-testid="fiscal-year">{info.fyLabel ? info.fyLabel[lang] : t('headerFyUnknown')}</Text>
          <Text data-testid="item-count">{items}</Text>
        </div>
      )}
      <Accordion collapsible className={s.accordionHeader}>
        <AccordionItem value="details">
          <AccordionHeader size="small" data-testid="header-details">
            <Caption1>{t('headerDetails')}</Caption1>
          </AccordionHeader>
          <AccordionPanel>
            <div className={s.details}>
              {info && <Caption1>{t('headerWorkbook', { name: info.workbook })}</Caption1>}
              {info?.layouts.map((l) => (
                <div key={l.id}>
                  <Caption1 block>
                    {l.label[lang]} {l.forced && <Badge appearance="outline">{t('headerForced')}</Badge>}
                  </Caption1>
                  <Caption1 block>
                    {t('headerSheets')}: {l.sheets.slice(0, 8).join('、')}
                    {l.sheets.length > 8 ? ` ${t('headerMoreSheets', { n: l.sheets.length - 8 })}` : ''}
                  </Caption1>
                  {l.reasons.slice(0, REASONS_SHOWN).map((r) => (
                    <Caption1 block key={r.sheet} className={s.reason}>
                      {t('headerReason')}: {r.sheet}: {r.reason[lang]}
                    </Caption1>
                  ))}
                  {l.reasons.length > REASONS_SHOWN && (
                    <Caption1 block className={s.reason}>
                      {t('headerMoreSheets', { n: l.reasons.length - REASONS_SHOWN })}
                    </Caption1>
                  )}
                </div>
              ))}
              <div>
                <Button size="small" onClick={onReload} disabled={busy}>
                  {t('headerReload')}
                </Button>
              </div>
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}
