import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEVICE_TYPES, parseDeviceCode, type DeviceCodeParts } from '../core/contract';

const PART_ORDER: (keyof DeviceCodeParts)[] = ['division', 'unit', 'industry', 'type', 'network', 'serial'];

/** The 20-digit GB/T 28181 code, split into its fields, each labelled. */
export function CodeParts({ code }: { code: string }) {
  const { t } = useTranslation();
  let parts: DeviceCodeParts;
  try {
    parts = parseDeviceCode(code);
  } catch (error) {
    return <span className="mono">{code} ({(error as Error).message})</span>;
  }
  return (
    <div className="code-parts" data-testid="code-parts">
      {PART_ORDER.map((part) => (
        <Tooltip key={part} title={part === 'type' ? t(`devices.kinds.${DEVICE_TYPES[parts.type]}`) : undefined}>
          <div className="code-part" data-testid={`code-part-${part}`}>
            <span className="code-part-digits mono">{parts[part]}</span>
            <span className="code-part-label">{t(`devices.parts.${part}`)}</span>
          </div>
        </Tooltip>
      ))}
    </div>
  );
}
