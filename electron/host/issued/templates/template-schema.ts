/**
 * Document templates, as data: a service keeps its own in its folder, the
 * library's generic ones sit in `resources/templates/`. A template is layout
 * and fixed wording only; every variable text is a `{{field}}` the service
 * fills (`{{number}}` is the printed number). Validated with zod on first use.
 */
import { z } from 'zod';

const Mm = z.number().min(0).max(400);

const StyleName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/);

export const TextStyle = z
  .object({
    font: z.enum(['regular', 'bold']),
    sizePt: z.number().min(5).max(72),
    lineHeightPt: z.number().min(5).max(144),
  })
  .strict();

/** Blocks may be skipped when a field is empty (`when`). */
const When = z.string().min(1).optional();

const TextBlock = z
  .object({
    kind: z.literal('text'),
    style: StyleName,
    text: z.string(),
    align: z.enum(['left', 'center', 'right', 'justify']).default('left'),
    /** First-line indent in characters (首行缩进两字 = 2). */
    indentChars: z.number().min(0).max(8).default(0),
    /** Space after the block, in lines of its style. */
    spaceAfterLines: z.number().min(0).max(10).default(0),
    when: When,
  })
  .strict();

/** One paragraph per item of a list field (e.g. notes). */
const ListBlock = z
  .object({
    kind: z.literal('list'),
    style: StyleName,
    field: z.string().min(1),
    /** Wording around each item, `{{item}}` and `{{index}}` available. */
    text: z.string().default('{{item}}'),
    indentChars: z.number().min(0).max(8).default(0),
    align: z.enum(['left', 'justify']).default('justify'),
    heading: z.string().optional(),
    headingStyle: StyleName.optional(),
    spaceAfterLines: z.number().min(0).max(10).default(0),
  })
  .strict();

const FieldsBlock = z
  .object({
    kind: z.literal('fields'),
    style: StyleName,
    rows: z.array(z.object({ label: z.string().min(1), value: z.string(), when: When }).strict()).min(1),
    spaceAfterLines: z.number().min(0).max(10).default(0),
  })
  .strict();

const SpaceBlock = z.object({ kind: z.literal('space'), style: StyleName, lines: z.number().min(0).max(20) }).strict();

/** Issuing office and date, right-aligned, with the seal over them (GB/T 9704 款识). */
const SignatureBlock = z
  .object({
    kind: z.literal('signature'),
    style: StyleName,
    lines: z.array(z.string()).min(1),
    /** Right indent of the widest line, in characters (GB/T 9704: 4). */
    rightIndentChars: z.number().min(0).max(10).default(4),
    /** Where the back-end's electronic seal goes (over the lines); drawn only when the request brings one. */
    seal: z
      .object({
        diameterMm: Mm,
        // A seal image on the kiosk's disk would let a copied disk forge certificates.
        image: z.never({ error: 'the seal is not an image file: it comes from the back-end with the document (DocumentRequest.seal); remove "image"' }).optional(),
      })
      .strict()
      .optional(),
    spaceBeforeLines: z.number().min(0).max(10).default(2),
  })
  .strict();

/**
 * The citizen's handwritten signature (签名): a label, a box the strokes are
 * drawn into as vector paths (they come with the request, never from the
 * template), and the time of signing beside the box. Not the issuer's
 * `signature` block (款识). Without a signature in the request the box is
 * left empty and the time line out: the paper is signed by hand.
 */
const CitizenSignatureBlock = z
  .object({
    kind: z.literal('citizenSignature'),
    style: StyleName,
    /** e.g. 申请人签名： */
    label: z.string().min(1),
    widthMm: z.number().min(10).max(200),
    heightMm: z.number().min(5).max(100),
    /** `{{signatureTime}}` is the time of signing as the request brings it. */
    time: z.string().default('签名时间：{{signatureTime}}'),
    spaceBeforeLines: z.number().min(0).max(10).default(1),
  })
  .strict();

export const TemplateBlock = z.discriminatedUnion('kind', [TextBlock, ListBlock, FieldsBlock, SpaceBlock, SignatureBlock, CitizenSignatureBlock]);

/** QR code with caption lines at the foot of the last page's text area. */
const QrFooter = z
  .object({
    value: z.string(),
    sizeMm: Mm,
    style: StyleName,
    caption: z.array(z.string()).default([]),
    when: When,
  })
  .strict();

export const DocumentTemplate = z
  .object({
    /** The template's name in errors, e.g. `noCriminalRecord`. */
    id: z.string().regex(/^[a-zA-Z0-9-]{1,64}$/),
    /** PDF document title (metadata). */
    title: z.string().min(1),
    page: z
      .object({
        widthMm: Mm,
        heightMm: Mm,
        marginMm: z.object({ top: Mm, right: Mm, bottom: Mm, left: Mm }).strict(),
      })
      .strict(),
    styles: z.record(StyleName, TextStyle),
    blocks: z.array(TemplateBlock).min(1),
    footerQr: QrFooter.optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    const styleOf = (b: { style: string }): string => b.style;
    const headingStyles = t.blocks.flatMap((b) => (b.kind === 'list' && b.headingStyle ? [b.headingStyle] : []));
    const used = [...t.blocks.map(styleOf), ...headingStyles, ...(t.footerQr ? [t.footerQr.style] : [])];
    for (const style of used) {
      if (!(style in t.styles)) ctx.addIssue({ code: 'custom', path: ['styles'], message: `style "${style}" is used but not defined` });
    }
    const { top, right, bottom, left } = t.page.marginMm;
    if (left + right >= t.page.widthMm || top + bottom >= t.page.heightMm) {
      ctx.addIssue({ code: 'custom', path: ['page', 'marginMm'], message: 'margins leave no text area' });
    }
  });

export type DocumentTemplate = z.infer<typeof DocumentTemplate>;
export type TemplateBlock = z.infer<typeof TemplateBlock>;
export type TextStyle = z.infer<typeof TextStyle>;
