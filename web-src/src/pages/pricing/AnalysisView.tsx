import {
  Button,
  Cell,
  Flex,
  TextField,
  Column,
  Content,
  Heading,
  InlineAlert,
  ProgressCircle,
  Row,
  TableBody,
  TableHeader,
  TableView,
  View,
} from '@adobe/react-spectrum';
import { useState } from 'react';
import type { AnalysisRow, PricingClient } from '../../api/pricing';
import { EmptyState } from '../../components/EmptyState';
import { formatDateTime } from '../../format';
import { useAsync } from '../../use-async';
import { freshnessCell } from './price-history';

type AnalysisColumn = Exclude<keyof AnalysisRow, 'freshness'> | 'freshnessText';
const COLUMNS: Array<{ key: AnalysisColumn; name: string }> = [
  { key: 'sku', name: 'Amazon Seller SKU' },
  { key: 'asin', name: 'ASIN' },
  { key: 'name', name: 'Product Listing Name' },
  { key: 'yourLandedPrice', name: 'Your Landed Price' },
  { key: 'lowestLandedPrice', name: 'Lowest Landed Price' },
  { key: 'lowestCondition', name: 'Condition (lowest price)' },
  { key: 'buyBoxLandedPrice', name: 'Buy Box Landed Price' },
  { key: 'isBuyBoxSeller', name: 'Is Seller (Buy Box)' },
  { key: 'buyBoxCondition', name: 'Condition (Buy Box)' },
  { key: 'lastUpdated', name: 'Last Updated' },
  { key: 'freshnessText', name: 'Competitor Data' },
];

/** Competitive Price Analysis (SPEC 7.3): per listing, our landed price beside the lowest and the Buy Box. */
export const AnalysisView = ({ client, storeId }: { client: PricingClient; storeId: string }) => {
  const [rows, reload] = useAsync(() => client.competitiveAnalysis(storeId), `analysis:${storeId}`);
  const [filter, setFilter] = useState('');
  if (rows.status === 'loading') return <ProgressCircle aria-label="Loading the report" isIndeterminate />;
  if (rows.status === 'error')
    return (
      <InlineAlert variant="negative">
        <Heading>Report unavailable</Heading>
        <Content>{rows.message}</Content>
      </InlineAlert>
    );
  if (rows.data.length === 0)
    return (
      <EmptyState testId="analysis-empty" heading="No competitor data yet">
        Competitor prices arrive with Amazon's offer notifications and the regular polls of the repricing job.
      </EmptyState>
    );
  const cell = (row: AnalysisRow, key: AnalysisColumn) => {
    if (key === 'freshnessText') return freshnessCell(row.freshness);
    const value = row[key];
    if (key === 'lastUpdated') return value ? formatDateTime(value) : '—';
    return value ?? '—';
  };
  return (
    <View data-testid="analysis">
      <Flex gap="size-100" alignItems="end" marginBottom="size-150">
        <TextField label="Filter by SKU or ASIN" value={filter} onChange={setFilter} data-testid="analysis-filter" />
        <Button variant="secondary" onPress={reload}>
          Refresh
        </Button>
      </Flex>
      <TableView aria-label="Competitive price analysis" maxHeight="size-6000">
        <TableHeader columns={COLUMNS}>{(column) => <Column key={column.key}>{column.name}</Column>}</TableHeader>
        <TableBody
          items={rows.data
            .filter((row) => !filter || `${row.sku} ${row.asin ?? ''}`.toLowerCase().includes(filter.toLowerCase()))
            .map((row) => ({ ...row, id: row.sku }))}
        >
          {(row) => <Row key={row.id}>{(key) => <Cell>{cell(row, key as AnalysisColumn)}</Cell>}</Row>}
        </TableBody>
      </TableView>
    </View>
  );
};
