/** 工单配置: categories and time limits, routing rules, SLA rules, the classifier, common phrases. */
import { Card, Tabs } from 'antd';
import {
  ApartmentOutlined,
  BranchesOutlined,
  ClockCircleOutlined,
  MessageOutlined,
  RobotOutlined,
} from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../../../i18n';
import { PageHeader } from '../../../../components/PageHeader';
import { CategoriesTab } from './CategoriesTab';
import { RulesTab } from './RulesTab';
import { SlaTab } from './SlaTab';
import { ClassifierTab } from './ClassifierTab';
import { PhrasesTab } from './PhrasesTab';
import '../supervision/ops.css';

const TABS = ['categories', 'rules', 'sla', 'classifier', 'phrases'] as const;
type Tab = (typeof TABS)[number];

export default function OrdersAdminPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'categories';
  return (
    <div data-testid="orders-admin-page">
      <PageHeader title={t('nav.ops.admin.orders')} hint={t('ops.admin.hint')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams(k === 'categories' ? {} : { tab: k }, { replace: true })}
          destroyOnHidden
          items={[
            {
              key: 'categories',
              icon: <ApartmentOutlined />,
              label: t('ops.admin.tab.categories'),
              children: <CategoriesTab />,
            },
            { key: 'rules', icon: <BranchesOutlined />, label: t('ops.admin.tab.rules'), children: <RulesTab /> },
            { key: 'sla', icon: <ClockCircleOutlined />, label: t('ops.admin.tab.sla'), children: <SlaTab /> },
            {
              key: 'classifier',
              icon: <RobotOutlined />,
              label: t('ops.admin.tab.classifier'),
              children: <ClassifierTab />,
            },
            { key: 'phrases', icon: <MessageOutlined />, label: t('ops.admin.tab.phrases'), children: <PhrasesTab /> },
          ]}
        />
      </Card>
    </div>
  );
}
