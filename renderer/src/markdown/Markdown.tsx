// Renders parsed Markdown as React elements: every piece of user text is a text node.
import { Fragment, useMemo, type ReactNode } from 'react';
import { parseMarkdown, type Block, type Inline } from './parse.ts';

export function Markdown({ text }: { text: string }) {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  return <div className="markdown">{blocks.map(renderBlock)}</div>;
}

function renderBlock(block: Block, index: number): ReactNode {
  switch (block.kind) {
    case 'heading': {
      const Tag = `h${Math.min(6, block.level + 2)}` as 'h3' | 'h4' | 'h5' | 'h6';
      return <Tag key={index}>{block.children.map(renderInline)}</Tag>;
    }
    case 'paragraph':
      return <p key={index}>{block.children.map(renderInline)}</p>;
    case 'code':
      return (
        <pre key={index}>
          <code>{block.text}</code>
        </pre>
      );
    case 'list': {
      const items = block.items.map((item, itemIndex) => <li key={itemIndex}>{item.map(renderInline)}</li>);
      return block.ordered ? <ol key={index}>{items}</ol> : <ul key={index}>{items}</ul>;
    }
    case 'quote':
      return <blockquote key={index}>{block.children.map(renderBlock)}</blockquote>;
    case 'rule':
      return <hr key={index} />;
  }
}

function renderInline(inline: Inline, index: number): ReactNode {
  switch (inline.kind) {
    case 'text':
      return <Fragment key={index}>{inline.text}</Fragment>;
    case 'code':
      return <code key={index}>{inline.text}</code>;
    case 'strong':
      return <strong key={index}>{inline.children.map(renderInline)}</strong>;
    case 'em':
      return <em key={index}>{inline.children.map(renderInline)}</em>;
    case 'link':
      return (
        <a key={index} href={inline.href} target="_blank" rel="noreferrer noopener">
          {inline.children.map(renderInline)}
        </a>
      );
  }
}
