/**
 * field.Error constructors with Go value rendering, and the small generic checks every validator
 * uses (k8s.io/apimachinery/pkg/util/validation/field/errors.go, pkg/api/validation/generic.go).
 */
import { fieldErrors, type FieldError } from '../../field-error';
import { errorValue, goQuote, type GoType } from '../go-value';
import { jsonEqual, semanticEqual } from '../json';

export { fieldErrors };

/** The ErrorBody value of a Go string. */
export const q = (s: string): string => goQuote(s);

/** field.Invalid with a string bad value. */
export const invalidStr = (field: string, value: string, detail: string): FieldError =>
  fieldErrors.invalid(field, goQuote(value), detail);

/** field.Invalid with an integer bad value. */
export const invalidNum = (field: string, value: number, detail: string): FieldError =>
  fieldErrors.invalid(field, String(value), detail);

/** field.Invalid with a typed Go value rendered as ErrorBody does. */
export const invalidGo = (field: string, t: GoType, value: unknown, detail: string): FieldError =>
  fieldErrors.invalid(field, errorValue(t, value), detail);

/** field.Invalid with field.OmitValueType: the body carries no value. */
export const invalidNoValue = (field: string, detail: string): FieldError => ({
  type: 'FieldValueInvalid',
  field,
  detail,
});

/** field.NotSupported with a string bad value. */
export const notSupportedStr = (field: string, value: string, supported: readonly string[]) =>
  fieldErrors.notSupported(field, goQuote(value), supported);

/** field.Duplicate with a string value. */
export const duplicateStr = (field: string, value: string): FieldError =>
  fieldErrors.duplicate(field, goQuote(value));

/** apimachinery IsNegativeErrorMsg. */
export const IS_NEGATIVE_ERROR_MSG = 'must be greater than or equal to 0';
/** apimachinery FieldImmutableErrorMsg. */
export const FIELD_IMMUTABLE_ERROR_MSG = 'field is immutable';

/** ValidateNonnegativeField. */
export function validateNonnegativeField(value: number, field: string): FieldError[] {
  return value < 0 ? [invalidNum(field, value, IS_NEGATIVE_ERROR_MSG)] : [];
}

/**
 * ValidateImmutableField: Semantic.DeepEqual of the old and new value, reporting the new one.
 * `pointer` compares strictly, as Go does for pointer scalars (nil differs from 0).
 */
export function validateImmutableField(
  newValue: unknown,
  oldValue: unknown,
  field: string,
  t: GoType,
  pointer = false,
): FieldError[] {
  const same = pointer ? jsonEqual(newValue, oldValue) : semanticEqual(newValue, oldValue);
  return same ? [] : [invalidGo(field, t, newValue, FIELD_IMMUTABLE_ERROR_MSG)];
}

/** Field path builders matching field.Path.String(). */
export const path = {
  child: (p: string, ...names: string[]): string =>
    names.reduce((acc, n) => (acc ? `${acc}.${n}` : n), p),
  index: (p: string, i: number): string => `${p}[${i}]`,
  key: (p: string, k: string): string => `${p}[${k}]`,
};

/** Byte length of a string in UTF-8 (Go's len on a string). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
