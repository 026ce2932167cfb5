import {
  ActionButton,
  Button,
  ButtonGroup,
  Cell,
  Checkbox,
  Column,
  Content,
  Dialog,
  DialogContainer,
  Divider,
  Flex,
  Heading,
  InlineAlert,
  ProgressCircle,
  Row,
  TableBody,
  TableHeader,
  TableView,
  Text,
  TextField,
  View,
} from '@adobe/react-spectrum';
import { useMemo, useState } from 'react';
import { messageOf } from '../../api/client';
import { type AttributeMapping, createListingAttributesClient } from '../../api/listing-attributes';
import { useSession } from '../../session-context';
import { useAsync } from '../../use-async';

const COLUMNS = [
  { key: 'country', name: 'Country' },
  { key: 'amazon', name: 'Amazon Attribute Name' },
  { key: 'commerce', name: 'Product Catalog Attribute Code' },
  { key: 'overwrite', name: 'Overwrite Magento Values' },
  { key: 'status', name: 'Status' },
  { key: 'action', name: 'Action' },
] as const;

/** Edit: pick the Commerce attribute, overwrite and active for one Amazon attribute. */
const EditDialog = ({
  mapping,
  onSave,
  onClose,
}: {
  mapping: AttributeMapping;
  onSave: (m: AttributeMapping) => void;
  onClose: () => void;
}) => {
  const [code, setCode] = useState(mapping.commerceAttribute ?? '');
  const [overwrite, setOverwrite] = useState(mapping.overwrite);
  const [active, setActive] = useState(mapping.active);
  return (
    <Dialog data-testid="attribute-edit">
      <Heading>{`Amazon attribute ${mapping.amazonAttribute}`}</Heading>
      <Divider />
      <Content>
        <Flex direction="column" gap="size-150">
          <TextField
            label="Magento Product Attribute Code"
            description="Lowercase, no spaces, for example brand"
            value={code}
            onChange={(v) => setCode(v.trim())}
            data-testid="attribute-code"
          />
          <Checkbox isSelected={overwrite} onChange={setOverwrite} data-testid="attribute-overwrite">
            Overwrite Existing Magento Values
          </Checkbox>
          <Checkbox isSelected={active} onChange={setActive} data-testid="attribute-active">
            Is Active
          </Checkbox>
        </Flex>
      </Content>
      <ButtonGroup>
        <Button variant="secondary" onPress={onClose}>
          Cancel
        </Button>
        <Button
          variant="accent"
          onPress={() => onSave({ ...mapping, commerceAttribute: code || null, overwrite, active })}
          data-testid="attribute-save"
        >
          Save Attribute Settings
        </Button>
      </ButtonGroup>
    </Dialog>
  );
};

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

/** Attributes (SPEC 3.12): Amazon attribute → Commerce attribute per country, and Re-import Product Attribute Values. */
export const AttributesPanel = ({ storeId }: { storeId: string }) => {
  const session = useSession();
  const client = useMemo(() => createListingAttributesClient(session), [session]);
  // Each load has its own version; `discover` asks Amazon for attribute names again instead of the saved rows.
  const [load, setLoad] = useState({ version: 0, discover: false });
  const [mappings] = useAsync(() => client.list(storeId, load.discover), `${storeId}:${load.version}`);
  const [editing, setEditing] = useState<AttributeMapping | null>(null);
  const [notice, setNotice] = useState<{ tone: 'positive' | 'negative'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

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

  return (
    <View data-testid="attributes-panel">
      <Flex gap="size-100" marginBottom="size-150" alignItems="center">
        <Button
          variant="primary"
          isDisabled={busy}
          onPress={() =>
            run(async () => {
              const r = await client.reimport(storeId);
              return `Checked ${r.productsChecked} products, updated ${r.productsUpdated} (${r.valuesWritten} values)${r.errors.length ? `, ${r.errors.length} failed` : ''}.`;
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
      </Flex>
      {notice && (
        <InlineAlert variant={notice.tone} marginBottom="size-150" data-testid="attributes-notice">
          <Content>{notice.text}</Content>
        </InlineAlert>
      )}
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
              items={mappings.data.mappings.map((m) => ({ ...m, id: `${m.marketplaceCountry}:${m.amazonAttribute}` }))}
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
      <DialogContainer onDismiss={() => setEditing(null)}>
        {editing && (
          <EditDialog
            mapping={editing}
            onClose={() => setEditing(null)}
            onSave={(m) => {
              setEditing(null);
              run(async () => {
                await client.save(storeId, [m]);
                setLoad((current) => ({ version: current.version + 1, discover: false }));
                return `Saved the mapping of ${m.amazonAttribute}.`;
              });
            }}
          />
        )}
      </DialogContainer>
    </View>
  );
};
