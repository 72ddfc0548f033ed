import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, Select, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { core } from '../core/client';
import type { Notice } from '../core/contract';
import { describeError } from '../core/errors';
import { audienceOf, targetsOf, type AudienceKind } from './audience';
import { RichEditor } from './rich-editor';

const KINDS: AudienceKind[] = ['site', 'buildings', 'units', 'signage'];

/** A new id from the time it was made: unique enough per site, and readable in topics. */
const newId = () => `n-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/** Writes or corrects a draft, in Chinese and optionally English; Ctrl+Enter submits it for approval. */
export function Composer({ open, notice, onClose }: { open: boolean; notice: Notice | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [id] = useState(() => notice?.id ?? newId());
  const [titleZh, setTitleZh] = useState(notice?.title.zh ?? '');
  const [titleEn, setTitleEn] = useState(notice?.title.en ?? '');
  const [bodyZh, setBodyZh] = useState(notice?.body.zh ?? '');
  const [bodyEn, setBodyEn] = useState(notice?.body.en ?? '');
  const [kind, setKind] = useState<AudienceKind>(notice?.audience.kind ?? 'site');
  const [targets, setTargets] = useState<string[]>(notice ? targetsOf(notice.audience) : []);
  const [publishAt, setPublishAt] = useState<number | null>(notice?.publishAt ?? null);
  const [expiresAt, setExpiresAt] = useState<number | null>(notice?.expiresAt ?? null);

  const save = useMutation({
    mutationFn: async (submit: boolean) => {
      const draft = {
        id,
        title: { zh: titleZh, ...(titleEn.trim() ? { en: titleEn } : {}) },
        body: { zh: bodyZh, ...(bodyEn.trim() ? { en: bodyEn } : {}) },
        audience: audienceOf(kind, targets),
        publishAt,
        expiresAt,
      };
      const saved = await core.call('notices.save', draft);
      return submit ? core.call('notices.submit', { id: saved.id }) : saved;
    },
    onSuccess: (saved) => {
      void message.success(t(saved.state === 'submitted' ? 'notices.submittedNow' : 'notices.savedNow', { title: saved.title.zh }));
      onClose();
    },
    onError: (error) => void message.error(describeError(t, error)),
  });
  const ready = titleZh.trim() !== '' && bodyZh !== '' && (kind === 'site' || kind === 'signage' || targets.length > 0);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || !ready || save.isPending) return;
      event.preventDefault();
      save.mutate(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, ready, save]);

  const language = (lang: 'zh' | 'en') => (
    <Form layout="vertical" size="small" component="div">
      <Form.Item label={t('notices.fields.title')} required={lang === 'zh'}>
        <Input value={lang === 'zh' ? titleZh : titleEn} onChange={(event) => (lang === 'zh' ? setTitleZh : setTitleEn)(event.target.value)} maxLength={120} data-testid={`notice-title-${lang}`} />
      </Form.Item>
      <Form.Item label={t('notices.fields.body')} required={lang === 'zh'}>
        <RichEditor value={lang === 'zh' ? bodyZh : bodyEn} onChange={lang === 'zh' ? setBodyZh : setBodyEn} testId={`notice-body-${lang}`} />
      </Form.Item>
    </Form>
  );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      title={notice ? t('notices.edit', { title: notice.title.zh }) : t('notices.create')}
      destroyOnHidden
      data-testid="notice-composer"
      extra={
        <Space>
          <Button onClick={() => save.mutate(false)} disabled={!ready} loading={save.isPending && save.variables === false} data-testid="notice-save">
            {t('notices.saveDraft')}
          </Button>
          <Button type="primary" onClick={() => save.mutate(true)} disabled={!ready} loading={save.isPending && save.variables === true} data-testid="notice-submit">
            {t('notices.submit')} (Ctrl+Enter)
          </Button>
        </Space>
      }
    >
      {notice?.state === 'rejected' && <Alert type="warning" showIcon className="notice-rejection" title={t('notices.rejectedBecause', { reason: notice.history.findLast((step) => step.action === 'rejected')?.reason ?? '' })} />}
      <Tabs size="small" items={[{ key: 'zh', label: '中文', children: language('zh') }, { key: 'en', label: 'English', children: language('en') }]} />
      <Form layout="vertical" size="small" component="div">
        <Form.Item label={t('notices.fields.audience')} required>
          <Space.Compact block>
            <Select<AudienceKind> value={kind} onChange={(value) => (setKind(value), setTargets([]))} options={KINDS.map((value) => ({ value, label: t(`notices.audience.${value}`) }))} style={{ width: 160 }} data-testid="notice-audience-kind" />
            {kind !== 'site' && (
              <Select mode="tags" value={targets} onChange={setTargets} placeholder={t(`notices.audience.placeholder.${kind}`)} style={{ flex: 1 }} open={false} tokenSeparators={[',', '，']} data-testid="notice-audience-targets" />
            )}
          </Space.Compact>
        </Form.Item>
        <Space size="large">
          <Form.Item label={t('notices.fields.publishAt')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" placeholder={t('notices.publishAtHint')} style={{ width: 220 }} value={publishAt === null ? null : dayjs(publishAt)} onChange={(value) => setPublishAt(value ? value.valueOf() : null)} data-testid="notice-publish-at" />
          </Form.Item>
          <Form.Item label={t('notices.fields.expiresAt')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" placeholder={t('notices.untilRevoked')} style={{ width: 220 }} value={expiresAt === null ? null : dayjs(expiresAt)} onChange={(value) => setExpiresAt(value ? value.valueOf() : null)} data-testid="notice-expires-at" />
          </Form.Item>
        </Space>
        <Typography.Paragraph type="secondary">{t('notices.approvalHint')}</Typography.Paragraph>
      </Form>
    </Drawer>
  );
}
