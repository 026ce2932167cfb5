import {
  ActionButton,
  Button,
  Cell,
  Column,
  Content,
  DialogContainer,
  Flex,
  InlineAlert,
  Item,
  ProgressCircle,
  Row,
  TableBody,
  TableHeader,
  TableView,
  TabList,
  TabPanels,
  Tabs,
  Text,
  View,
} from '@adobe/react-spectrum';
import { useEffect, useMemo, useState } from 'react';
import { messageOf } from '../../api/client';
import {
  type AttributeMapping,
  createAttributesClient,
  describeJob,
  type ReimportJob,
  type ValueRow,
} from '../../api/attributes';
import { useSession } from '../../session-context';
import { useAsync } from '../../use-async';
import { AttributeDialog, type AttributeDialogResult } from './AttributeDialog';
import { AttributeValuesTab } from './AttributeValuesTab';

const COLUMNS = [
  { key: 'country', name: 'Country' },
  { key: 'amazon', name: 'Amazon Attribute Name' },
  { key: 'commerce', name: 'Product Catalog Attribute Code' },
  { key: 'overwrite', name: 'Overwrite Magento Values' },
  { key: 'status', name: 'Status' },
  { key: 'action', name: 'Action' },
] as const;

/** How often the page asks for the re-import job's progress while it runs. */
const POLL_MS = 1000;

const cellOf = (m: AttributeMapping, key: (typeof COLUMNS)[number]['key'], edit: (m: AttributeMapping) => void) => {
  switch (key) {
    case 'country':
      return m.marketplaceCountry;
    case 'amazon':
      return m.amazonAttribute;
    case 'commerce':
      return m.commerceAttribute ?? '—';
    case 'overwrite':
      return m.overwrite ? 'Enabled' : 'Disabled';
    case 'status':
      return m.active ? 'Enabled' : 'Disabled';
    case 'action':
      return (
        <ActionButton onPress={() => edit(m)} data-testid={`attribute-edit-${m.amazonAttribute}`}>
          {m.commerceAttribute ? 'Edit' : 'Create'}
        </ActionButton>
      );
  }
};

const isActive = (job: ReimportJob | null | undefined) => job?.status === 'queued' || job?.status === 'running';

/**
 * Attributes (SPEC 3.12): Amazon attribute → Commerce attribute per country (Create makes a new Commerce attribute),
 * Re-import Product Attribute Values as a background job with its progress, and the Matching Attribute Values tab.
 */
