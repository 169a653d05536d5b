/** 我的诉求 (/my): the logged-in citizen's requests, each linking to its progress. */
import { Button, Card } from 'antd';
import { FormOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useT } from '../../../../i18n';
import { PageHeader } from '../../../../components/PageHeader';
import { MyRequestsList } from './MyRequestsList';

export default function MyRequestsPage() {
  const t = useT();
  return (
    <div>
      <PageHeader
        title={t('nav.orders.mine')}
        hint={t('orders.mine.hint')}
        extra={
          <Link to="/report">
            <Button type="primary" icon={<FormOutlined />}>
              {t('orders.mine.report')}
            </Button>
          </Link>
        }
      />
      <Card>
        <MyRequestsList />
      </Card>
    </div>
  );
}
