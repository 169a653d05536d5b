import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../i18n';

export function Forbidden() {
  const t = useT();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('error.forbiddenPage')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function NotFound() {
  const t = useT();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('error.notFoundPage')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
