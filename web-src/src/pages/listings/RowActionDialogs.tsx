import {
  ActionButton,
  Button,
  ButtonGroup,
  Content,
  Dialog,
  Divider,
  Flex,
  Heading,
  Item,
  ListView,
  Picker,
  Switch,
  Text,
  TextField,
} from '@adobe/react-spectrum';
import { type ReactNode, useState } from 'react';
import { messageOf } from '../../api/client';
import type { CatalogProductChoice, GridRow, ListingActionRequest } from '../../api/listings';
import { CONDITIONS } from './OverridesDialog';

/**
 * Row actions of SPEC 4.4 that need a form: Create Alias Seller SKU, Edit Assigned ASIN, Assign Catalog Product
 * and Update Required Info (Missing Condition). Each builds one listing-actions request; the grid sends it.
 */

const ASIN = /^[A-Z0-9]{10}$/;
const SELLER_SKU = /^[A-Za-z0-9._-]{1,40}$/;

export type RowDialogKind = 'alias_sku' | 'edit_asin' | 'assign_catalog_product' | 'set_condition';

const Shell = ({
  title,
  row,
  testId,
  canSave,
  onSave,
  onClose,
  children,
}: {
  title: string;
  row: GridRow;
  testId: string;
  canSave: boolean;
  onSave: () => void;
  onClose: () => void;
  children: ReactNode;
}) => (
  <Dialog data-testid={testId}>
    <Heading>{title}</Heading>
    <Divider />
    <Content>
      <Text UNSAFE_style={{ display: 'block' }}>{`Current Seller SKU: ${row.sellerSku}`}</Text>
      <Text UNSAFE_style={{ display: 'block', marginBottom: 12 }}>{`Amazon Listing Name: ${row.name ?? '—'}`}</Text>
      {children}
    </Content>
    <ButtonGroup>
      <Button variant="secondary" onPress={onClose}>
        Cancel
      </Button>
      <Button variant="accent" isDisabled={!canSave} onPress={onSave} data-testid="row-dialog-save">
        Save Listing Update
      </Button>
    </ButtonGroup>
  </Dialog>
);

const AliasSku = ({ row, onSave, onClose }: DialogProps) => {
  const [aliasSku, setAliasSku] = useState('');
  const [asin, setAsin] = useState(row.asin ?? '');
  const [removeExisting, setRemoveExisting] = useState(false);
  const skuError = aliasSku && !SELLER_SKU.test(aliasSku) ? 'Letters, digits, dot, dash or underscore (≤ 40)' : '';
  const sameSku = aliasSku === row.sellerSku ? 'Must differ from the current Seller SKU' : '';
  const asinError = asin && !ASIN.test(asin) ? '10 capital letters or digits' : '';
  return (
    <Shell
      title="Create An Alias Amazon Seller SKU"
      row={row}
      testId="alias-dialog"
      canSave={Boolean(aliasSku && asin && !skuError && !sameSku && !asinError)}
      onClose={onClose}
      onSave={() => onSave({ action: 'alias_sku', skus: [row.sellerSku], aliasSku, asin, removeExisting })}
    >
      <TextField
        label="Assign New Seller SKU"
        isRequired
        value={aliasSku}
        onChange={(v) => setAliasSku(v.trim())}
        validationState={skuError || sameSku ? 'invalid' : undefined}
        errorMessage={skuError || sameSku}
        description="Unique across every listing and alias of the store."
        width="100%"
        data-testid="alias-sku"
      />
      <TextField
        label="Assign New ASIN"
        isRequired
        value={asin}
        onChange={(v) => setAsin(v.trim().toUpperCase())}
        validationState={asinError ? 'invalid' : undefined}
        errorMessage={asinError}
        description="Change it only to match the product to a second Amazon listing."
        width="100%"
        data-testid="alias-asin"
      />
      <Switch isSelected={removeExisting} onChange={setRemoveExisting} data-testid="alias-remove-existing">
        {removeExisting
          ? 'Remove Existing Seller SKU: Yes (the current listing moves to Ended)'
          : 'Remove Existing Seller SKU: No (both listings stay Active)'}
      </Switch>
    </Shell>
  );
};

