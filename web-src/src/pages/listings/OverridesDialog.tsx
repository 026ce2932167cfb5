import {
  Button,
  ButtonGroup,
  Content,
  Dialog,
  Divider,
  Heading,
  Item,
  Picker,
  Radio,
  RadioGroup,
  TextArea,
  TextField,
} from '@adobe/react-spectrum';
import { useState } from 'react';
import type { GridRow, ListingActionRequest } from '../../api/listings';

/** Condition codes and labels of SPEC 3.8 (condition_type values). */
export const CONDITIONS: Array<[string, string]> = [
  ['new_new', 'New'],
  ['refurbished_refurbished', 'Refurbished'],
  ['used_like_new', 'Used; Like New'],
  ['used_very_good', 'Used; Very Good'],
  ['used_good', 'Used; Good'],
  ['used_acceptable', 'Used; Acceptable'],
  ['collectible_like_new', 'Collectible; Like New'],
  ['collectible_very_good', 'Collectible; Very Good'],
  ['collectible_good', 'Collectible; Good'],
  ['collectible_acceptable', 'Collectible; Acceptable'],
];

type Choice = 'none' | 'change' | 'remove';
const FIELDS = [
  { key: 'price', title: 'Listing Price', change: 'Change Listing Price', remove: 'Remove Listing Price Override' },
  {
    key: 'handlingTimeDays',
    title: 'Handling Time',
    change: 'Change Handling Time',
    remove: 'Remove Handling Time Override',
  },
  { key: 'condition', title: 'Condition', change: 'Change Condition', remove: 'Remove Condition Override' },
  { key: 'sellerNotes', title: 'Seller Notes', change: 'Change Seller Notes', remove: 'Remove Seller Notes' },
] as const;
type FieldKey = (typeof FIELDS)[number]['key'];

/**
 * Product Listing Overrides (SPEC 3.11): per type "No change / Change / Remove". Handling time and condition are
 * not offered for FBA listings. One dialog serves a row and the mass action (listing details hidden for bulk).
 */
export const OverridesDialog = ({
  rows,
  onSave,
  onClose,
}: {
  rows: GridRow[];
  onSave: (requests: ListingActionRequest[]) => void;
  onClose: () => void;
}) => {
  const fba = rows.some((r) => r.fulfillment === 'FBA');
  const single = rows.length === 1 ? rows[0] : undefined;
  const [choice, setChoice] = useState<Record<FieldKey, Choice>>({
    price: 'none',
    handlingTimeDays: 'none',
    condition: 'none',
    sellerNotes: 'none',
  });
  const [values, setValues] = useState<Record<FieldKey, string>>({
    price: single?.overrides.price ?? '',
    handlingTimeDays: String(single?.overrides.handlingTimeDays ?? 2),
    condition: single?.overrides.condition ?? 'new_new',
    sellerNotes: single?.overrides.sellerNotes ?? '',
  });
  const skus = rows.map((r) => r.sellerSku);
  const save = () => {
    const overrides: NonNullable<ListingActionRequest['overrides']> = {};
    if (choice.price === 'change') overrides.price = values.price.trim();
    if (choice.handlingTimeDays === 'change') overrides.handlingTimeDays = Number(values.handlingTimeDays);
    if (choice.condition === 'change') overrides.condition = values.condition;
    if (choice.sellerNotes === 'change') overrides.sellerNotes = values.sellerNotes;
    const removals = FIELDS.filter((f) => choice[f.key] === 'remove').map((f) => f.key);
    const requests: ListingActionRequest[] = [];
    if (Object.keys(overrides).length) requests.push({ action: 'set_override', skus, overrides });
    if (removals.length) requests.push({ action: 'remove_override', skus, removeOverrides: removals });
    onSave(requests);
  };
  return (
    <Dialog data-testid="overrides-dialog">
      <Heading>
        {single ? `Product Listing Overrides – ${single.sellerSku}` : `Edit Listing Overrides (${rows.length})`}
      </Heading>
      <Divider />
      <Content>
        {single && (
          <p>{`ASIN ${single.asin ?? '—'} · ${single.name ?? ''} · current price ${single.price ?? '—'} ${single.currency}`}</p>
        )}
        {FIELDS.filter((f) => !fba || (f.key !== 'handlingTimeDays' && f.key !== 'condition')).map((f) => (
          <div key={f.key}>
            <RadioGroup
              label={`${f.title}: Action To Be Taken`}
              value={choice[f.key]}
              onChange={(v) => setChoice({ ...choice, [f.key]: v as Choice })}
              orientation="horizontal"
              data-testid={`override-${f.key}-choice`}
            >
              <Radio value="none">No Change</Radio>
              <Radio value="change">{f.change}</Radio>
              <Radio value="remove">{f.remove}</Radio>
            </RadioGroup>
            {choice[f.key] === 'change' &&
              (f.key === 'condition' ? (
                <Picker
                  label="Condition Override"
                  selectedKey={values.condition}
                  onSelectionChange={(k) => setValues({ ...values, condition: String(k) })}
                >
                  {CONDITIONS.map(([code, label]) => (
                    <Item key={code}>{label}</Item>
                  ))}
                </Picker>
              ) : f.key === 'sellerNotes' ? (
                <TextArea
                  label="Seller Notes Override"
                  maxLength={1000}
                  value={values.sellerNotes}
                  onChange={(v) => setValues({ ...values, sellerNotes: v })}
                />
              ) : (
                <TextField
                  label={f.key === 'price' ? 'Price Override' : 'Handling Time Override (days)'}
                  value={values[f.key]}
                  onChange={(v) => setValues({ ...values, [f.key]: v })}
                  data-testid={`override-${f.key}-value`}
                />
              ))}
          </div>
        ))}
      </Content>
      <ButtonGroup>
        <Button variant="secondary" onPress={onClose}>
          Cancel
        </Button>
        <Button
          variant="accent"
          onPress={save}
          isDisabled={Object.values(choice).every((c) => c === 'none')}
          data-testid="overrides-save"
        >
          Save Listing Override
        </Button>
      </ButtonGroup>
    </Dialog>
  );
};
