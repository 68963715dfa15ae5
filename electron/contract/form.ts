/**
 * Forms in flows: what a form step asks (its fields, declared by the
 * service, shown to the renderer as data) and what the citizen sends back
 * (`SUBMIT_FORM` values by field id). The host checks every value against
 * the declaration; these schemas only bound the shapes and sizes, so a
 * wrong value comes back as a field's error key, not as a refused call.
 * Values are personal data: they live in the run's context and the view,
 * never in a log.
 */
import { z } from 'zod';
import { MessageKey, ValueId } from './keys';

/** `YYYY-MM-DD`. */
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A field's id: a short identifier that starts with a letter (nothing like `__proto__` that an object would swallow). */
const FieldId = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/);

const fieldBase = { id: FieldId, labelKey: MessageKey, required: z.boolean() };

/**
 * One field as the renderer draws it. `text`: `chinese` with the pinyin
 * keyboard (Han characters, digits, letters, a few marks), `chineseName`
 * (Han characters and the middle dot ·), `latin` (upper-case letters and
 * single spaces: a name in pinyin), `idNumber` (another person's 18-character
 * citizen ID number on the ID keypad, checked with GB 11643's checksum and
 * shown back masked), `code` (a reference printed on a slip, e.g. a 受理编号:
 * capitals and digits, at most `maxLength`), `idNumberTail` (the last
 * `maxLength` characters of the citizen's ID number: digits, the last may be X). `date`: within `min`–`max`, resolved by
 * the host from the service's bounds. `address`: a GB/T 2260 region and a
 * detail line typed with the pinyin keyboard.
 */
export const FormField = z.discriminatedUnion('type', [
  z.object({ ...fieldBase, type: z.literal('text'), input: z.enum(['chinese', 'chineseName', 'latin', 'idNumber', 'plate', 'vinTail', 'code', 'idNumberTail']), maxLength: z.number().int().min(1).max(100) }).strict(),
  z.object({ ...fieldBase, type: z.literal('choice'), options: z.array(z.object({ value: ValueId, labelKey: MessageKey }).strict()).min(1).max(12) }).strict(),
  z.object({ ...fieldBase, type: z.literal('date'), min: IsoDate, max: IsoDate }).strict(),
  z.object({ ...fieldBase, type: z.literal('phone') }).strict(),
  z.object({ ...fieldBase, type: z.literal('address'), detailMaxLength: z.number().int().min(1).max(100) }).strict(),
]);
export type FormField = z.infer<typeof FormField>;
export type FormFieldType = FormField['type'];

/** An address: region codes (six-digit GB/T 2260; no county for a city without counties) and the detail line. */
export const AddressValue = z
  .object({ province: z.string().max(12), city: z.string().max(12), county: z.string().max(12).nullable(), detail: z.string().max(200) })
  .strict();
export type AddressValue = z.infer<typeof AddressValue>;

/** A field's value: text, a choice's value, `YYYY-MM-DD`, 11 digits, or an address. */
export const FormValue = z.union([z.string().max(200), AddressValue]);
export type FormValue = z.infer<typeof FormValue>;

/** At most this many values in one submission (a form has at most 16 fields). */
export const MAX_FORM_VALUES = 24;

export const FormValues = z.record(FieldId, FormValue).refine((values) => Object.keys(values).length <= MAX_FORM_VALUES, `at most ${MAX_FORM_VALUES} values`);
export type FormValues = z.infer<typeof FormValues>;

/** A field's error, by field id: an i18n key (`flow.form.error.*`). */
const FieldErrors = z.record(FieldId, MessageKey);

/** A form step: the declaration, the values so far (pre-filled or sent) and what the host found wrong with them. */
export const FormStepData = z.object({
  step: z.literal('form'),
  titleKey: MessageKey,
  fields: z.array(FormField).min(1).max(16),
  values: FormValues,
  errors: FieldErrors,
  /** The field a code held under the kiosk's scanner fills (the host submits the form with it), when the step takes scans. */
  scanFieldId: FieldId.optional(),
});

/** How the citizen gets the document: at this hall, or by EMS (its fee shown). */
export const DeliveryMethod = z.enum(['hall', 'ems']);
export type DeliveryMethod = z.infer<typeof DeliveryMethod>;

/**
 * A delivery step: collect at `hall` (its name and window), or EMS to the
 * recipient the `fields` ask for (name, phone, address), for `emsFeeFen`.
 * The submission's `method` value picks one; the fields count only for EMS.
 */
export const DeliveryStepData = z.object({
  step: z.literal('delivery'),
  titleKey: MessageKey,
  hall: z.object({ name: z.string().max(120), window: z.string().max(120) }),
  emsFeeFen: z.number().int().min(0),
  method: DeliveryMethod.nullable(),
  fields: z.array(FormField).min(1).max(6),
  values: FormValues,
  errors: FieldErrors,
});
