// A strict little XML parser for tests: elements, attributes, text and the five predefined and
// numeric entities. It throws on anything not well-formed (unbalanced or crossed tags, a bare
// "<" or "&", unquoted or repeated attributes, a second root), which is what the tests check.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const NAME = /[A-Za-z_:][\w:.-]*/y;
const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function parseXml(text: string): XmlElement {
  let position = 0;
  const fail = (message: string): never => {
    throw new Error(`not well-formed XML at ${position}: ${message}`);
  };
  const name = (): string => {
    NAME.lastIndex = position;
    const match = NAME.exec(text);
    if (!match) return fail('expected a name');
    position = NAME.lastIndex;
    return match[0];
  };
  const skipSpace = (): void => {
    while (/\s/.test(text[position] ?? '')) position++;
  };
  const decode = (raw: string): string =>
    raw.replace(/&([^;]*);|&|</g, (whole: string, entity: string | undefined) => {
      if (whole === '<' || entity === undefined) return fail(`bare "${whole}"`);
      if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
      if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
      return ENTITY[entity] ?? fail(`unknown entity &${entity};`);
    });

  const element = (): XmlElement => {
    if (text[position] !== '<') fail('expected "<"');
    position++;
    const node: XmlElement = { name: name(), attributes: {}, children: [] };
    for (;;) {
      skipSpace();
      if (text.startsWith('/>', position)) {
        position += 2;
        return node;
      }
      if (text[position] === '>') break;
      const attribute = name();
      skipSpace();
      if (text[position] !== '=') fail(`attribute ${attribute} without a value`);
      position++;
      skipSpace();
      const quote = text[position];
      if (quote !== '"' && quote !== "'") return fail(`unquoted attribute ${attribute}`);
      const end = text.indexOf(quote, position + 1);
      if (end < 0) fail('unterminated attribute');
      if (attribute in node.attributes) fail(`repeated attribute ${attribute}`);
      node.attributes[attribute] = decode(text.slice(position + 1, end));
      position = end + 1;
    }
    position++;
    for (;;) {
      const next = text.indexOf('<', position);
      if (next < 0) fail(`<${node.name}> is never closed`);
      if (next > position) node.children.push(decode(text.slice(position, next)));
      position = next;
      if (text.startsWith('</', position)) {
        position += 2;
        const closing = name();
        if (closing !== node.name) fail(`</${closing}> closes <${node.name}>`);
        skipSpace();
        if (text[position] !== '>') fail('expected ">"');
        position++;
        return node;
      }
      node.children.push(element());
    }
  };

  skipSpace();
  if (text.startsWith('<?xml', position)) position = text.indexOf('?>', position) + 2;
  skipSpace();
  const root = element();
  skipSpace();
  if (position !== text.length) fail('content after the root element');
  return root;
}

/** Every element below (and including) `root`, depth first. */
export function allElements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap((child) => (typeof child === 'string' ? [] : allElements(child)))];
}

export function textOf(node: XmlNode): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}
