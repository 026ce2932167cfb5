import {
  ActionButton,
  ActionMenu,
  Button,
  ButtonGroup,
  Cell,
  Column,
  Content,
  DialogContainer,
  Divider,
  Flex,
  InlineAlert,
  Item,
  Picker,
  ProgressBar,
  ProgressCircle,
  Row,
  TableBody,
  TableHeader,
  TableView,
  Text,
  TextField,
  View,
} from '@adobe/react-spectrum';
import type { Selection, SortDescriptor } from '@react-types/shared';
import { useMemo, useState } from 'react';
import { messageOf } from '../../api/client';
import {
  createListingsClient,
  type GridColumnId,
  type GridRow,
  type GridSort,
  type ListingActionRequest,
  type ListingsClient,
  type TabId,
} from '../../api/listings';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../session-context';
import { useAsync } from '../../use-async';
import { AttributesPanel } from '../attributes/AttributesPanel';
import { CreateCatalogProductDialog } from './CreateCatalogProductDialog';
import { ListingDetailsDialog } from './ListingDetailsDialog';
import { ListingRulesPanel } from './ListingRulesPanel';
import { ColumnChooser, SavedViews } from './GridControls';
import { DEFAULT_COLUMNS, GRID_COLUMNS, isSortable } from './grid-columns';
import { OverridesDialog } from './OverridesDialog';
import { RowActionDialog, type RowDialogKind } from './RowActionDialogs';
import { downloadCsv } from '../../download';

/** Rows per grid page the merchant can pick (the server serves at most 200). */
const PAGE_SIZES = [10, 25, 50, 100, 200] as const;

/** Update Required Info for Multiple Matches / Has Variants / Unable to Assign: pick or type the ASIN. */
const AssignAsin = ({ row, onAssign }: { row: GridRow; onAssign: (asin: string) => void }) => {
  const [asin, setAsin] = useState<string>(row.candidates[0]?.asin ?? '');
  return (
    <Flex gap="size-50" alignItems="center">
      {row.candidates.length > 0 ? (
        <Picker
          aria-label={`Correct Amazon listing for ${row.sellerSku}`}
          selectedKey={asin}
          onSelectionChange={(key) => setAsin(String(key))}
          width="size-2400"
          data-testid={`candidates-${row.sellerSku}`}
        >
          {row.candidates.map((c) => (
            <Item key={c.asin}>{`${c.asin}${c.title ? ` – ${c.title}` : ''}`}</Item>
          ))}
        </Picker>
      ) : (
        <TextField
          aria-label={`ASIN for ${row.sellerSku}`}
          value={asin}
          onChange={(v) => setAsin(v.trim().toUpperCase())}
          width="size-1600"
          data-testid={`asin-input-${row.sellerSku}`}
        />
      )}
      <ActionButton onPress={() => onAssign(asin)} isDisabled={!asin} data-testid={`assign-${row.sellerSku}`}>
        Assign
      </ActionButton>
    </Flex>
  );
};

/** Row actions of SPEC 4.4 by status (View Details and Update Required Info have their own buttons). */
const rowMenu = (row: GridRow): Array<[string, string]> => {
  if (['active', 'inactive', 'ineligible'].includes(row.status))
    return [
      ['overrides', 'Create / Edit Override'],
      ['edit_asin', 'Edit Assigned ASIN'],
      ['alias_sku', 'Create Alias Seller SKU'],
      [
        'switch_fulfillment',
        row.fulfillment === 'FBA' ? 'Switch to Fulfilled by Merchant' : 'Switch to Fulfilled by Amazon',
      ],
      ['end', 'End Listing'],
    ];
  if (row.status === 'manually_ended')
    return [
      ['publish', 'Publish On Amazon'],
      ['alias_sku', 'Create Alias Seller SKU'],
    ];
  if (row.status === 'ready_to_list') return [['publish', 'Publish On Amazon']];
  if (row.status === 'missing_condition') return [['set_condition', 'Update Required Info']];
  if (row.status === 'new_third_party')
    return [
      ['assign_catalog_product', 'Assign Catalog Product'],
      ['create_catalog_product', 'Create New Catalog Product'],
    ];
  return [];
};

