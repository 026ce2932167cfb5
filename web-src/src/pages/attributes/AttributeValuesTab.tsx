import {
  ActionButton,
  Cell,
  Column,
  Content,
  Flex,
  InlineAlert,
  ProgressCircle,
  Row,
  TableBody,
  TableHeader,
  TableView,
  Text,
} from '@adobe/react-spectrum';
import { useState } from 'react';
import type { AttributesClient, ValueRow } from '../../api/attributes';
import { useAsync } from '../../use-async';

const PAGE_SIZE = 50;
const COLUMNS = [
  { key: 'region', name: 'Region' },
  { key: 'sku', name: 'Magento Product SKU' },
  { key: 'asin', name: 'ASIN' },
  { key: 'attribute', name: 'Amazon Attribute → Code' },
  { key: 'amazon', name: 'Amazon Value' },
  { key: 'commerce', name: 'Catalog Value' },
  { key: 'status', name: 'Status' },
] as const;
type ColumnKey = (typeof COLUMNS)[number]['key'];

const missingOption = (row: ValueRow) => row.status === 'not_imported' && row.reason?.startsWith('no option');

/**
 * Matching Attribute Values (SPEC 3.12): what the last re-import found per product and mapped attribute. A value
 * a select attribute has no option for can get its option here; the next re-import then imports it.
 */
export const AttributeValuesTab = ({
  client,
  storeId,
  version,
  onAddOption,
}: {
  client: AttributesClient;
  storeId: string;
  version: number;
  onAddOption: (row: ValueRow) => void;
}) => {
  const [page, setPage] = useState(0);
  const [values] = useAsync(() => client.values(storeId, page, PAGE_SIZE), `${storeId}:${page}:${version}`);
  const cell = (row: ValueRow, key: ColumnKey) => {
    switch (key) {
      case 'region':
        return row.marketplaceCountry;
      case 'sku':
        return row.productSku;
      case 'asin':
        return row.asin ?? '—';
      case 'attribute':
        return `${row.amazonAttribute} → ${row.commerceAttribute}`;
      case 'amazon':
        return row.amazonValue ?? '—';
      case 'commerce':
        return row.commerceValue ?? '—';
      case 'status':
        return (
          <Flex gap="size-50" alignItems="center" wrap>
            <Text>{row.status === 'imported' ? 'Imported' : `Not Imported: ${row.reason ?? ''}`}</Text>
            {missingOption(row) && row.amazonValue && (
              <ActionButton
                onPress={() => onAddOption(row)}
                data-testid={`add-option-${row.sellerSku}-${row.amazonAttribute}`}
              >
                Add option
              </ActionButton>
            )}
          </Flex>
        );
    }
  };
  if (values.status === 'loading') return <ProgressCircle aria-label="Loading values" isIndeterminate />;
  if (values.status === 'error')
    return (
      <InlineAlert variant="negative">
        <Content>{values.message}</Content>
      </InlineAlert>
    );
  const { items, total } = values.data.values;
  if (total === 0)
    return (
      <Text data-testid="attribute-values-empty">
        No values yet: map an attribute, make it active and run Re-import Product Attribute Values.
      </Text>
    );
  return (
    <>
      <Text>{`${total} values from the last re-import`}</Text>
      <TableView aria-label="Matching attribute values" data-testid="attribute-values" minHeight="size-3000">
        <TableHeader columns={[...COLUMNS]}>{(c) => <Column key={c.key}>{c.name}</Column>}</TableHeader>
        <TableBody items={items.map((r) => ({ ...r, id: `${r.sellerSku}|${r.amazonAttribute}` }))}>
          {(row) => <Row key={row.id}>{(key) => <Cell>{cell(row, key as ColumnKey)}</Cell>}</Row>}
        </TableBody>
      </TableView>
      <Flex gap="size-100" alignItems="center" marginTop="size-100">
        <ActionButton isDisabled={page === 0} onPress={() => setPage(page - 1)}>
          Previous
        </ActionButton>
        <Text>{`Page ${page + 1} of ${Math.max(1, Math.ceil(total / PAGE_SIZE))}`}</Text>
        <ActionButton isDisabled={(page + 1) * PAGE_SIZE >= total} onPress={() => setPage(page + 1)}>
          Next
        </ActionButton>
      </Flex>
    </>
  );
};
