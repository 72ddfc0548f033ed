import { Button, Form, Input, Modal, Space, Tag, Typography, type InputRef } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../core/contract';
import { describeError } from '../core/errors';
import { CommandBatch, CommandSteps, RefusalAlert, type BatchEntry } from './command-views';
import { sendDeviceCommand } from './command-store';
import { validReason } from './reason';

export type CommandTarget = { code: string; name: string };
export type CommandSpec = Omit<CallInput<'devices.command'>, 'code'>;

type Props = {
  open: boolean;
  title: ReactNode;
  /** The device or partition and its live state, shown throughout. */
  details: ReactNode;
  /** Warnings and what will happen, shown until the command is sent. */
  notice?: ReactNode;
  /** Fields of this command besides the reason (how long a door stays open). */
  extra?: ReactNode;
  targets: CommandTarget[];
  reasonRequired: boolean;
  presets: string[];
  placeholder: string;
  okText: string;
  danger?: boolean;
  build(reason: string): CommandSpec;
  /** Shown above the progress once sent (what was skipped). */
  sentNote?(entries: BatchEntry[]): ReactNode;
  onClose(): void;
  afterClose(): void;
  testId: string;
};

/**
 * Asks before a command reaches the physical world, with the reason the
 * audit trail keeps; once sent, the same dialog follows the command until
 * its device answers or it expires, so the officer sees what happened.
 */
export function CommandDialog(props: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [sending, setSending] = useState(false);
  const [entries, setEntries] = useState<BatchEntry[] | null>(null);
  const input = useRef<InputRef>(null);
  // Enter and a click in the same moment must not send twice.
  const started = useRef(false);
  const reasonOk = !props.reasonRequired || validReason(reason);

  const confirm = async () => {
    setTouched(true);
    if (!reasonOk || started.current || props.targets.length === 0) return;
    started.current = true;
    setSending(true);
    const spec = props.build(reason.trim());
    const results = await Promise.allSettled(props.targets.map((target) => sendDeviceCommand({ ...spec, code: target.code })));
    setEntries(
      props.targets.map((target, index) => {
        const result = results[index]!;
        if (result.status === 'fulfilled') return { ...target, id: result.value.id };
        return { ...target, error: describeError(t, result.reason) };
      }),
    );
    setSending(false);
  };

  const single = props.targets.length === 1 && entries?.length === 1 ? entries[0]! : null;
  const footer = entries ? (
    <Button type="primary" onClick={props.onClose} data-testid={`${props.testId}-close`}>
      {t('deviceCommands.close')}
    </Button>
  ) : (
    <Space>
      <Button onClick={props.onClose}>{t('common.cancel')}</Button>
      <Button type="primary" danger={props.danger} loading={sending} disabled={props.targets.length === 0} onClick={() => void confirm()} data-testid={`${props.testId}-confirm`}>
        {props.okText}
      </Button>
    </Space>
  );

  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      afterClose={props.afterClose}
      afterOpenChange={(open) => open && input.current?.focus()}
      footer={footer}
      width={560}
      maskClosable={!sending}
      destroyOnHidden
      data-testid={props.testId}
    >
      <div className="command-dialog" data-testid={`${props.testId}-body`}>
        {props.details}
        {entries === null && props.notice}
        {entries === null ? (
          <Form layout="vertical" className="command-form" component="div">
            {props.extra}
            <Form.Item
              label={props.reasonRequired ? t('deviceCommands.reason') : t('deviceCommands.reasonOptional')}
              required={props.reasonRequired}
              validateStatus={touched && !reasonOk ? 'error' : undefined}
              help={touched && !reasonOk ? t('deviceCommands.reasonRequired') : undefined}
            >
              <Input
                ref={input}
                value={reason}
                maxLength={200}
                placeholder={props.placeholder}
                onChange={(event) => setReason(event.target.value)}
                onPressEnter={() => void confirm()}
                data-testid={`${props.testId}-reason`}
              />
              <div className="reason-presets">
                {props.presets.map((preset) => (
                  <Tag.CheckableTag key={preset} checked={reason === preset} onChange={() => setReason(preset)}>
                    {preset}
                  </Tag.CheckableTag>
                ))}
              </div>
            </Form.Item>
          </Form>
        ) : (
          <>
            {props.sentNote?.(entries)}
            {single ? (
              single.id ? <CommandSteps id={single.id} /> : <RefusalAlert title={t('deviceCommands.refused')} message={single.error ?? ''} />
            ) : (
              <CommandBatch entries={entries} />
            )}
            {reason.trim() && (
              <Typography.Text type="secondary" className="command-reason">
                {t('deviceCommands.reason')}: {reason.trim()}
              </Typography.Text>
            )}
          </>
        )}
      </div>
    </Modal>
  );
}
