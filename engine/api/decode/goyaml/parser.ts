/**
 * The event parser of go-yaml v2 (parserc.go: an LL(1) state machine over scanner tokens),
 * re-implemented so that syntax errors carry the same problem text and marks as kubectl's.
 */
import type { Scanner, Mark, ScalarStyle, Token, YamlProblem } from './scanner';

/** Parser event kinds. */
export type EventType =
  | 'STREAM-START'
  | 'STREAM-END'
  | 'DOCUMENT-START'
  | 'DOCUMENT-END'
  | 'ALIAS'
  | 'SCALAR'
  | 'SEQUENCE-START'
  | 'SEQUENCE-END'
  | 'MAPPING-START'
  | 'MAPPING-END';

/** One parser event. */
export interface YamlEvent {
  type: EventType;
  start: Mark;
  end: Mark;
  anchor?: string;
  /** Resolved tag (`tag:yaml.org,2002:str`, `!foo`, `!`), or '' when none was given. */
  tag?: string;
  value?: string;
  /** Plain scalar without tag, or a scalar tagged with the non-specific '!'. */
  implicit?: boolean;
  style?: ScalarStyle;
}

type State =
  | 'STREAM_START'
  | 'IMPLICIT_DOCUMENT_START'
  | 'DOCUMENT_START'
  | 'DOCUMENT_CONTENT'
  | 'DOCUMENT_END'
  | 'BLOCK_NODE'
  | 'BLOCK_NODE_OR_INDENTLESS_SEQUENCE'
  | 'FLOW_NODE'
  | 'BLOCK_SEQUENCE_FIRST_ENTRY'
  | 'BLOCK_SEQUENCE_ENTRY'
  | 'INDENTLESS_SEQUENCE_ENTRY'
  | 'BLOCK_MAPPING_FIRST_KEY'
  | 'BLOCK_MAPPING_KEY'
  | 'BLOCK_MAPPING_VALUE'
  | 'FLOW_SEQUENCE_FIRST_ENTRY'
  | 'FLOW_SEQUENCE_ENTRY'
  | 'FLOW_SEQUENCE_ENTRY_MAPPING_KEY'
  | 'FLOW_SEQUENCE_ENTRY_MAPPING_VALUE'
  | 'FLOW_SEQUENCE_ENTRY_MAPPING_END'
  | 'FLOW_MAPPING_FIRST_KEY'
  | 'FLOW_MAPPING_KEY'
  | 'FLOW_MAPPING_VALUE'
  | 'FLOW_MAPPING_EMPTY_VALUE'
  | 'END';

interface TagDirective {
  handle: string;
  prefix: string;
}

const DEFAULT_TAGS: TagDirective[] = [
  { handle: '!', prefix: '!' },
  { handle: '!!', prefix: 'tag:yaml.org,2002:' },
];

/** Produces events one at a time; on failure `problem` (scanner or parser) is set. */
export class Parser {
  private readonly scanner: Scanner;
  private state: State = 'STREAM_START';
  private readonly states: State[] = [];
  private readonly marks: Mark[] = [];
  private tagDirectives: TagDirective[] = [];
  problem: YamlProblem | undefined;

  constructor(scanner: Scanner) {
    this.scanner = scanner;
  }

  /** The next event, or undefined on error (see `problem`). */
  next(): YamlEvent | undefined {
    if (this.problem || this.state === 'END') return undefined;
    const ev = this.dispatch();
    if (!ev && !this.problem) this.problem = this.scanner.problem;
    return ev;
  }

  private peek(): Token | undefined {
    const t = this.scanner.peek();
    if (!t) this.problem = this.scanner.problem;
    return t;
  }

  private skip(): void {
    this.scanner.skipToken();
  }

  private fail(
    problem: string,
    problemMark: Mark,
    context?: string,
    contextMark?: Mark,
  ): undefined {
    this.problem = { kind: 'parser', problem, problemMark, context, contextMark };
    return undefined;
  }

  private pop(): State {
    return this.states.pop() as State;
  }

