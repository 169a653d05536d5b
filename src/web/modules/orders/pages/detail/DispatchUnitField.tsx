/** The unit field of 分拨 and 改派: the keyboard picker, the routing suggestion, and what will be submitted. */
import { Alert, Button, Form } from 'antd';
import { UnitSelect } from '../../components/Pickers';
import { useOrgIndex } from '../../components/refData';
import { useOrderLabels } from '../../components/labels';
import { useRouteReason } from '../../components/routeReason';
import type { RouteDecision } from '../../../../../modules/orders/contract';

interface Props {
  route: RouteDecision | null;
  /** The unit offered first (and by Alt+S); null when it already gave the order back. */
  suggested: string | null;
  exclude: string[];
  /** Units that returned the order or had it taken from them: said, and not pre-filled. */
  handedBack: ReadonlySet<string>;
}

export function DispatchUnitField({ route, suggested, exclude, handedBack }: Props) {
  const { t } = useOrderLabels();
  const orgs = useOrgIndex();
  const reasonText = useRouteReason();
  const form = Form.useFormInstance();
  const chosenUnit = Form.useWatch('unitId', form) as string | undefined;
  const returned = [...handedBack].map((id) => orgs.name(id) ?? id);
  return (
    <>
      <Form.Item
        name="unitId"
        label={t('orders.field.unit')}
        rules={[{ required: true, message: t('form.required') }]}
        extra={
          <>
            {route ? (
              <div>
                {t('orders.act.routeHint', {
                  unit: orgs.name(route.unitId) ?? route.unitId,
                  reason: reasonText(route.reason),
                })}
                {suggested ? (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => form.setFieldsValue({ unitId: suggested })}
                    data-testid="action-take-suggestion"
                  >
                    {t('orders.act.takeSuggestion')}
                  </Button>
                ) : null}
              </div>
            ) : null}
            {returned.length ? <div>{t('orders.act.notPrefilled', { units: returned.join('、') })}</div> : null}
          </>
        }
      >
        <UnitSelect suggested={suggested} exclude={exclude} testId="action-field-unitId" />
      </Form.Item>
      <Alert
        type={chosenUnit ? 'info' : 'warning'}
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="dispatch-target"
        message={
          chosenUnit
            ? t('orders.act.willDispatchTo', { unit: orgs.name(chosenUnit) ?? chosenUnit })
            : t('orders.act.noUnitChosen')
        }
      />
    </>
  );
}
