import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { core } from '../../core/client';
import { INCIDENT_TYPES, LEVEL_NUMERALS, type PlanDraft, type PlanStep } from '../../core/contract';
import { SetupDialog } from './setup-dialog';

type StepRow = Omit<PlanStep, 'id'> & { id?: string };
type FormValues = { id: PlanDraft['id']; name: string; steps: StepRow[] };

/** Step ids the plan keeps (a running incident's ticks refer to them); new steps get the first free s1, s2 …. */
function withIds(steps: StepRow[]): PlanStep[] {
  const taken = new Set(steps.map((step) => step.id).filter(Boolean));
  let next = 1;
  return steps.map((step) => {
    if (step.id) return step as PlanStep;
    while (taken.has(`s${next}`)) next++;
    taken.add(`s${next}`);
    return { ...step, id: `s${next}` };
  });
}

/** A plan's checklist, step by step: what, who, within how many minutes, from which level. */
export function PlanDialog(props: { plan: PlanDraft | null; takenTypes: string[]; owners: string[]; onClose(): void }) {
  const { plan, takenTypes, owners, onClose } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const freeTypes = INCIDENT_TYPES.filter((type) => type === plan?.id || !takenTypes.includes(type));
  const ownerOptions = owners.map((value) => ({ value }));
  return (
    <SetupDialog
      title={plan ? t('incidents.setup.editPlan', { type: t(`incidents.types.${plan.id}`) }) : t('incidents.setup.newPlan')}
      width={880}
      form={form}
      save={(values: FormValues) => core.call('plans.save', { id: values.id, name: values.name, steps: withIds(values.steps ?? []) })}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" requiredMark={false} initialValues={plan ?? { id: freeTypes[0], name: '', steps: [{ title: '', owner: '', minutes: 5, startLevel: 4 }] }} data-testid="plan-form">
        <Space size="middle" align="start">
          <Form.Item name="id" label={t('incidents.form.type')} rules={[{ required: true }]}>
            <Select disabled={plan !== null} style={{ width: 160 }} options={freeTypes.map((type) => ({ value: type, label: t(`incidents.types.${type}`) }))} data-testid="plan-type" />
          </Form.Item>
          <Form.Item name="name" label={t('incidents.setup.planName')} rules={[{ required: true, whitespace: true, message: t('incidents.setup.required') }]}>
            <Input maxLength={100} style={{ width: 360 }} data-testid="plan-name" />
          </Form.Item>
        </Space>
        <Form.List name="steps" rules={[{ validator: async (_, steps: StepRow[]) => void (steps.length > 40 && Promise.reject(new Error(t('incidents.setup.tooManySteps')))) }]}>
          {(fields, { add, remove }, { errors }) => (
            <div className="plan-steps" data-testid="plan-steps">
              {fields.map((field, index) => (
                <div key={field.key} className="plan-step" data-testid="plan-step">
                  <span className="plan-step-number">{index + 1}</span>
                  <Form.Item name={[field.name, 'title']} rules={[{ required: true, whitespace: true, message: t('incidents.setup.required') }]}>
                    <Input maxLength={100} placeholder={t('incidents.setup.stepTitle')} data-testid="plan-step-title" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'owner']} rules={[{ required: true, whitespace: true, message: t('incidents.setup.required') }]}>
                    <AutoComplete options={ownerOptions} placeholder={t('incidents.setup.owner')} filterOption data-testid="plan-step-owner" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'minutes']} rules={[{ required: true }]}>
                    <InputNumber min={1} max={1440} precision={0} suffix={t('incidents.setup.minutes')} style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'startLevel']}>
                    <Select options={([4, 3, 2, 1] as const).map((level) => ({ value: level, label: t('incidents.setup.fromLevel', { numeral: LEVEL_NUMERALS[level] }) }))} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('incidents.setup.removeStep')} onClick={() => remove(field.name)} />
                </div>
              ))}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '', owner: '', minutes: 5, startLevel: 4 })} disabled={fields.length >= 40} data-testid="plan-add-step">
                {t('incidents.setup.addStep')}
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
    </SetupDialog>
  );
}