  private dispatch(): YamlEvent | undefined {
    switch (this.state) {
      case 'STREAM_START':
        return this.streamStart();
      case 'IMPLICIT_DOCUMENT_START':
        return this.documentStart(true);
      case 'DOCUMENT_START':
        return this.documentStart(false);
      case 'DOCUMENT_CONTENT':
        return this.documentContent();
      case 'DOCUMENT_END':
        return this.documentEnd();
      case 'BLOCK_NODE':
        return this.node(true, false);
      case 'BLOCK_NODE_OR_INDENTLESS_SEQUENCE':
        return this.node(true, true);
      case 'FLOW_NODE':
        return this.node(false, false);
      case 'BLOCK_SEQUENCE_FIRST_ENTRY':
        return this.blockSequenceEntry(true);
      case 'BLOCK_SEQUENCE_ENTRY':
        return this.blockSequenceEntry(false);
      case 'INDENTLESS_SEQUENCE_ENTRY':
        return this.indentlessSequenceEntry();
      case 'BLOCK_MAPPING_FIRST_KEY':
        return this.blockMappingKey(true);
      case 'BLOCK_MAPPING_KEY':
        return this.blockMappingKey(false);
      case 'BLOCK_MAPPING_VALUE':
        return this.blockMappingValue();
      case 'FLOW_SEQUENCE_FIRST_ENTRY':
        return this.flowSequenceEntry(true);
      case 'FLOW_SEQUENCE_ENTRY':
        return this.flowSequenceEntry(false);
      case 'FLOW_SEQUENCE_ENTRY_MAPPING_KEY':
        return this.flowSequenceEntryMappingKey();
      case 'FLOW_SEQUENCE_ENTRY_MAPPING_VALUE':
        return this.flowSequenceEntryMappingValue();
      case 'FLOW_SEQUENCE_ENTRY_MAPPING_END':
        return this.flowSequenceEntryMappingEnd();
      case 'FLOW_MAPPING_FIRST_KEY':
        return this.flowMappingKey(true);
      case 'FLOW_MAPPING_KEY':
        return this.flowMappingKey(false);
      case 'FLOW_MAPPING_VALUE':
        return this.flowMappingValue(false);
      case 'FLOW_MAPPING_EMPTY_VALUE':
        return this.flowMappingValue(true);
      default:
        return undefined;
    }
  }

  private streamStart(): YamlEvent | undefined {
    const t = this.peek();
    if (!t) return undefined;
    if (t.type !== 'STREAM-START')
      return this.fail('did not find expected <stream-start>', t.start);
    this.state = 'IMPLICIT_DOCUMENT_START';
    this.skip();
    return { type: 'STREAM-START', start: t.start, end: t.end };
  }

  private documentStart(implicit: boolean): YamlEvent | undefined {
    let t = this.peek();
    if (!t) return undefined;
    if (!implicit) {
      while (t.type === 'DOCUMENT-END') {
        this.skip();
        t = this.peek();
        if (!t) return undefined;
      }
    }
    if (
      implicit &&
      t.type !== 'VERSION-DIRECTIVE' &&
      t.type !== 'TAG-DIRECTIVE' &&
      t.type !== 'DOCUMENT-START' &&
      t.type !== 'STREAM-END'
    ) {
      if (!this.processDirectives()) return undefined;
      this.states.push('DOCUMENT_END');
      this.state = 'BLOCK_NODE';
      return { type: 'DOCUMENT-START', start: t.start, end: t.end };
    }
    if (t.type !== 'STREAM-END') {
      const start = t.start;
      if (!this.processDirectives()) return undefined;
      t = this.peek();
      if (!t) return undefined;
      if (t.type !== 'DOCUMENT-START')
        return this.fail('did not find expected <document start>', t.start);
      this.states.push('DOCUMENT_END');
      this.state = 'DOCUMENT_CONTENT';
      this.skip();
      return { type: 'DOCUMENT-START', start, end: t.end };
    }
    this.state = 'END';
    this.skip();
    return { type: 'STREAM-END', start: t.start, end: t.end };
  }

  private documentContent(): YamlEvent | undefined {
    const t = this.peek();
    if (!t) return undefined;
    if (
      t.type === 'VERSION-DIRECTIVE' ||
      t.type === 'TAG-DIRECTIVE' ||
      t.type === 'DOCUMENT-START' ||
      t.type === 'DOCUMENT-END' ||
      t.type === 'STREAM-END'
    ) {
      this.state = this.pop();
      return this.emptyScalar(t.start);
    }
    return this.node(true, false);
  }

  private documentEnd(): YamlEvent | undefined {
    const t = this.peek();
    if (!t) return undefined;
    const start = t.start;
    let end = t.start;
    if (t.type === 'DOCUMENT-END') {
      end = t.end;
      this.skip();
    }
    this.tagDirectives = [];
    this.state = 'DOCUMENT_START';
    return { type: 'DOCUMENT-END', start, end };
  }

