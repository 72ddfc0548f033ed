import i18next, { type TFunction } from 'i18next';
import dayjs from 'dayjs';
import { ContractError } from './contract';

const POLICY_PHRASES: Record<string, 'length' | 'classes' | 'username' | 'differ'> = {
  'at least 10 characters': 'length',
  'three of: lower-case, upper-case, digits, symbols': 'classes',
  'must not contain the username': 'username',
  'must differ from the current password': 'differ',
};

/** The core's policy reasons, in the UI language when we know the phrase, verbatim when we do not. */
function policyProblems(t: TFunction, message: string): string {
  const reasons = message.replace(/^password policy:\s*/, '').split(/;\s*/);
  const separator = i18next.language === 'zh-CN' ? '；' : '; ';
  return reasons.map((reason) => (POLICY_PHRASES[reason] ? t(`policy.${POLICY_PHRASES[reason]}`) : reason)).join(separator);
}

/** A sentence for the operator from whatever a call rejected with. */
export function describeError(t: TFunction, error: unknown): string {
  if (!(error instanceof ContractError)) return error instanceof Error ? error.message : t('common.unknownError');
  const { code, message } = error;
  switch (code) {
    case 'bad_credentials':
      if (message.includes('current password')) return t('errors.wrongCurrentPassword');
      if (message.includes('disabled')) return t('errors.disabledAccount');
      if (message === 'wrong password') return t('errors.wrongPassword');
      if (message.startsWith('the camera refused')) return t('errors.cameraCredentials');
      if (message.startsWith('the camera needs')) return t('errors.cameraNoCredentials');
      return t('errors.bad_credentials');
    case 'account_locked': {
      const until = /after (\S+)/.exec(message)?.[1];
      const at = until ? dayjs(until) : null;
      return at?.isValid()
        ? t('errors.account_locked', { time: at.format('YYYY-MM-DD HH:mm:ss') })
        : t('errors.account_locked_plain');
    }
    case 'weak_password':
      return t('errors.weak_password', { problems: policyProblems(t, message) });
    case 'unauthenticated':
      return t('errors.unauthenticated');
    case 'session_locked':
      return t('errors.session_locked');
    case 'forbidden':
      return t('errors.forbidden');
    case 'conflict':
      if (message.includes('already exists')) return t('errors.userExists');
      if (message.includes('disable yourself')) return t('errors.cannotDisableSelf');
      if (message.includes('already has an administrator')) return t('errors.alreadySetUp');
      return t('errors.conflict', { message });
    case 'invalid_input': {
      const details = error.issues?.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
      return t('errors.invalid_input', { message: details || message });
    }
    case 'not_found':
      return t('errors.not_found', { message });
    case 'limit_reached':
      return t('errors.limit_reached', { message });
    case 'unavailable':
      return message.startsWith('this camera has no PTZ') ? t('errors.noPtz') : t('errors.unavailable', { message });
    case 'device_offline': {
      // "NAME is STATUS: the command cannot reach it; …" (main/commands/rules.ts)
      const [, name, status] = /^(.*) is (offline|fault|unknown): /s.exec(message) ?? [];
      return name && status ? t('errors.device_offline', { name, status: t(`errors.deviceOffline.${status as 'offline' | 'fault' | 'unknown'}`) }) : t('errors.unavailable', { message });
    }
    case 'unknown_method':
      return t('errors.unknown_method', { message });
    case 'internal':
      return message === 'not connected to the core' || message === 'connection to the core closed'
        ? t('errors.disconnected')
        : t('errors.internal', { message });
    default: {
      const unexpected: never = code;
      return String(unexpected);
    }
  }
}

export function errorCode(error: unknown): ContractError['code'] | null {
  return error instanceof ContractError ? error.code : null;
}