const cellFor = (
  row: GridRow,
  key: GridColumnId,
  act: (request: ListingActionRequest) => void,
  open: (sku: string) => void,
  onRowAction: (row: GridRow, action: string) => void,
  showsReason: boolean,
) => {
  switch (key) {
    case 'price':
      return row.price ? `${row.price} ${row.currency}${row.overrides.price ? ' (override)' : ''}` : '—';
    case 'quantity':
      return row.fulfillment === 'FBA' ? 'FBA' : (row.quantity ?? '—');
    case 'status':
      return row.reason && !showsReason ? `${row.statusLabel}: ${row.reason}` : row.statusLabel;
    case 'reason':
      return row.reason ?? '—';
    case 'buyBoxWon':
      return row.buyBoxWon ?? '—';
    case 'updatedAt':
      return new Date(row.updatedAt).toLocaleString();
    case 'action':
      return (
        <Flex gap="size-50" alignItems="center">
          {['multiple_matches', 'has_variants', 'unable_to_assign'].includes(row.status) && (
            <AssignAsin row={row} onAssign={(asin) => act({ action: 'assign_asin', skus: [row.sellerSku], asin })} />
          )}
          <ActionButton onPress={() => open(row.sellerSku)} data-testid={`details-${row.sellerSku}`}>
            View Details
          </ActionButton>
          {rowMenu(row).length > 0 && (
            <ActionMenu
              aria-label={`More actions for ${row.sellerSku}`}
              onAction={(key) => onRowAction(row, String(key))}
              data-testid={`row-menu-${row.sellerSku}`}
            >
              {rowMenu(row).map(([key, label]) => (
                <Item key={key}>{label}</Item>
              ))}
            </ActionMenu>
          )}
        </Flex>
      );
    default:
      return row[key] ?? '—';
  }
};