  private node(block: boolean, indentlessSequence: boolean): YamlEvent | undefined {
    let t = this.peek();
    if (!t) return undefined;
    if (t.type === 'ALIAS') {
      this.state = this.pop();
      this.skip();
      return { type: 'ALIAS', start: t.start, end: t.end, anchor: t.value };
    }
    let start = t.start;
    let end = t.start;
    let tagToken = false;
    let tagHandle = '';
    let tagSuffix = '';
    let tagMark = t.start;
    let anchor: string | undefined;
    if (t.type === 'ANCHOR') {
      anchor = t.value;
      start = t.start;
      end = t.end;
      this.skip();
      t = this.peek();
      if (!t) return undefined;
      if (t.type === 'TAG') {
        tagToken = true;
        tagHandle = t.value ?? '';
        tagSuffix = t.suffix ?? '';
        tagMark = t.start;
        end = t.end;
        this.skip();
        t = this.peek();
        if (!t) return undefined;
      }
    } else if (t.type === 'TAG') {
      tagToken = true;
      tagHandle = t.value ?? '';
      tagSuffix = t.suffix ?? '';
      start = t.start;
      tagMark = t.start;
      end = t.end;
      this.skip();
      t = this.peek();
      if (!t) return undefined;
      if (t.type === 'ANCHOR') {
        anchor = t.value;
        end = t.end;
        this.skip();
        t = this.peek();
        if (!t) return undefined;
      }
    }
    let tag = '';
    if (tagToken) {
      if (tagHandle === '') {
        tag = tagSuffix;
      } else {
        const dir = this.tagDirectives.find((d) => d.handle === tagHandle);
        if (dir) tag = dir.prefix + tagSuffix;
        if (tag === '') {
          return this.fail('found undefined tag handle', tagMark, 'while parsing a node', start);
        }
      }
    }
    const implicit = tag === '';
    if (indentlessSequence && t.type === 'BLOCK-ENTRY') {
      this.state = 'INDENTLESS_SEQUENCE_ENTRY';
      return { type: 'SEQUENCE-START', start, end: t.end, anchor, tag, implicit };
    }
    if (t.type === 'SCALAR') {
      const plainImplicit = (tag === '' && t.style === 'plain') || tag === '!';
      this.state = this.pop();
      this.skip();
      return {
        type: 'SCALAR',
        start,
        end: t.end,
        anchor,
        tag,
        value: t.value,
        implicit: plainImplicit,
        style: t.style,
      };
    }
    if (t.type === 'FLOW-SEQUENCE-START') {
      this.state = 'FLOW_SEQUENCE_FIRST_ENTRY';
      return { type: 'SEQUENCE-START', start, end: t.end, anchor, tag, implicit };
    }
    if (t.type === 'FLOW-MAPPING-START') {
      this.state = 'FLOW_MAPPING_FIRST_KEY';
      return { type: 'MAPPING-START', start, end: t.end, anchor, tag, implicit };
    }
    if (block && t.type === 'BLOCK-SEQUENCE-START') {
      this.state = 'BLOCK_SEQUENCE_FIRST_ENTRY';
      return { type: 'SEQUENCE-START', start, end: t.end, anchor, tag, implicit };
    }
    if (block && t.type === 'BLOCK-MAPPING-START') {
      this.state = 'BLOCK_MAPPING_FIRST_KEY';
      return { type: 'MAPPING-START', start, end: t.end, anchor, tag, implicit };
    }
    if (anchor !== undefined || tag !== '') {
      this.state = this.pop();
      return { type: 'SCALAR', start, end, anchor, tag, value: '', implicit, style: 'plain' };
    }
    return this.fail(
      'did not find expected node content',
      t.start,
      block ? 'while parsing a block node' : 'while parsing a flow node',
      start,
    );
  }

  private blockSequenceEntry(first: boolean): YamlEvent | undefined {
    if (first) {
      const t0 = this.peek();
      if (!t0) return undefined;
      this.marks.push(t0.start);
      this.skip();
    }
    let t = this.peek();
    if (!t) return undefined;
    if (t.type === 'BLOCK-ENTRY') {
      const mark = t.end;
      this.skip();
      t = this.peek();
      if (!t) return undefined;
      if (t.type !== 'BLOCK-ENTRY' && t.type !== 'BLOCK-END') {
        this.states.push('BLOCK_SEQUENCE_ENTRY');
        return this.node(true, false);
      }
      this.state = 'BLOCK_SEQUENCE_ENTRY';
      return this.emptyScalar(mark);
    }
    if (t.type === 'BLOCK-END') {
      this.state = this.pop();
      this.marks.pop();
      this.skip();
      return { type: 'SEQUENCE-END', start: t.start, end: t.end };
    }
    const contextMark = this.marks.pop() as Mark;
    return this.fail(
      "did not find expected '-' indicator",
      t.start,
      'while parsing a block collection',
      contextMark,
    );
  }

