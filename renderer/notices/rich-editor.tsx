import { BoldOutlined, ItalicOutlined, OrderedListOutlined, PictureOutlined, UnderlineOutlined, UnorderedListOutlined } from '@ant-design/icons';
import Image from '@tiptap/extension-image';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { App, Button, Space, Tooltip } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { core } from '../core/client';
import { NOTICE_IMAGE_SCHEME } from '../core/contract';
import { describeError } from '../core/errors';
import { imageUrl } from './queries';

/**
 * Pictures are kept in the body as `vigil-image:<sha256>`, what the core and
 * the terminals expect; the editor shows each through images.get.
 */
const VigilImage = Image.extend({
  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement('img');
      const src = String(node.attrs.src ?? '');
      dom.alt = String(node.attrs.alt ?? '');
      if (src.startsWith(NOTICE_IMAGE_SCHEME)) void imageUrl(src.slice(NOTICE_IMAGE_SCHEME.length)).then((url) => (dom.src = url));
      return { dom };
    };
  },
});

const EXTENSIONS = [StarterKit.configure({ heading: { levels: [2, 3] }, code: false, codeBlock: false, horizontalRule: false, link: { protocols: ['https'], openOnClick: false } }), VigilImage];

function toBase64(file: File): Promise<string> {
  return file.arrayBuffer().then((buffer) => {
    let binary = '';
    const bytes = new Uint8Array(buffer);
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  });
}

/** The body of an announcement: bold, headings, lists and pictures uploaded to the site; read only to show one. */
export function RichEditor({ value, onChange, editable = true, testId }: { value: string; onChange?: (html: string) => void; editable?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const file = useRef<HTMLInputElement>(null);
  const editor = useEditor({ extensions: EXTENSIONS, content: value, editable, onUpdate: ({ editor: changed }) => onChange?.(changed.isEmpty ? '' : changed.getHTML()) });
  // A body read again from the core (another notice opened in the same view) replaces what is shown.
  useEffect(() => {
    if (!editable && editor.getHTML() !== value) editor.commands.setContent(value);
  }, [editor, editable, value]);
  const active = useEditorState({ editor, selector: ({ editor: e }) => ({ bold: e.isActive('bold'), italic: e.isActive('italic'), underline: e.isActive('underline'), h2: e.isActive('heading', { level: 2 }), h3: e.isActive('heading', { level: 3 }), bullet: e.isActive('bulletList'), ordered: e.isActive('orderedList') }) });

  const upload = async (picked: File | undefined) => {
    if (!picked) return;
    try {
      const { hash } = await core.call('images.put', { data: await toBase64(picked) });
      editor.chain().focus().setImage({ src: `${NOTICE_IMAGE_SCHEME}${hash}`, alt: picked.name }).run();
    } catch (error) {
      void message.error(describeError(t, error));
    }
  };

  if (!editable) return <EditorContent editor={editor} className="notice-body notice-body-read" data-testid={testId} />;
  const button = (key: keyof typeof active, label: string, icon: React.ReactNode, run: () => void) => (
    <Tooltip title={label}>
      <Button size="small" type={active[key] ? 'primary' : 'text'} icon={icon} onMouseDown={(event) => event.preventDefault()} onClick={run} aria-label={label} />
    </Tooltip>
  );
  return (
    <div className="notice-editor">
      <Space size={2} className="notice-editor-toolbar" wrap>
        {button('bold', t('notices.editor.bold'), <BoldOutlined />, () => editor.chain().focus().toggleBold().run())}
        {button('italic', t('notices.editor.italic'), <ItalicOutlined />, () => editor.chain().focus().toggleItalic().run())}
        {button('underline', t('notices.editor.underline'), <UnderlineOutlined />, () => editor.chain().focus().toggleUnderline().run())}
        {button('h2', t('notices.editor.h2'), <b>H2</b>, () => editor.chain().focus().toggleHeading({ level: 2 }).run())}
        {button('h3', t('notices.editor.h3'), <b>H3</b>, () => editor.chain().focus().toggleHeading({ level: 3 }).run())}
        {button('bullet', t('notices.editor.bullet'), <UnorderedListOutlined />, () => editor.chain().focus().toggleBulletList().run())}
        {button('ordered', t('notices.editor.ordered'), <OrderedListOutlined />, () => editor.chain().focus().toggleOrderedList().run())}
        <Tooltip title={t('notices.editor.image')}>
          <Button size="small" type="text" icon={<PictureOutlined />} onClick={() => file.current?.click()} aria-label={t('notices.editor.image')} />
        </Tooltip>
        <input ref={file} type="file" accept="image/png,image/jpeg,image/webp" style={{ display: 'none' }} data-testid={testId ? `${testId}-image` : undefined} onChange={(event) => void upload(event.target.files?.[0]).finally(() => (event.target.value = ''))} />
      </Space>
      <EditorContent editor={editor} className="notice-body" data-testid={testId} />
    </div>
  );
}
