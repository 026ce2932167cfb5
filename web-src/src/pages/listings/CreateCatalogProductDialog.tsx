import {
  Button,
  ButtonGroup,
  Content,
  Dialog,
  DialogContainer,
  Divider,
  Flex,
  Heading,
  InlineAlert,
  Item,
  Picker,
  Radio,
  RadioGroup,
  Text,
  TextField,
} from '@adobe/react-spectrum';
import { useMemo, useState } from 'react';
import { z } from 'zod';
import { messageOf } from '../../api/client';
import type { GridRow } from '../../api/listings';
import { createTransport } from '../../api/transport';
import { useSession } from '../../session-context';

/** Answer of asc/listing-catalog-product. */
const createdSchema = z.object({
  created: z.array(z.object({ sellerSku: z.string(), productSku: z.string(), quantity: z.number().nullable() })),
  updated: z.array(z.object({ sellerSku: z.string(), status: z.string() })),
  errors: z.array(z.object({ sellerSku: z.string(), message: z.string() })),
});
export type CreatedProducts = z.infer<typeof createdSchema>;

const VISIBILITY: Array<[string, string]> = [
  ['not_visible_individually', 'Not Visible Individually'],
  ['catalog', 'Catalog'],
  ['search', 'Search'],
  ['catalog_and_search', 'Catalog, Search'],
];
const TAX_CLASSES: Array<[string, string]> = [
  ['default', 'Commerce default'],
  ['0', 'None'],
  ['2', 'Taxable Goods'],
];

/**
 * "Create Magento Catalog Product" (SPEC 4.2 New Third Party): the same settings for every selected listing; the
 * ASIN becomes the Commerce SKU, the listing name, price and quantity are copied, then the listing is matched.
 */
const CreateDialog = ({
  storeId,
  rows,
  onClose,
  onDone,
}: {
  storeId: string;
  rows: GridRow[];
  onClose: () => void;
  onDone: (result: CreatedProducts) => void;
}) => {
  const session = useSession();
  const transport = useMemo(() => createTransport(session), [session]);
  const [enabled, setEnabled] = useState('yes');
  const [attributeSetId, setAttributeSetId] = useState('4');
  const [visibility, setVisibility] = useState('not_visible_individually');
  const [taxClass, setTaxClass] = useState('default');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const setIdValid = /^[1-9]\d{0,5}$/.test(attributeSetId);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await transport.call(
        'asc/listing-catalog-product',
        'POST',
        {
          storeId,
          skus: rows.map((r) => r.sellerSku),
          enabled: enabled === 'yes',
          attributeSetId: Number(attributeSetId),
          visibility,
          ...(taxClass === 'default' ? {} : { taxClassId: Number(taxClass) }),
        },
        createdSchema,
      );
      onDone(result);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog data-testid="create-product-dialog">
      <Heading>Create Magento Catalog Product</Heading>
      <Divider />
      <Content>
        <Flex direction="column" gap="size-150">
          <Text>
            {rows.length === 1
              ? `SKU ${rows[0].asin ?? rows[0].sellerSku} · ${rows[0].name ?? ''} · ${rows[0].price ?? '—'} ${rows[0].currency} · quantity ${rows[0].quantity ?? '—'}`
              : `${rows.length} listings: each ASIN becomes a Commerce SKU`}
          </Text>
          <RadioGroup
            label="Enable Product(s)"
            isRequired
            orientation="horizontal"
            value={enabled}
            onChange={setEnabled}
            data-testid="create-product-enabled"
          >
            <Radio value="yes">Yes</Radio>
            <Radio value="no">No</Radio>
          </RadioGroup>
          <TextField
            label="Attribute Set Id"
            isRequired
            description="4 is Default"
            value={attributeSetId}
            onChange={(v) => setAttributeSetId(v.trim())}
            validationState={setIdValid ? undefined : 'invalid'}
            errorMessage="Enter the numeric id of an attribute set"
            data-testid="create-product-attribute-set"
          />
          <Picker
            label="Visibility"
            selectedKey={visibility}
            onSelectionChange={(key) => setVisibility(String(key))}
            data-testid="create-product-visibility"
          >
            {VISIBILITY.map(([key, label]) => (
              <Item key={key}>{label}</Item>
            ))}
          </Picker>
          <Picker
            label="Assign Tax Class"
            selectedKey={taxClass}
            onSelectionChange={(key) => setTaxClass(String(key))}
            data-testid="create-product-tax-class"
          >
            {TAX_CLASSES.map(([key, label]) => (
              <Item key={key}>{label}</Item>
            ))}
          </Picker>
          <Text>The product is added to the store's website.</Text>
          {error && (
            <InlineAlert variant="negative" data-testid="create-product-error">
              <Content>{error}</Content>
            </InlineAlert>
          )}
        </Flex>
      </Content>
      <ButtonGroup>
        <Button variant="secondary" onPress={onClose}>
          Cancel
        </Button>
        <Button variant="accent" isDisabled={busy || !setIdValid} onPress={submit} data-testid="create-product-submit">
          Create Catalog Products
        </Button>
      </ButtonGroup>
    </Dialog>
  );
};

/** The dialog in its container; `rows` null = closed. */
export const CreateCatalogProductDialog = ({
  storeId,
  rows,
  onClose,
  onDone,
}: {
  storeId: string;
  rows: GridRow[] | null;
  onClose: () => void;
  onDone: (result: CreatedProducts) => void;
}) => (
  <DialogContainer onDismiss={onClose}>
    {rows && <CreateDialog storeId={storeId} rows={rows} onClose={onClose} onDone={onDone} />}
  </DialogContainer>
);