  private indentlessSequenceEntry(): YamlEvent | undefined {
    let t = this.peek();
    if (!t) return undefined;
    if (t.type === 'BLOCK-ENTRY') {
      const mark = t.end;
      this.skip();
      t = this.peek();
      if (!t) return undefined;
      if (
        t.type !== 'BLOCK-ENTRY' &&
        t.type !== 'KEY' &&
        t.type !== 'VALUE' &&
        t.type !== 'BLOCK-END'
      ) {
        this.states.push('INDENTLESS_SEQUENCE_ENTRY');
        return this.node(true, false);
      }
      this.state = 'INDENTLESS_SEQUENCE_ENTRY';
      return this.emptyScalar(mark);
    }
    this.state = this.pop();
    return { type: 'SEQUENCE-END', start: t.start, end: t.start };
  }

  private blockMappingKey(first: boolean): YamlEvent | undefined {
    if (first) {
      const t0 = this.peek();
      if (!t0) return undefined;
      this.marks.push(t0.start);
      this.skip();
    }
    let t = this.peek();
    if (!t) return undefined;
    if (t.type === 'KEY') {
      const mark = t.end;
      this.skip();
      t = this.peek();
      if (!t) return undefined;
      if (t.type !== 'KEY' && t.type !== 'VALUE' && t.type !== 'BLOCK-END') {
        this.states.push('BLOCK_MAPPING_VALUE');
        return this.node(true, true);
      }
      this.state = 'BLOCK_MAPPING_VALUE';
      return this.emptyScalar(mark);
    }
    if (t.type === 'BLOCK-END') {
      this.state = this.pop();
      this.marks.pop();
      this.skip();
      return { type: 'MAPPING-END', start: t.start, end: t.end };
    }
    const contextMark = this.marks.pop() as Mark;
    return this.fail(
      'did not find expected key',
      t.start,
      'while parsing a block mapping',
      contextMark,
    );
  }

  private blockMappingValue(): YamlEvent | undefined {
    let t = this.peek();
    if (!t) return undefined;
    if (t.type === 'VALUE') {
      const mark = t.end;
      this.skip();
      t = this.peek();
      if (!t) return undefined;
      if (t.type !== 'KEY' && t.type !== 'VALUE' && t.type !== 'BLOCK-END') {
        this.states.push('BLOCK_MAPPING_KEY');
        return this.node(true, true);
      }
      this.state = 'BLOCK_MAPPING_KEY';
      return this.emptyScalar(mark);
    }
    this.state = 'BLOCK_MAPPING_KEY';
    return this.emptyScalar(t.start);
  }

  private flowSequenceEntry(first: boolean): YamlEvent | undefined {
    if (first) {
      const t0 = this.peek();
      if (!t0) return undefined;
      this.marks.push(t0.start);
      this.skip();
    }
    let t = this.peek();
    if (!t) return undefined;
    if (t.type !== 'FLOW-SEQUENCE-END') {
      if (!first) {
        if (t.type === 'FLOW-ENTRY') {
          this.skip();
          t = this.peek();
          if (!t) return undefined;
        } else {
          const contextMark = this.marks.pop() as Mark;
          return this.fail(
            "did not find expected ',' or ']'",
            t.start,
            'while parsing a flow sequence',
            contextMark,
          );
        }
      }
      if (t.type === 'KEY') {
        this.state = 'FLOW_SEQUENCE_ENTRY_MAPPING_KEY';
        this.skip();
        return { type: 'MAPPING-START', start: t.start, end: t.end, implicit: true, tag: '' };
      }
      if (t.type !== 'FLOW-SEQUENCE-END') {
        this.states.push('FLOW_SEQUENCE_ENTRY');
        return this.node(false, false);
      }
    }
    this.state = this.pop();
    this.marks.pop();
    this.skip();
    return { type: 'SEQUENCE-END', start: t.start, end: t.end };
  }

  private flowSequenceEntryMappingKey(): YamlEvent | undefined {
    const t = this.peek();
    if (!t) return undefined;
    if (t.type !== 'VALUE' && t.type !== 'FLOW-ENTRY' && t.type !== 'FLOW-SEQUENCE-END') {
      this.states.push('FLOW_SEQUENCE_ENTRY_MAPPING_VALUE');
      return this.node(false, false);
    }
    const mark = t.end;
    this.skip();
    this.state = 'FLOW_SEQUENCE_ENTRY_MAPPING_VALUE';
    return this.emptyScalar(mark);
  }

