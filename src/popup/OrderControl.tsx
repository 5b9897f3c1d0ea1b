import { CLAIM_ORDERS, type ClaimOrder } from '../core/model/settings';
import { t } from '../platform/browser';

const ORDER_LABEL_KEYS: Record<ClaimOrder, string> = {
  reading: 'orderReading',
  'check-worthiness': 'orderCheckWorthiness',
};

/** The claim list's order: reading order or most check-worthy first. */
export function OrderControl({ order, onOrder }: { order: ClaimOrder; onOrder(order: ClaimOrder): void }) {
  return (
    <label class="order">
      {t('orderLabel')}
      <select
        value={order}
        onChange={(event) => {
          const value = event.currentTarget.value;
          const chosen = CLAIM_ORDERS.find((candidate) => candidate === value);
          if (chosen) onOrder(chosen);
        }}
      >
        {CLAIM_ORDERS.map((id) => (
          <option key={id} value={id}>
            {t(ORDER_LABEL_KEYS[id])}
          </option>
        ))}
      </select>
    </label>
  );
}
