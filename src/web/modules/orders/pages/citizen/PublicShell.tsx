/** The frame of the public citizen pages: brand, language switch, a short hero line, footer links. */
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../../i18n';
import { LangSwitch } from '../../../../components/LangSwitch';
import { Logo } from '../../../../layout/Logo';
import './citizen.css';

export function PublicShell({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  const t = useT();
  return (
    <div className="cz-page">
      <div className="cz-top">
        <header className="cz-header">
          <Logo size={34} />
          <div className="cz-brand">
            <div className="cz-brand-name">{t('ops.cz.brand')}</div>
            <div className="cz-brand-sub">{t('app.title')}</div>
          </div>
          <LangSwitch />
        </header>
        <div className="cz-hero">
          <h1>{title}</h1>
          {subtitle ? <p>{subtitle}</p> : null}
        </div>
      </div>
      <main className="cz-main">{children}</main>
      <footer className="cz-footer">
        <Link to="/report">{t('ops.cz.report')}</Link>·<Link to="/track">{t('ops.cz.track')}</Link>·
        <Link to="/login">{t('ops.cz.staffLogin')}</Link>
        <div style={{ marginTop: 6 }}>{t('ops.cz.hotline')}</div>
      </footer>
    </div>
  );
}
