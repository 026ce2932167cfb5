import {
  ActionButton,
  Cell,
  Column,
  Content,
  Flex,
  Heading,
  InlineAlert,
  Item,
  Picker,
  ProgressCircle,
  Row,
  TableBody,
  TableHeader,
  TableView,
  Text,
  View,
} from '@adobe/react-spectrum';
import { useMemo, useState } from 'react';
import {
  createListingImprovementsClient,
  type ImprovementRow,
  improvementsCsv,
  type ListingImprovementsClient,
} from '../../api/listing-improvements';
import { EmptyState } from '../../components/EmptyState';
import { useSession } from '../../session-context';
import { useAsync } from '../../use-async';
import { downloadCsv } from '../../download';

const PAGE_SIZE = 50;

const COLUMNS = [
  { key: 'sellerSku', name: 'Amazon Seller SKU' },
  { key: 'asin', name: 'ASIN' },
  { key: 'alertType', name: 'Alert Type' },
  { key: 'fieldName', name: 'Field Name' },
  { key: 'notes', name: 'Notes' },
] as const;

const cellOf = (row: ImprovementRow, key: (typeof COLUMNS)[number]['key']): string => {
  const value = row[key];
  return value === null || value === '' ? '—' : value;
};

const Report = ({ client, storeId }: { client: ListingImprovementsClient; storeId: string }) => {
  const [page, setPage] = useState(0);
  const [report] = useAsync(() => client.page(storeId, page, PAGE_SIZE), `${storeId}:${page}`);
  if (report.status === 'loading') return <ProgressCircle aria-label="Loading the report" isIndeterminate />;
  if (report.status === 'error')
    return (
      <InlineAlert variant="negative">
        <Content>{report.message}</Content>
      </InlineAlert>
    );
  const { rows, total } = report.data;
  if (total === 0)
    return (
      <EmptyState testId="improvements-empty" heading="No improvements suggested">
        Amazon has reported no issues for this store's listings.
      </EmptyState>
    );
  return (
    <>
      <Flex gap="size-100" marginBottom="size-100">
        <ActionButton
          onPress={() => downloadCsv(`listing-improvements-${storeId}-${page + 1}.csv`, improvementsCsv(rows))}
          data-testid="improvements-export"
        >
          Export CSV
        </ActionButton>
      </Flex>
      <TableView aria-label="Listing improvements" data-testid="improvements-table" overflowMode="wrap">
        <TableHeader columns={[...COLUMNS]}>{(c) => <Column key={c.key}>{c.name}</Column>}</TableHeader>
        <TableBody items={rows.map((r, index) => ({ ...r, id: `${r.sellerSku}#${page * PAGE_SIZE + index}` }))}>
          {(row) => (
            <Row key={row.id}>{(key) => <Cell>{cellOf(row, key as (typeof COLUMNS)[number]['key'])}</Cell>}</Row>
          )}
        </TableBody>
      </TableView>
      <Flex gap="size-100" alignItems="center" marginTop="size-100">
        <ActionButton isDisabled={page === 0} onPress={() => setPage(page - 1)} data-testid="improvements-prev">
          Previous
        </ActionButton>
        <Text data-testid="improvements-page">{`Page ${page + 1} of ${Math.max(1, Math.ceil(total / PAGE_SIZE))} · ${total} records`}</Text>
        <ActionButton
          isDisabled={(page + 1) * PAGE_SIZE >= total}
          onPress={() => setPage(page + 1)}
          data-testid="improvements-next"
        >
          Next
        </ActionButton>
      </Flex>
    </>
  );
};

/** Listing Improvements report (SPEC 7.4): Amazon's issues per listing, review only, with a CSV export. */
export const ListingImprovementsView = () => {
  const session = useSession();
  const client = useMemo(() => createListingImprovementsClient(session), [session]);
  const [stores] = useAsync(() => session.client.listStores(), 'stores');
  const [chosen, setChosen] = useState<string | null>(null);
  const storeId = chosen ?? (stores.status === 'ready' ? (stores.data.stores[0]?.id ?? null) : null);
  return (
    <View marginTop="size-200" data-testid="listing-improvements">
      <Heading level={3}>Listing Improvements</Heading>
      <Text>Amazon's suggestions for your listings' quality. A suggestion never blocks a listing.</Text>
      {stores.status === 'ready' && stores.data.stores.length === 0 && (
        <EmptyState testId="improvements-no-store" heading="No Amazon store yet">
          Connect an Amazon store first; its listings' issues appear here.
        </EmptyState>
      )}
      {storeId && stores.status === 'ready' && (
        <>
          <Flex marginY="size-200">
            <Picker
              label="Amazon store"
              selectedKey={storeId}
              onSelectionChange={(key) => setChosen(String(key))}
              data-testid="improvements-store"
            >
              {stores.data.stores.map((s) => (
                <Item key={s.id}>{s.name}</Item>
              ))}
            </Picker>
          </Flex>
          <Report key={storeId} client={client} storeId={storeId} />
        </>
      )}
    </View>
  );
};