const Grid = ({ client, storeId }: { client: ListingsClient; storeId: string }) => {
  const [tab, setTab] = useState<TabId>('active');
  const [page, setPage] = useState(0);
  const [filterText, setFilterText] = useState('');
  const [filter, setFilter] = useState('');
  const [round, setRound] = useState(0);
  const [pageSize, setPageSize] = useState<number>(50);
  const [columnsByTab, setColumnsByTab] = useState<Record<TabId, GridColumnId[]>>({ ...DEFAULT_COLUMNS });
  const [sort, setSort] = useState<GridSort | null>(null);
  const columns = columnsByTab[tab];
  const buyBox = columns.includes('buyBoxWon');
  const [grid] = useAsync(
    () => client.grid(storeId, tab, page, pageSize, filter || undefined, { sort, buyBox }),
    `grid:${storeId}:${tab}:${page}:${pageSize}:${filter}:${sort?.column}:${sort?.direction}:${buyBox}:${round}`,
  );
  const visibleColumns = GRID_COLUMNS.filter((c) => columns.includes(c.key));
  const setColumns = (next: GridColumnId[]) => setColumnsByTab((all) => ({ ...all, [tab]: next }));
  const onSortChange = (descriptor: SortDescriptor) => {
    const column = String(descriptor.column) as GridColumnId;
    if (!isSortable(column)) return;
    setSort({ column, direction: descriptor.direction === 'descending' ? 'descending' : 'ascending' });
    setPage(0);
  };
  const [selected, setSelected] = useState<Selection>(new Set());
  const [notice, setNotice] = useState<{ variant: 'positive' | 'negative' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [priceOverride, setPriceOverride] = useState('');
  const [details, setDetails] = useState<string | null>(null);
  const rows = grid.status === 'ready' ? grid.data.rows : [];
  const selectedSkus = selected === 'all' ? rows.map((r) => r.sellerSku) : [...selected].map(String);

  const run = async (label: string, work: () => Promise<unknown>) => {
    setBusy(true);
    setNotice({ variant: 'info', text: `${label}…` });
    try {
      const result = (await work()) as { errors?: Array<{ sellerSku: string; message: string }> } | undefined;
      const errors = result?.errors ?? [];
      setNotice(
        errors.length
          ? { variant: 'negative', text: errors.map((e) => `${e.sellerSku}: ${e.message}`).join('; ') }
          : { variant: 'positive', text: `${label}: done` },
      );
      setSelected(new Set());
      setRound((r) => r + 1);
    } catch (error) {
      setNotice({ variant: 'negative', text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };
  const [exporting, setExporting] = useState<{ rows: number; total: number } | null>(null);
  const exportTab = async () => {
    setExporting({ rows: 0, total: grid.status === 'ready' ? grid.data.total : 0 });
    setNotice(null);
    try {
      const result = await client.exportCsv(storeId, { tab, filter, sort, columns }, (rows, total) =>
        setExporting({ rows, total }),
      );
      downloadCsv(`listings-${tab}.csv`, result.csv);
      setNotice({
        variant: 'positive',
        text: result.truncated
          ? `Exported the first ${result.rows} of ${result.total} listings (the export limit).`
          : `Exported ${result.rows} listings.`,
      });
    } catch (error) {
      setNotice({ variant: 'negative', text: `Export failed: ${messageOf(error)}` });
    } finally {
      setExporting(null);
    }
  };
  const act = (request: ListingActionRequest) => run('Saving', () => client.act(storeId, request));
  const [overridesFor, setOverridesFor] = useState<GridRow[] | null>(null);
  const actAll = (requests: ListingActionRequest[]) =>
    run('Saving', async () => {
      const errors: Array<{ sellerSku: string; message: string }> = [];
      for (const request of requests) errors.push(...(await client.act(storeId, request)).errors);
      return { errors };
    });
  const [creatingFor, setCreatingFor] = useState<GridRow[] | null>(null);
  const [rowDialog, setRowDialog] = useState<{ kind: RowDialogKind; row: GridRow } | null>(null);
  const onRowAction = (row: GridRow, action: string) => {
    if (action === 'create_catalog_product') setCreatingFor([row]);
    else if (action === 'overrides') setOverridesFor([row]);
    else if (['alias_sku', 'edit_asin', 'assign_catalog_product', 'set_condition'].includes(action))
      setRowDialog({ kind: action as RowDialogKind, row });
    else act({ action: action as ListingActionRequest['action'], skus: [row.sellerSku] });
  };

  return (
    <View>
      <Flex gap="size-100" marginBottom="size-200" wrap>
        <Button
          variant="secondary"
          isDisabled={busy}
          onPress={() => run('Importing listings from Amazon', () => client.importListings(storeId))}
          data-testid="listings-import"
        >
          Import Amazon Listings
        </Button>
        <Button
          variant="accent"
          isDisabled={busy}
          onPress={() => run('Publishing', () => client.publishNow(storeId))}
          data-testid="listings-publish"
        >
          Publish Now
        </Button>
        <Button
          variant="secondary"
          isDisabled={rows.length === 0 || exporting !== null}
          onPress={exportTab}
          data-testid="listings-export"
        >
          Export CSV
        </Button>
        {exporting && (
          <ProgressBar
            label="Exporting listings"
            valueLabel={`${exporting.rows} of ${exporting.total}`}
            value={exporting.total ? (100 * exporting.rows) / exporting.total : 0}
            data-testid="listings-export-progress"
          />
        )}
      </Flex>
      {notice && (
        <InlineAlert
          variant={notice.variant === 'info' ? 'info' : notice.variant}
          marginBottom="size-200"
          data-testid="listings-notice"
        >
          <Content>{notice.text}</Content>
        </InlineAlert>
      )}
      <Flex gap="size-50" wrap marginBottom="size-200" data-testid="listing-tabs">
        {(grid.status === 'ready' ? grid.data.tabs : []).map((t) => (
          <ActionButton
            key={t.id}
            isQuiet={t.id !== tab}
            onPress={() => {
              setTab(t.id);
              setPage(0);
              setSelected(new Set());
            }}
            data-testid={`tab-${t.id}`}
            aria-selected={t.id === tab}
          >
            {`${t.label} - ${grid.status === 'ready' ? (grid.data.counts[t.id] ?? 0) : ''}`}
          </ActionButton>
        ))}
      </Flex>
      <Flex gap="size-100" alignItems="end" marginBottom="size-200" wrap data-testid="grid-controls">
        <ColumnChooser columns={columns} onChange={setColumns} />
        <SavedViews
          client={client}
          storeId={storeId}
          current={{ tab, filter, columns, sort }}
          onNotice={setNotice}
          onApply={(view) => {
            setTab(view.tab);
            setFilterText(view.filter);
            setFilter(view.filter);
            setColumnsByTab((all) => ({ ...all, [view.tab]: view.columns }));
            setSort(view.sort);
            setPage(0);
            setSelected(new Set());
          }}
        />
        {sort && (
          <ActionButton isQuiet onPress={() => setSort(null)} data-testid="sort-clear">
            {`Clear sort (${GRID_COLUMNS.find((c) => c.key === sort.column)?.name}, ${sort.direction})`}
          </ActionButton>
        )}
      </Flex>
      <Flex gap="size-100" alignItems="end" marginBottom="size-200" wrap>
        <TextField
          label="Filter by Seller SKU or ASIN"
          value={filterText}
          onChange={setFilterText}
          data-testid="listings-filter"
        />
        <Button
          variant="secondary"
          onPress={() => {
            setFilter(filterText.trim());
            setPage(0);
          }}
          data-testid="listings-search"
        >
          Search
        </Button>
        <Divider orientation="vertical" size="S" />
        {tab === 'new_third_party' && (
          <Button
            variant="primary"
            isDisabled={busy || selectedSkus.length === 0}
            onPress={() => setCreatingFor(rows.filter((r) => selectedSkus.includes(r.sellerSku)))}
            data-testid="mass-create-product"
          >
            Create New Catalog Product(s)
          </Button>
        )}
        {(tab === 'ready_to_list' || tab === 'ended') && (
          <Button
            variant="primary"
            isDisabled={busy || selectedSkus.length === 0}
            onPress={() => act({ action: 'publish', skus: selectedSkus })}
            data-testid="mass-publish"
          >
            Publish Product to Amazon
          </Button>
        )}
        {['active', 'inactive', 'ineligible', 'overrides'].includes(tab) && (
          <>
            {tab !== 'overrides' && (
              <Button
                variant="negative"
                isDisabled={busy || selectedSkus.length === 0}
                onPress={() => act({ action: 'end', skus: selectedSkus })}
                data-testid="mass-end"
              >
                End Listing(s) on Amazon
              </Button>
            )}
            <TextField
              label="Price Override"
              value={priceOverride}
              onChange={setPriceOverride}
              width="size-1600"
              data-testid="override-price"
            />
            <Button
              variant="primary"
              isDisabled={busy || selectedSkus.length === 0 || !priceOverride}
              onPress={() =>
                act({ action: 'set_override', skus: selectedSkus, overrides: { price: priceOverride.trim() } })
              }
              data-testid="override-save"
            >
              Save Listing Override
            </Button>
            <Button
              variant="secondary"
              isDisabled={busy || selectedSkus.length === 0}
              onPress={() => act({ action: 'remove_override', skus: selectedSkus })}
              data-testid="override-remove"
            >
              Remove Overrides
            </Button>
            <Button
              variant="secondary"
              isDisabled={busy || selectedSkus.length === 0}
              onPress={() => setOverridesFor(rows.filter((r) => selectedSkus.includes(r.sellerSku)))}
              data-testid="overrides-edit"
            >
              Edit Listing Overrides
            </Button>
          </>
        )}
      </Flex>
      {grid.status === 'loading' && <ProgressCircle aria-label="Loading listings" isIndeterminate />}
      {grid.status === 'error' && (
        <InlineAlert variant="negative">
          <Content>{grid.message}</Content>
        </InlineAlert>
      )}
      {grid.status === 'ready' && (
        <>
          <TableView
            aria-label="Product listings"
            selectionMode="multiple"
            selectedKeys={selected}
            onSelectionChange={setSelected}
            data-testid="listings-grid"
            overflowMode="wrap"
            minHeight="size-3000"
            sortDescriptor={sort ? { column: sort.column, direction: sort.direction } : undefined}
            onSortChange={onSortChange}
          >
            <TableHeader columns={visibleColumns}>
              {(c) => (
                <Column key={c.key} allowsSorting={isSortable(c.key)} minWidth={c.key === 'action' ? 200 : undefined}>
                  {c.name}
                </Column>
              )}
            </TableHeader>
            <TableBody items={rows.map((r) => ({ ...r, id: r.sellerSku }))}>
              {(row) => (
                <Row key={row.sellerSku}>
                  {(key) => (
                    <Cell>
                      {cellFor(row, key as GridColumnId, act, setDetails, onRowAction, columns.includes('reason'))}
                    </Cell>
                  )}
                </Row>
              )}
            </TableBody>
          </TableView>
          <Flex gap="size-100" alignItems="center" marginTop="size-100">
            <ActionButton isDisabled={page === 0} onPress={() => setPage(page - 1)} data-testid="page-prev">
              Previous
            </ActionButton>
            <Text data-testid="listings-page">{`Page ${page + 1} of ${Math.max(1, Math.ceil(grid.data.total / pageSize))} · ${grid.data.total} records`}</Text>
            <ActionButton
              isDisabled={(page + 1) * pageSize >= grid.data.total}
              onPress={() => setPage(page + 1)}
              data-testid="page-next"
            >
              Next
            </ActionButton>
            <Picker
              label="Rows per page"
              labelPosition="side"
              selectedKey={String(pageSize)}
              onSelectionChange={(key) => {
                setPageSize(Number(key));
                setPage(0);
              }}
              width="size-2400"
              data-testid="page-size"
            >
              {PAGE_SIZES.map((size) => (
                <Item key={String(size)}>{String(size)}</Item>
              ))}
            </Picker>
          </Flex>
        </>
      )}
      <DialogContainer onDismiss={() => setOverridesFor(null)}>
        {overridesFor && (
          <OverridesDialog
            rows={overridesFor}
            onClose={() => setOverridesFor(null)}
            onSave={(requests) => {
              setOverridesFor(null);
              actAll(requests);
            }}
          />
        )}
      </DialogContainer>
      <CreateCatalogProductDialog
        storeId={storeId}
        rows={creatingFor}
        onClose={() => setCreatingFor(null)}
        onDone={(result) => {
          setCreatingFor(null);
          run('Creating catalog products', async () => result);
        }}
      />
      <DialogContainer onDismiss={() => setRowDialog(null)}>
        {rowDialog && (
          <RowActionDialog
            kind={rowDialog.kind}
            row={rowDialog.row}
            searchProducts={(search) => client.catalogProducts(storeId, search)}
            onClose={() => setRowDialog(null)}
            onSave={(request) => {
              setRowDialog(null);
              act(request);
            }}
          />
        )}
      </DialogContainer>
      <DialogContainer onDismiss={() => setDetails(null)}>
        {details && (
          <ListingDetailsDialog client={client} storeId={storeId} sku={details} onClose={() => setDetails(null)} />
        )}
      </DialogContainer>
    </View>
  );
};

/** Product Listings (SPEC 4): tabs with counts, grid, mass and row actions, details, listing rules. */
export const ListingsView = () => {
  const session = useSession();
  const client = useMemo(() => createListingsClient(session), [session]);
  const [stores] = useAsync(() => session.client.listStores(), 'stores');
  const [chosen, setChosen] = useState<string | null>(null);
  const [section, setSection] = useState<'grid' | 'rules' | 'attributes'>('grid');
  const storeId = chosen ?? (stores.status === 'ready' ? (stores.data.stores[0]?.id ?? null) : null);
  return (
    <>
      <PageHeader
        title="Product Listings"
        description="Commerce products matched to Amazon listings, by listing status."
      />
      {stores.status === 'ready' && stores.data.stores.length === 0 && (
        <EmptyState testId="listings-empty" heading="No Amazon store yet">
          Connect an Amazon store first; its catalog is then matched against Amazon.
        </EmptyState>
      )}
      {storeId && stores.status === 'ready' && (
        <>
          <Flex gap="size-200" alignItems="end" marginBottom="size-200">
            <Picker
              label="Amazon store"
              selectedKey={storeId}
              onSelectionChange={(key) => setChosen(String(key))}
              data-testid="listings-store"
            >
              {stores.data.stores.map((s) => (
                <Item key={s.id}>{s.name}</Item>
              ))}
            </Picker>
            <ButtonGroup>
              <Button
                variant={section === 'grid' ? 'accent' : 'secondary'}
                onPress={() => setSection('grid')}
                data-testid="section-grid"
              >
                Listings
              </Button>
              <Button
                variant={section === 'rules' ? 'accent' : 'secondary'}
                onPress={() => setSection('rules')}
                data-testid="section-rules"
              >
                Listing Rules
              </Button>
              <Button
                variant={section === 'attributes' ? 'accent' : 'secondary'}
                onPress={() => setSection('attributes')}
                data-testid="section-attributes"
              >
                Attributes
              </Button>
            </ButtonGroup>
          </Flex>
          {section === 'attributes' && <AttributesPanel key={storeId} storeId={storeId} />}
          {section === 'grid' && <Grid key={storeId} client={client} storeId={storeId} />}
          {section === 'rules' && <ListingRulesPanel key={storeId} client={client} storeId={storeId} />}
        </>
      )}
    </>
  );
};