export const AttributesPanel = ({ storeId }: { storeId: string }) => {
  const session = useSession();
  const client = useMemo(() => createAttributesClient(session), [session]);
  // Each load has its own version; `discover` asks Amazon for attribute names again instead of the saved rows.
  const [load, setLoad] = useState({ version: 0, discover: false });
  const [mappings] = useAsync(() => client.list(storeId, load.discover), `${storeId}:${load.version}`);
  const [editing, setEditing] = useState<AttributeMapping | null>(null);
  const [notice, setNotice] = useState<{ tone: 'positive' | 'negative'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useState<ReimportJob | null>(null);
  const [valuesVersion, setValuesVersion] = useState(0);

  useEffect(() => {
    if (mappings.status === 'ready') setJob(mappings.data.job ?? null);
  }, [mappings]);

  // While a re-import runs, poll its progress; when it ends, the values tab reloads.
  useEffect(() => {
    if (!isActive(job)) return;
    const timer = setTimeout(async () => {
      try {
        const next = (await client.list(storeId)).job ?? null;
        setJob(next);
        if (!isActive(next)) setValuesVersion((v) => v + 1);
      } catch (error) {
        setNotice({ tone: 'negative', text: messageOf(error) });
      }
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job, client, storeId]);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setNotice({ tone: 'positive', text: await work() });
    } catch (error) {
      setNotice({ tone: 'negative', text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  const save = (result: AttributeDialogResult) => {
    setEditing(null);
    run(async () => {
      if (result.kind === 'create') {
        await client.create(storeId, result.attribute);
        setLoad((current) => ({ version: current.version + 1, discover: false }));
        return `Created Commerce attribute ${result.attribute.code} and mapped ${result.attribute.amazonAttribute} to it.`;
      }
      await client.save(storeId, [result.mapping]);
      setLoad((current) => ({ version: current.version + 1, discover: false }));
      return `Saved the mapping of ${result.mapping.amazonAttribute}.`;
    });
  };

  const addOption = (row: ValueRow) =>
    run(async () => {
      await client.addOption(storeId, row.commerceAttribute, row.amazonValue ?? '');
      return `Added option "${row.amazonValue}" to ${row.commerceAttribute}. Re-import to import it.`;
    });

  return (
    <View data-testid="attributes-panel">
      <Flex gap="size-100" marginBottom="size-150" alignItems="center" wrap>
        <Button
          variant="primary"
          isDisabled={busy || isActive(job)}
          onPress={() =>
            run(async () => {
              const started = await client.reimport(storeId);
              setJob(started.job);
              return started.started
                ? 'Re-import started.'
                : started.job.status === 'failed'
                  ? describeJob(started.job)
                  : 'A re-import is already running.';
            })
          }
          data-testid="attributes-reimport"
        >
          Re-import Product Attribute Values
        </Button>
        <ActionButton
          isDisabled={busy}
          onPress={() => setLoad({ version: load.version + 1, discover: true })}
          data-testid="attributes-refresh"
        >
          Discover Amazon attributes again
        </ActionButton>
        {isActive(job) && <ProgressCircle size="S" aria-label="Re-import running" isIndeterminate />}
        {job && <Text data-testid="attributes-job">{describeJob(job)}</Text>}
      </Flex>
      {notice && (
        <InlineAlert variant={notice.tone} marginBottom="size-150" data-testid="attributes-notice">
          <Content>{notice.text}</Content>
        </InlineAlert>
      )}
      <Tabs aria-label="Attributes" defaultSelectedKey="mapping">
        <TabList>
          <Item key="mapping">
            <span data-testid="attributes-tab-mapping">Attributes</span>
          </Item>
          <Item key="values">
            <span data-testid="attributes-tab-values">Matching Attribute Values</span>
          </Item>
        </TabList>
        <TabPanels>
          <Item key="mapping">
            {mappings.status === 'loading' && <ProgressCircle aria-label="Loading attributes" isIndeterminate />}
            {mappings.status === 'error' && (
              <InlineAlert variant="negative">
                <Content>{mappings.message}</Content>
              </InlineAlert>
            )}
            {mappings.status === 'ready' && (
              <>
                <Text>{`${mappings.data.mappings.length} records`}</Text>
                <TableView aria-label="Attribute mapping" data-testid="attributes-grid" minHeight="size-3000">
                  <TableHeader columns={[...COLUMNS]}>{(c) => <Column key={c.key}>{c.name}</Column>}</TableHeader>
                  <TableBody
                    items={mappings.data.mappings.map((m) => ({
                      ...m,
                      id: `${m.marketplaceCountry}:${m.amazonAttribute}`,
                    }))}
                  >
                    {(m) => (
                      <Row key={m.id}>
                        {(key) => <Cell>{cellOf(m, key as (typeof COLUMNS)[number]['key'], setEditing)}</Cell>}
                      </Row>
                    )}
                  </TableBody>
                </TableView>
              </>
            )}
          </Item>
          <Item key="values">
            <AttributeValuesTab client={client} storeId={storeId} version={valuesVersion} onAddOption={addOption} />
          </Item>
        </TabPanels>
      </Tabs>
      <DialogContainer onDismiss={() => setEditing(null)}>
        {editing && <AttributeDialog mapping={editing} onClose={() => setEditing(null)} onSave={save} />}
      </DialogContainer>
    </View>
  );
};
