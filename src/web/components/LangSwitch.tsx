import { Segmented } from 'antd';
import { useI18n, type Lang } from '../i18n';

export function LangSwitch({ size = 'small' }: { size?: 'small' | 'middle' }) {
  const { lang, setLang } = useI18n();
  return (
    <Segmented<Lang>
      size={size}
      value={lang}
      onChange={setLang}
      data-testid="lang-switch"
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en' },
      ]}
    />
  );
}
