import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { canReveal, personCell } from './person';

type Props = {
  masked: string | null;
  /** What the core gave in full, when asked; undefined while not asked. */
  revealed: string | null | undefined;
  allowed: boolean;
  loading: boolean;
  onReveal(): void;
  onHide(): void;
};

/** A person as the log shows them: masked, with a "show" that the audit trail records for roles allowed it. */
export function PersonCell({ masked, revealed, allowed, loading, onReveal, onHide }: Props) {
  const { t } = useTranslation();
  const cell = personCell(masked, revealed);
  return (
    <span className={`person-cell person-${cell.state}`} data-testid="person-cell" data-state={cell.state}>
      <span className="person-text">{cell.text}</span>
      {canReveal(cell, allowed) && (
        <Tooltip title={t('access.log.showHint')}>
          <Button size="small" type="link" icon={<EyeOutlined />} loading={loading} onClick={onReveal} data-testid="person-show">
            {t('access.log.show')}
          </Button>
        </Tooltip>
      )}
      {cell.state === 'revealed' && (
        <Button size="small" type="link" icon={<EyeInvisibleOutlined />} onClick={onHide} data-testid="person-hide">
          {t('access.log.hide')}
        </Button>
      )}
    </span>
  );
}
