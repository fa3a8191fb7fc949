/** Formatting primitives kubectl output is built from (Go tabwriter, durations, labels, Go fmt). */
export {
  ALIGN_RIGHT,
  DEBUG,
  DISCARD_EMPTY_COLUMNS,
  REMEMBER_WIDTHS,
  TabWriter,
  createDescribeWriter,
  createTableWriter,
  runeCount,
  tabFormat,
  type TabWriterOptions,
} from './tabwriter';
export { humanDuration, parseTime, shortHumanDuration, translateTimestampSince } from './duration';
export {
  compareStrings,
  formatLabelSelector,
  formatLabels,
  formatSelectorSet,
  labelSelectorString,
  sortedKeys,
} from './labels';
export {
  goLabelSelectorSyntax,
  goMapStringStringSyntax,
  goMapStringStringValue,
  goQuote,
  goStringSliceSyntax,
} from './gofmt';
export {
  addQuantities,
  canonicalQuantity,
  formatQuantity,
  milliValue,
  parseQuantity,
  quantityValue,
  zeroQuantity,
  type Quantity,
  type QuantityFormat,
} from './quantity';
