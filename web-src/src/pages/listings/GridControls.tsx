import {
  ActionButton,
  Button,
  ButtonGroup,
  Checkbox,
  CheckboxGroup,
  Content,
  Dialog,
  DialogContainer,
  DialogTrigger,
  Divider,
  Flex,
  Heading,
  Item,
  Picker,
  Text,
  TextField,
} from '@adobe/react-spectrum';
import { useState } from 'react';
import { messageOf } from '../../api/client';
import type { GridColumnId, GridSort, ListingsClient, SavedView, TabId } from '../../api/listings';
import { useAsync } from '../../use-async';
import { GRID_COLUMNS, orderColumns } from './grid-columns';

/** Show / hide grid columns for the current tab. */
export const ColumnChooser = ({
  columns,
  onChange,
}: {
  columns: GridColumnId[];
  onChange: (columns: GridColumnId[]) => void;
}) => (
  <DialogTrigger type="popover">
    <ActionButton data-testid="columns-button">Columns</ActionButton>
    <Dialog data-testid="columns-dialog">
      <Heading>Columns</Heading>
      <Divider />
      <Content>
        <CheckboxGroup aria-label="Visible columns" value={columns} onChange={(value) => onChange(orderColumns(value))}>
          {GRID_COLUMNS.map((c) => (
            <Checkbox key={c.key} value={c.key}>
              {c.name}
            </Checkbox>
          ))}
        </CheckboxGroup>
      </Content>
    </Dialog>
  </DialogTrigger>
);

const sortText = (sort: GridSort | null) =>
  sort
    ? `sorted by ${GRID_COLUMNS.find((c) => c.key === sort.column)?.name ?? sort.column} (${sort.direction})`
    : 'Seller SKU order';

/**
 * Saved views (SPEC 4.1 grid controls): name the current tab, filter, columns and sort and save them for the
 * store (asc/listing-views, kept in State: any browser sees them), pick one later, delete it.
 */
export const SavedViews = ({
  client,
  storeId,
  current,
  onApply,
  onNotice,
}: {
  client: ListingsClient;
  storeId: string;
  current: { tab: TabId; filter: string; columns: GridColumnId[]; sort: GridSort | null };
  onApply: (view: SavedView) => void;
  onNotice: (notice: { variant: 'positive' | 'negative'; text: string }) => void;
}) => {
  const [round, setRound] = useState(0);
  const [loaded] = useAsync(() => client.views(storeId), `views:${storeId}:${round}`);
  const [chosen, setChosen] = useState<string | null>(null);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const views = loaded.status === 'ready' ? loaded.data : [];
  const chosenView = views.find((v) => v.id === chosen);

  const save = async () => {
    setBusy(true);
    try {
      const { view } = await client.saveView(storeId, { name: name.trim(), ...current });
      setChosen(view.id);
      setNaming(false);
      setRound((r) => r + 1);
      onNotice({ variant: 'positive', text: `View "${view.name}" saved` });
    } catch (error) {
      onNotice({ variant: 'negative', text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };
  const remove = async (view: SavedView) => {
    setBusy(true);
    try {
      await client.deleteView(storeId, view.id);
      setChosen(null);
      setRound((r) => r + 1);
      onNotice({ variant: 'positive', text: `View "${view.name}" deleted` });
    } catch (error) {
      onNotice({ variant: 'negative', text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex gap="size-100" alignItems="end" wrap>
      <Picker
        label="Saved view"
        placeholder={
          loaded.status === 'error' ? 'Views unavailable' : views.length ? 'Choose a view' : 'No saved views'
        }
        items={views}
        selectedKey={chosenView ? chosenView.id : null}
        isDisabled={views.length === 0}
        onSelectionChange={(key) => {
          const view = views.find((v) => v.id === String(key));
          if (!view) return;
          setChosen(view.id);
          onApply(view);
        }}
        width="size-2400"
        data-testid="views-picker"
      >
        {(view) => <Item key={view.id}>{view.name}</Item>}
      </Picker>
      <ActionButton
        isDisabled={busy}
        onPress={() => {
          setName(chosenView?.name ?? '');
          setNaming(true);
        }}
        data-testid="view-save-open"
      >
        Save View
      </ActionButton>
      <ActionButton
        isDisabled={busy || !chosenView}
        onPress={() => chosenView && remove(chosenView)}
        data-testid="view-delete"
      >
        Delete View
      </ActionButton>
      <DialogContainer onDismiss={() => setNaming(false)}>
        {naming && (
          <Dialog data-testid="view-save-dialog">
            <Heading>Save grid view</Heading>
            <Divider />
            <Content>
              <Text UNSAFE_style={{ display: 'block', marginBottom: 8 }}>
                {`Saves this tab, the filter "${current.filter}", ${current.columns.length} columns and the ${sortText(current.sort)}. A view with the same name is replaced.`}
              </Text>
              <TextField
                label="View name"
                value={name}
                onChange={setName}
                isRequired
                maxLength={60}
                autoFocus
                width="100%"
                data-testid="view-name"
              />
            </Content>
            <ButtonGroup>
              <Button variant="secondary" onPress={() => setNaming(false)}>
                Cancel
              </Button>
              <Button variant="accent" isDisabled={busy || !name.trim()} onPress={save} data-testid="view-save">
                Save View
              </Button>
            </ButtonGroup>
          </Dialog>
        )}
      </DialogContainer>
    </Flex>
  );
};
