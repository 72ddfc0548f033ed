import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A table row's edit button and its delete behind a confirmation, as every
 * editable table has them; `children` are the row's other actions, first.
 */
export function RowActions(props: { onEdit(): void; onDelete(): void; confirmDelete: string; deleteLabel: string; testId?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const { onEdit, onDelete, confirmDelete, deleteLabel, testId, children } = props;
  return (
    <Space size={2}>
      {children}
      <Tooltip title={t('common.edit')}>
        <Button type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={onEdit} data-testid={testId && `${testId}-edit`} />
      </Tooltip>
      <Popconfirm title={confirmDelete} okText={deleteLabel} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={onDelete}>
        <Button type="text" danger icon={<DeleteOutlined />} aria-label={deleteLabel} data-testid={testId && `${testId}-delete`} />
      </Popconfirm>
    </Space>
  );
}