  private flowSequenceEntryMappingValue(): YamlEvent | undefined {
    let t = this.peek();
    if (!t) return undefined;
    if (t.type === 'VALUE') {
      this.skip();
      t = this.peek();
      if (!t) return undefined;
      if (t.type !== 'FLOW-ENTRY' && t.type !== 'FLOW-SEQUENCE-END') {
        this.states.push('FLOW_SEQUENCE_ENTRY_MAPPING_END');
        return this.node(false, false);
      }
    }
    this.state = 'FLOW_SEQUENCE_ENTRY_MAPPING_END';
    return this.emptyScalar(t.start);
  }

  private flowSequenceEntryMappingEnd(): YamlEvent | undefined {
    const t = this.peek();
    if (!t) return undefined;
    this.state = 'FLOW_SEQUENCE_ENTRY';
    return { type: 'MAPPING-END', start: t.start, end: t.start };
  }

  private flowMappingKey(first: boolean): YamlEvent | undefined {
    if (first) {
      const t0 = this.peek();
      if (!t0) return undefined;
      this.marks.push(t0.start);
      this.skip();
    }
    let t = this.peek();
    if (!t) return undefined;
    if (t.type !== 'FLOW-MAPPING-END') {
      if (!first) {
        if (t.type === 'FLOW-ENTRY') {
          this.skip();
          t = this.peek();
          if (!t) return undefined;
        } else {
          const contextMark = this.marks.pop() as Mark;
          return this.fail(
            "did not find expected ',' or '}'",
            t.start,
            'while parsing a flow mapping',
            contextMark,
          );
        }
      }
      if (t.type === 'KEY') {
        this.skip();
        t = this.peek();
        if (!t) return undefined;
        if (t.type !== 'VALUE' && t.type !== 'FLOW-ENTRY' && t.type !== 'FLOW-MAPPING-END') {
          this.states.push('FLOW_MAPPING_VALUE');
          return this.node(false, false);
        }
        this.state = 'FLOW_MAPPING_VALUE';
        return this.emptyScalar(t.start);
      }
      if (t.type !== 'FLOW-MAPPING-END') {
        this.states.push('FLOW_MAPPING_EMPTY_VALUE');
        return this.node(false, false);
      }
    }
    this.state = this.pop();
    this.marks.pop();
    this.skip();
    return { type: 'MAPPING-END', start: t.start, end: t.end };
  }

  private flowMappingValue(empty: boolean): YamlEvent | undefined {
    let t = this.peek();
    if (!t) return undefined;
    if (empty) {
      this.state = 'FLOW_MAPPING_KEY';
      return this.emptyScalar(t.start);
    }
    if (t.type === 'VALUE') {
      this.skip();
      t = this.peek();
      if (!t) return undefined;
      if (t.type !== 'FLOW-ENTRY' && t.type !== 'FLOW-MAPPING-END') {
        this.states.push('FLOW_MAPPING_KEY');
        return this.node(false, false);
      }
    }
    this.state = 'FLOW_MAPPING_KEY';
    return this.emptyScalar(t.start);
  }

  private emptyScalar(mark: Mark): YamlEvent {
    return {
      type: 'SCALAR',
      start: mark,
      end: mark,
      value: '',
      tag: '',
      implicit: true,
      style: 'plain',
    };
  }

  private processDirectives(): boolean {
    let version = false;
    const local: TagDirective[] = [];
    let t = this.peek();
    if (!t) return false;
    while (t.type === 'VERSION-DIRECTIVE' || t.type === 'TAG-DIRECTIVE') {
      if (t.type === 'VERSION-DIRECTIVE') {
        if (version) {
          this.fail('found duplicate %YAML directive', t.start);
          return false;
        }
        if (t.major !== 1 || t.minor !== 1) {
          this.fail('found incompatible YAML document', t.start);
          return false;
        }
        version = true;
      } else {
        const value = { handle: t.value ?? '', prefix: t.suffix ?? '' };
        if (this.tagDirectives.some((d) => d.handle === value.handle)) {
          this.fail('found duplicate %TAG directive', t.start);
          return false;
        }
        this.tagDirectives.push(value);
        local.push(value);
      }
      this.skip();
      t = this.peek();
      if (!t) return false;
    }
    for (const d of DEFAULT_TAGS) {
      if (!this.tagDirectives.some((x) => x.handle === d.handle)) this.tagDirectives.push({ ...d });
    }
    return true;
  }
}
