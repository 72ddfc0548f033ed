import { Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetupChange } from './queries';

/** The dialog a plan or a resource is edited in: its form checked, then saved by one call, and closed once the core took it. */
export function SetupDialog<T>(props: { title: string; width: number; form: FormInstance<T>; save(values: T): Promise<unknown>; onClose(): void; children: ReactNode }) {
  const { title, width, form, onClose, children } = props;
  const { t } = useTranslation();
  const save = useSetupChange(props.save, t('incidents.setup.saved'), onClose);
  return (
    <Modal
      open
      width={width}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => void form.validateFields().then((values) => save.mutate(values))}
      onCancel={onClose}
      destroyOnHidden
    >
      {children}
    </Modal>
  );
}
