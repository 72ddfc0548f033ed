import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/session-store';
import { core } from '../core/client';
import { DATA_CLASSES, FEED_KINDS, type OpenDataFeed } from '../core/contract';
import { describeError } from '../core/errors';

const FEED_KEY = ['openData', 'feed'] as const;

/** The outbound feed to the district platform: IT scopes and turns it on; everyone else reads what it carries. */
export function FeedPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const editable = usePermission('settings.edit');
  const feed = useQuery({ queryKey: FEED_KEY, queryFn: () => core.call('openData.feed', {}) });
  // What IT changed and has not saved yet, over what the core holds.
  const [edit, setDraft] = useState<OpenDataFeed | null>(null);
  const draft = edit ?? feed.data ?? null;
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    try {
      queryClient.setQueryData(FEED_KEY, await core.call('openData.setFeed', draft));
      setDraft(null);
      message.success(t('openData.feedSaved'));
    } catch (error) {
      message.error(describeError(t, error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('openData.feedTitle')} size="small" data-testid="open-data-feed" loading={!draft}>
      <Typography.Paragraph type="secondary">{t('openData.feedHint')}</Typography.Paragraph>
      {draft && (
        <Form layout="vertical" disabled={!editable}>
          <Form.Item label={t('openData.feedEnabled')}>
            <Switch checked={draft.enabled} onChange={(enabled) => setDraft({ ...draft, enabled })} data-testid="open-data-feed-enabled" />
          </Form.Item>
          <Form.Item label={t('openData.feedKinds')}>
            <Checkbox.Group value={draft.kinds} onChange={(kinds) => setDraft({ ...draft, kinds })} options={FEED_KINDS.map((value) => ({ value, label: t(`openData.kinds.${value}`) }))} />
          </Form.Item>
          <Form.Item label={t('openData.feedClasses')}>
            <Checkbox.Group value={draft.classes} onChange={(classes) => setDraft({ ...draft, classes })} options={DATA_CLASSES.map((value) => ({ value, label: t(`openData.classNames.${value}`) }))} />
          </Form.Item>
          {editable ? (
            <Button type="primary" loading={saving} disabled={!draft.classes.length} onClick={() => void save()} data-testid="open-data-feed-save">
              {t('openData.feedSave')}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t('openData.feedReadOnly')}</Typography.Text>
          )}
        </Form>
      )}
    </Card>
  );
}
