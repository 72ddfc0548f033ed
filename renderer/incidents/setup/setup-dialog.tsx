import type { FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../shell/form-dialog';
import { useSetupChange } from './queries';

/** The dialog a plan or a resource is edited in: saved by one call, and closed once the core took it. */
export function SetupDialog<T>(props: { title: string; width: number; form: FormInstance<T>; save(values: T): Promise<unknown>; onClose(): void; children: ReactNode }) {
  const { t } = useTranslation();
  const save = useSetupChange(props.save, t('incidents.setup.saved'), props.onClose);
  return <FormDialog {...props} saving={save.isPending} onSave={(values) => save.mutate(values)} />;
}
