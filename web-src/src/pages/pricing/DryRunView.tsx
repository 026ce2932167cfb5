import {
  Button,
  Cell,
  Column,
  Content,
  Flex,
  Heading,
  InlineAlert,
  ProgressCircle,
  Row,
  TableBody,
  TableHeader,
  TableView,
  Text,
  View,
} from '@adobe/react-spectrum';
import type { DryRunReport } from '../../api/pricing';
import type { AsyncState } from '../../use-async';

const COLUMNS = [
  { key: 'sku', name: 'SKU' },
  { key: 'status', name: 'Status' },
  { key: 'currentPrice', name: 'Current price' },
  { key: 'newPrice', name: 'New price' },
  { key: 'change', name: 'Change' },
  { key: 'changePercent', name: 'Change %' },
  { key: 'rulesApplied', name: 'Rules applied' },
  { key: 'bounds', name: 'Bounds hit' },
] as const;

/** Dry run (nothing saved or sent): summary, floor/ceiling/MAP hits, one row per listing, CSV download. */
export const DryRunView = ({
  state,
  ruleNames,
  onDownloadCsv,
}: {
  state: AsyncState<DryRunReport>;
  ruleNames: Map<string, string>;
  onDownloadCsv: () => void;
}) => {
  if (state.status === 'loading') return <ProgressCircle aria-label="Pricing the catalogue" isIndeterminate />;
  if (state.status === 'error')
    return (
      <InlineAlert variant="negative" data-testid="dry-run-error">
        <Heading>Dry run failed</Heading>
        <Content>{state.message}</Content>
      </InlineAlert>
    );
  const report = state.data;
  const cell = (row: DryRunReport['rows'][number], key: (typeof COLUMNS)[number]['key']) => {
    if (key === 'rulesApplied') return row.rulesApplied.map((id) => ruleNames.get(id) ?? id).join(', ') || '—';
    if (key === 'bounds') return row.bounds.join(', ') || '—';
    if (key === 'status') return row.status === 'priced' ? 'priced' : `unpriceable (${row.reason})`;
    return row[key] ?? '—';
  };
  return (
    <View data-testid="dry-run">
      <Flex gap="size-300" wrap marginBottom="size-200" data-testid="dry-run-summary">
        <Text>Listings: {report.total}</Text>
        <Text>Priced: {report.priced}</Text>
        <Text>Unpriceable: {report.unpriceable}</Text>
        <Text>Changed: {report.changed}</Text>
        <Text>Unchanged: {report.unchanged}</Text>
        <Text>
          Change min / mean / max: {report.minChange ?? '—'} / {report.meanChange ?? '—'} / {report.maxChange ?? '—'}{' '}
          {report.currency}
        </Text>
        <Text>Floor hits: {report.hitFloor.length}</Text>
        <Text>Ceiling hits: {report.hitCeiling.length}</Text>
        <Text>MAP hits: {report.hitMap.length}</Text>
        <Button variant="secondary" onPress={onDownloadCsv} data-testid="dry-run-csv">
          Download CSV
        </Button>
      </Flex>
      <TableView aria-label="Dry run rows" maxHeight="size-6000">
        <TableHeader columns={[...COLUMNS]}>{(column) => <Column key={column.key}>{column.name}</Column>}</TableHeader>
        <TableBody items={report.rows.map((row) => ({ ...row, id: row.sku }))}>
          {(row) => <Row key={row.id}>{(key) => <Cell>{cell(row, key as (typeof COLUMNS)[number]['key'])}</Cell>}</Row>}
        </TableBody>
      </TableView>
    </View>
  );
};
