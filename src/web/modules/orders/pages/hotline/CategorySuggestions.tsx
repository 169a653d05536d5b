/**
 * 智能分类建议 as the agent types: each suggestion with its confidence; a click, Enter on it,
 * or Alt+1…Alt+5 anywhere on the page accepts one.
 */
import { useEffect, useState } from 'react';
import { Spin, Tooltip, Typography } from 'antd';
import { BulbOutlined } from '@ant-design/icons';
import { useT } from '../../../../i18n';
import { ordersApi } from '../../components/ordersApi';
import { useCategories } from '../../components/refData';
import { useDebounced } from '../../components/useDebounced';
import { type CategorySuggestion } from '../../../../../modules/orders/contract';

const MIN_CHARS = 4;
const MAX_SHOWN = 4;

/** Suggestions for a text (debounced); only leaf categories, which an order can carry. */
export function useCategorySuggestions(text: string | undefined): { items: CategorySuggestion[]; loading: boolean } {
  const cats = useCategories();
  const debounced = useDebounced((text ?? '').trim(), 450);
  const [items, setItems] = useState<CategorySuggestion[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (debounced.length < MIN_CHARS) {
      setItems([]);
      return;
    }
    const ctl = new AbortController();
    setLoading(true);
    ordersApi.suggest(debounced.slice(0, 4000), ctl.signal).then(
      (r) => {
        if (ctl.signal.aborted) return;
        setItems(r.items);
        setLoading(false);
      },
      () => {
        if (!ctl.signal.aborted) setLoading(false); // suggestions are a help: fail quietly
      },
    );
    return () => ctl.abort();
  }, [debounced]);

  const leaves = cats.list.length ? items.filter((s) => cats.isLeaf(s.categoryCode)) : items;
  // Drop the long tail of near-zero guesses, but always keep the best one.
  const shown = leaves.filter((s, i) => i === 0 || s.confidence >= 0.03).slice(0, MAX_SHOWN);
  return { items: shown, loading };
}

interface Props {
  items: CategorySuggestion[];
  loading: boolean;
  chosen: string | undefined;
  onAccept: (code: string) => void;
}

export function CategorySuggestions({ items, loading, chosen, onAccept }: Props) {
  const t = useT();
  return (
    <div className="hotline-suggestions" data-testid="hotline-suggestions">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <BulbOutlined /> {t('orders.hotline.suggest')}
      </Typography.Text>
      {items.length === 0 ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {loading ? <Spin size="small" /> : t('orders.hotline.suggest.empty')}
        </Typography.Text>
      ) : (
        items.map((s, i) => {
          const leaf = s.path?.split(' › ').pop() ?? s.categoryCode;
          return (
            <Tooltip
              key={s.categoryCode}
              title={`${s.path ?? s.categoryCode} (${s.categoryCode})`}
              mouseEnterDelay={0.4}
            >
              <button
                type="button"
                className={`hotline-suggestion${chosen === s.categoryCode ? ' is-chosen' : ''}`}
                onClick={() => onAccept(s.categoryCode)}
                data-testid={i === 0 ? 'hotline-category-accept' : `hotline-category-accept-${i + 1}`}
                data-code={s.categoryCode}
                aria-keyshortcuts={`Alt+${i + 1}`}
              >
                <kbd>{i + 1}</kbd>
                <span>{leaf}</span>
                <span className="conf">{Math.round(s.confidence * 100)}%</span>
              </button>
            </Tooltip>
          );
        })
      )}
      {items.length && loading ? <Spin size="small" /> : null}
    </div>
  );
}
