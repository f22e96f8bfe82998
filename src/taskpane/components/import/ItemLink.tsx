import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { cellHere, type ImportState } from '../../commands/import';
import { usePane } from '../context';

const useStyles = makeStyles({
  item: { display: 'flex', flexDirection: 'column', gap: '2px', borderLeft: `3px solid ${tokens.colorNeutralStroke2}`, paddingLeft: tokens.spacingHorizontalS },
  where: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  link: { textAlign: 'left' },
});

export interface ItemRef {
  itemId: string;
  name: string;
  department: string;
  file: string;
  sheet: string;
  cell: string;
}

/**
 * One item in a pane list (the items behind a count, the hearing list, the compare lists): its
 * number and name open its cell when that sheet is in this workbook (this workbook's own sheets or
 * an inserted copy), otherwise the file, sheet and cell are shown as text.
 */
export function ItemLink({ item, state, detail, testId = 'source-item' }: { item: ItemRef; state: ImportState; detail?: string; testId?: string }) {
  const { t, host, run, busy } = usePane();
  const s = useStyles();
  const here = cellHere(state, item);
  const where = `${item.file} · ${item.sheet}${item.cell ? `!${item.cell}` : ''}`;
  const label = `${item.itemId} ${item.name}`;
  return (
    <li className={s.item} data-testid={testId} data-item={item.itemId}>
      {here ? (
        <Link
          as="button"
          className={s.link}
          disabled={busy}
          onClick={() => run(() => host.select(here.sheet, here.address))}
          aria-label={`${label}. ${t('sourceOpen', { cell: `${here.sheet}!${here.address}` })}`}
          data-sheet={here.sheet}
          data-cell={here.address}
        >
          {label}
        </Link>
      ) : (
        <Text weight="semibold">{label}</Text>
      )}
      <Text size={200}>{[item.department, detail].filter(Boolean).join(' · ')}</Text>
      <Text size={200} className={s.where}>
        {where}
        {here ? '' : ` (${t('sourceNotHere')})`}
      </Text>
    </li>
  );
}
