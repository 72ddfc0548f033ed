import { Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A dialog around a form: Save checks the form, then hands its values on; saving shows on the button. */
export function FormDialog<T>(props: { title: string; width: number; form: FormInstance<T>; saving: boolean; onSave(values: T): void; onClose(): void; children: ReactNode }) {
  const { title, width, form, saving, onSave, onClose, children } = props;
  const { t } = useTranslation();
  return (
    <Modal
      open
      width={width}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void form.validateFields().then(onSave)}
      onCancel={onClose}
      destroyOnHidden
    >
      {children}
    </Modal>
  );
}
