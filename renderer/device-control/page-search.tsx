import { SearchOutlined } from '@ant-design/icons';
import { Input, type InputRef } from 'antd';
import { useEffect, useEffectEvent, useRef, type RefObject } from 'react';
import { typingIn } from '../shell/typing';

/**
 * `/` searches this page rather than the device list: the shell's own `/`
 * listener is on the window in the bubbling phase, so this one, capturing,
 * answers first and keeps the key to itself. Not while a dialog is open.
 */
function usePageSearchKey(input: RefObject<InputRef | null>, dialogOpen: () => boolean): void {
  const blocked = useEffectEvent(dialogOpen);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target) || blocked()) return;
      event.preventDefault();
      event.stopPropagation();
      input.current?.focus({ cursor: 'all' });
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [input]);
}

/** A device page's search (name, code or place), which `/` reaches from anywhere on the page. */
export function PageSearch({ value, onChange, placeholder, dialogOpen, testId }: { value: string; onChange(value: string): void; placeholder: string; dialogOpen(): boolean; testId: string }) {
  const input = useRef<InputRef>(null);
  usePageSearchKey(input, dialogOpen);
  return (
    <Input
      ref={input}
      allowClear
      prefix={<SearchOutlined />}
      placeholder={placeholder}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      style={{ width: 260 }}
      data-testid={testId}
    />
  );
}
