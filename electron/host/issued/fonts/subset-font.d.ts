/** Types for subset-font 2.9 (harfbuzz subsetter compiled to wasm); the package ships none. */
declare module 'subset-font' {
  interface SubsetFontOptions {
    targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype';
    preserveNameIds?: number[];
    variationAxes?: Record<string, number | { min: number; max: number; default?: number }>;
    keepAllGlyphs?: boolean;
    noLayoutClosure?: boolean;
  }
  function subsetFont(original: Uint8Array, text: string | null, options?: SubsetFontOptions): Promise<Buffer>;
  export default subsetFont;
}