const EditAsin = ({ row, onSave, onClose }: DialogProps) => {
  const [asin, setAsin] = useState(row.asin ?? '');
  const invalid = asin !== '' && !ASIN.test(asin);
  return (
    <Shell
      title="Product Listing Update – Edit Assigned ASIN"
      row={row}
      testId="edit-asin-dialog"
      canSave={ASIN.test(asin) && asin !== row.asin}
      onClose={onClose}
      onSave={() => onSave({ action: 'assign_asin', skus: [row.sellerSku], asin })}
    >
      <TextField
        label="Assign ASIN"
        isRequired
        value={asin}
        onChange={(v) => setAsin(v.trim().toUpperCase())}
        validationState={invalid ? 'invalid' : undefined}
        errorMessage={invalid ? '10 capital letters or digits' : undefined}
        description="The listing on the old ASIN is ended and a new one is created on this ASIN."
        width="100%"
        data-testid="edit-asin"
      />
    </Shell>
  );
};

const AssignCatalogProduct = ({ row, onSave, onClose, searchProducts }: DialogProps) => {
  const [productSku, setProductSku] = useState('');
  const [found, setFound] = useState<CatalogProductChoice[] | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const search = async () => {
    setSearchError(null);
    try {
      setFound(await searchProducts(productSku.trim()));
    } catch (error) {
      setSearchError(messageOf(error));
    }
  };
  return (
    <Shell
      title="Assign Magento Catalog Product"
      row={row}
      testId="assign-product-dialog"
      canSave={productSku.trim().length > 0}
      onClose={onClose}
      onSave={() => onSave({ action: 'assign_catalog_product', skus: [row.sellerSku], productSku: productSku.trim() })}
    >
      <TextField
        label="Catalog product SKU"
        isRequired
        value={productSku}
        onChange={setProductSku}
        description="The Commerce product this Amazon listing sells. Price, quantity and orders then flow both ways."
        width="100%"
        data-testid="assign-product-sku"
      />
      <Flex gap="size-100" marginTop="size-100" alignItems="center">
        <ActionButton isDisabled={productSku.trim().length < 2} onPress={search} data-testid="assign-product-search">
          Search the catalog
        </ActionButton>
        {found && <Text>{found.length === 0 ? 'No product of the website matches.' : `${found.length} found`}</Text>}
        {searchError && <Text UNSAFE_style={{ color: 'var(--spectrum-negative-color-900)' }}>{searchError}</Text>}
      </Flex>
      {found && found.length > 0 && (
        <ListView
          aria-label="Catalog products"
          selectionMode="single"
          selectionStyle="highlight"
          items={found.map((p) => ({ ...p, id: p.sku }))}
          selectedKeys={[productSku.trim()]}
          onSelectionChange={(keys) => {
            const [first] = keys === 'all' ? [] : [...keys];
            if (first !== undefined) setProductSku(String(first));
          }}
          maxHeight="size-2400"
          marginTop="size-100"
          data-testid="assign-product-results"
        >
          {(p) => <Item key={p.sku}>{`${p.sku}${p.name ? ` – ${p.name}` : ''}${p.price ? ` (${p.price})` : ''}`}</Item>}
        </ListView>
      )}
    </Shell>
  );
};

const SetCondition = ({ row, onSave, onClose }: DialogProps) => {
  const [condition, setCondition] = useState<string | null>(null);
  return (
    <Shell
      title="Update Required Info – Condition"
      row={row}
      testId="condition-dialog"
      canSave={condition !== null}
      onClose={onClose}
      onSave={() => condition && onSave({ action: 'set_condition', skus: [row.sellerSku], condition })}
    >
      <Picker
        label="Condition"
        isRequired
        selectedKey={condition}
        onSelectionChange={(key) => setCondition(String(key))}
        width="100%"
        data-testid="condition-picker"
      >
        {CONDITIONS.map(([code, label]) => (
          <Item key={code}>{label}</Item>
        ))}
      </Picker>
      <Text UNSAFE_style={{ display: 'block', marginTop: 8 }}>
        Seller notes and a different condition for a listed product are Overrides (Create / Edit Override).
      </Text>
    </Shell>
  );
};

interface DialogProps {
  row: GridRow;
  searchProducts: (search: string) => Promise<CatalogProductChoice[]>;
  onSave: (request: ListingActionRequest) => void;
  onClose: () => void;
}

export const RowActionDialog = ({ kind, ...props }: DialogProps & { kind: RowDialogKind }) => {
  switch (kind) {
    case 'alias_sku':
      return <AliasSku {...props} />;
    case 'edit_asin':
      return <EditAsin {...props} />;
    case 'assign_catalog_product':
      return <AssignCatalogProduct {...props} />;
    case 'set_condition':
      return <SetCondition {...props} />;
  }
};
