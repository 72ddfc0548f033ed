import { useTranslation } from 'react-i18next';
import { PageToolbar } from '../shell/page-toolbar';
import { ExportForm } from './export-form';
import { FeedPanel } from './feed-panel';
import './open-data.css';

/** 数据开放: exports by data class for whoever asks the site for its data, and the feed to the district platform. */
export function OpenDataPage() {
  const { t } = useTranslation();
  return (
    <div className="open-data-page" data-testid="page-openData">
      <PageToolbar title={t('openData.title')} />
      <div className="open-data-columns">
        <ExportForm />
        <FeedPanel />
      </div>
    </div>
  );
}
